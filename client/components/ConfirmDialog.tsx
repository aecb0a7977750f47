import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
  /** Destructive actions are red. */
  danger?: boolean;
  /** Extra content (a password field...) between the message and the buttons. */
  children?: ReactNode;
  /** Disables the confirm button (e.g. until a password is typed). */
  confirmDisabled?: boolean;
}

/** Asks before an action that cannot be undone easily; Escape or "Annuler" backs out. */
export function ConfirmDialog({ opened, title, message, confirmLabel, onConfirm, onCancel, loading, danger, children, confirmDisabled }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <Stack gap="md">
          {typeof message === 'string' ? <Text>{message}</Text> : message}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red.8' : undefined} loading={loading} disabled={confirmDisabled}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
