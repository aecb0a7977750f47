import { Alert } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/PasswordField';
import { useErrorMessage } from '../../../components/States';
import { api, ApiError } from '../../../lib/api';
import { ConfirmedActionSection } from './ConfirmedActionSection';
import { useSignedOutNow } from './useSignedOutNow';

/** « Supprimer mon compte » (RGPD, right to erasure): confirmed with the password, then signed out everywhere. */
export function DeleteSection() {
  const { t } = useTranslation('accounts');
  const signedOut = useSignedOutNow();
  const [password, setPassword] = useState('');
  const erase = useMutation({
    mutationFn: (pw: string) => api<void>('/api/me', { method: 'DELETE', body: { password: pw } }),
    onSuccess: () => signedOut(t('profile.delete.done')),
  });
  const errorMessage = useErrorMessage();
  return (
    <ConfirmedActionSection
      id="supprimer"
      title={t('profile.delete.title')}
      description={t('profile.delete.description')}
      danger
      action={{ label: t('profile.delete.action'), color: 'red.8', variant: 'outline' }}
      dialog={{
        title: t('profile.delete.confirmTitle'),
        message: t('profile.delete.confirmMessage'),
        confirmLabel: t('profile.delete.confirm'),
        danger: true,
        onConfirm: () => password && erase.mutate(password),
        loading: erase.isPending,
        confirmDisabled: !password,
      }}
      onClose={() => {
        setPassword('');
        erase.reset();
      }}
    >
      {erase.isError ? (
        <Alert color="red" variant="light" role="alert">
          {(erase.error instanceof ApiError && erase.error.fields.password) || errorMessage(erase.error)}
        </Alert>
      ) : null}
      <PasswordField label={t('profile.delete.password')} required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
    </ConfirmedActionSection>
  );
}
