import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorNotice } from '../../../components/States';
import { api } from '../../../lib/api';
import { ConfirmedActionSection } from './ConfirmedActionSection';
import { useSignedOutNow } from './useSignedOutNow';

/** « Appareils connectés »: sign out on every device, this one included. */
export function LoginsSection() {
  const { t } = useTranslation('accounts');
  const signedOut = useSignedOutNow();
  const notifyError = useErrorNotice();
  const logoutAll = useMutation({
    mutationFn: () => api<void>('/api/auth/logout-all', { method: 'POST' }),
    onSuccess: () => signedOut(t('profile.logins.done')),
    onError: notifyError,
  });
  return (
    <ConfirmedActionSection
      id="logins"
      title={t('profile.logins.title')}
      description={t('profile.logins.description')}
      action={{ label: t('profile.logins.action'), variant: 'default' }}
      dialog={{
        title: t('profile.logins.confirmTitle'),
        message: t('profile.logins.confirmMessage'),
        confirmLabel: t('profile.logins.action'),
        onConfirm: () => logoutAll.mutate(),
        loading: logoutAll.isPending,
      }}
    />
  );
}
