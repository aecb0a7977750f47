import { Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { FormActions } from './FormActions';

interface ProfileSectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  danger?: boolean;
}

/** One section of « Mon profil » (its heading focusable, so that /profil#<id> lands on it); features add their own (news mail). */
export function ProfileSection({ id, title, description, children, danger }: ProfileSectionProps) {
  return (
    <Paper component="section" aria-labelledby={`${id}-title`} id={id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} style={{ scrollMarginTop: 80, ...(danger ? { borderColor: 'var(--mantine-color-red-3)' } : {}) }}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id={`${id}-title`} tabIndex={-1}>
            {title}
          </Title>
          {description ? <Text size="sm" c="dimmed">{description}</Text> : null}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}


interface ProfileFormSectionProps extends Omit<ProfileSectionProps, 'danger'> {
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  saving: boolean;
  /** E.g. nothing changed yet. */
  disabled?: boolean;
}

/** A section of « Mon profil » that is one form: its fields, then its submit button. */
export function ProfileFormSection({ onSubmit, submitLabel, saving, disabled, children, ...section }: ProfileFormSectionProps) {
  return (
    <ProfileSection {...section}>
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          {children}
          <FormActions submitLabel={submitLabel} saving={saving} disabled={disabled} />
        </Stack>
      </form>
    </ProfileSection>
  );
}
