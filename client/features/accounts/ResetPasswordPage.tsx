import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PasswordField } from '../../components/PasswordField';
import { RequiredNote } from '../../components/RequiredNote';
import { PageSkeleton, useErrorMessage } from '../../components/States';
import { api, applyFieldErrors } from '../../lib/api';
import { useTokenInfo } from './api';
import { AuthCard } from './AuthCard';
import { InvalidLink } from './InvitationPage';
import { loadPasswordChecker, NewPasswordField, newPasswordRule } from './NewPasswordField';
import { endSessionOnPurpose } from './session';

/** Choosing a new password from the e-mailed link; every session is closed afterwards, so the user logs in again. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useTokenInfo(token, 'password_reset');
  return (
    <AuthCard title={t('auth.reset.title')} description={info.data ? t('auth.reset.description', { email: info.data.email }) : undefined}>
      {info.isPending ? <PageSkeleton lines={3} /> : null}
      {info.isError ? <InvalidLink error={info.error} /> : null}
      {info.data ? <ResetForm token={token} email={info.data.email} name={info.data.name} /> : null}
    </AuthCard>
  );
}

function ResetForm({ token, email, name }: { token: string; email: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      password: newPasswordRule(t, () => [email, name]),
      confirm: (value, values) => (value === values.password ? null : t('password.mismatch')),
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => api<void>('/api/auth/password/reset', { method: 'POST', body: { token, password } }),
    onSuccess: async () => {
      notifications.show({ color: 'cevennes', message: t('auth.reset.done') });
      endSessionOnPurpose(queryClient); // the reset closed every session, this browser's included
      await navigate('/connexion', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        await loadPasswordChecker();
        form.onSubmit((values) => reset.mutate(values.password))();
      }}
    >
      <Stack gap="md">
        {reset.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(reset.error)}
          </Alert>
        ) : null}
        <RequiredNote all />
        <NewPasswordField label={t('fields.newPassword')} userInputs={[email, name]} {...form.getInputProps('password')} />
        <PasswordField label={t('fields.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={reset.isPending} fullWidth>
          {t('auth.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}
