import { Stack, type MantineSpacing } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';

interface RecordFormProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Editing a record that exists (else creating one). */
  editing: boolean;
  /** Whether a field changed: an edit with nothing changed has nothing to save. */
  dirty: boolean;
  /** The submit button's label when creating ("Créer la formation"…); an edit says "Enregistrer". */
  createLabel: string;
  saving: boolean;
  onCancel?: () => void;
  gap?: MantineSpacing;
  children: ReactNode;
}

/** A create-or-edit form of one record: its fields, then the footer whose submit follows whether the record exists. */
export function RecordForm({ onSubmit, editing, dirty, createLabel, saving, onCancel, gap = 'md', children }: RecordFormProps) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap={gap}>
        {children}
        <FormActions submitLabel={editing ? t('common.save') : createLabel} saving={saving} disabled={editing && !dirty} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
