import { Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { FormActions } from './FormActions';
import { FormError } from './States';

interface DialogFormProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The failed request's error, said above the buttons (the dialog stays open on it). */
  error: unknown;
  submitLabel: string;
  saving: boolean;
  /** « Annuler »: closes the dialog. */
  onCancel: () => void;
  children: ReactNode;
}

/** A short form inside a dialog: its fields, the server's refusal if any, then the submit and « Annuler ». */
export function DialogForm({ onSubmit, error, submitLabel, saving, onCancel, children }: DialogFormProps) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        {children}
        <FormError error={error} />
        <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
