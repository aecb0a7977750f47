import { Button, Group, type ButtonProps } from '@mantine/core';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ProfileSection } from '../../../components/ProfileSection';

interface ConfirmedActionSectionProps extends Omit<ComponentProps<typeof ProfileSection>, 'children'> {
  /** The section's one button, which opens the dialog. */
  action: { label: string; variant: ButtonProps['variant']; color?: ButtonProps['color'] };
  dialog: Omit<ComponentProps<typeof ConfirmDialog>, 'opened' | 'onCancel' | 'children'>;
  /** Run when the dialog is cancelled (e.g. to forget a typed password). */
  onClose?: () => void;
  /** What the dialog asks for besides the confirmation (a password). */
  children?: ReactNode;
}

/** A section of « Mon profil » whose one action (sign out everywhere, erase the account) is confirmed in a dialog first. */
export function ConfirmedActionSection({ action, dialog, onClose, children, ...section }: ConfirmedActionSectionProps) {
  const [opened, setOpened] = useState(false);
  return (
    <ProfileSection {...section}>
      <Group>
        <Button color={action.color} variant={action.variant} onClick={() => setOpened(true)}>
          {action.label}
        </Button>
      </Group>
      <ConfirmDialog
        {...dialog}
        opened={opened}
        onCancel={() => {
          setOpened(false);
          onClose?.();
        }}
      >
        {children}
      </ConfirmDialog>
    </ProfileSection>
  );
}
