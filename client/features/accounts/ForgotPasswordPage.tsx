import { Alert, Anchor, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequiredNote } from '../../components/RequiredNote';
import { FormError } from '../../components/States';
import { api, applyFieldErrors } from '../../lib/api';
import { AuthCard, AuthSubmit } from './AuthCard';
import { emailRule } from './validation';

/** Asks for a reset link. The answer is the same whether or not the address has an account (no account discovery). */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('accounts');
  const form = useForm({
    initialValues: { email: '' },
    validateInputOnBlur: true,
    validate: { email: emailRule({ login: true }) },
  });
  const forgot = useMutation({
    mutationFn: (email: string) => api<void>('/api/auth/password/forgot', { method: 'POST', body: { email } }),
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <AuthCard title={t('auth.forgot.title')} description={t('auth.forgot.description')}>
      {forgot.isSuccess ? (
        <Stack gap="md">
          <Alert color="cevennes" variant="light" role="status" title={t('auth.forgot.sentTitle')} style={{ overflowWrap: 'anywhere' }}>
            {t('auth.forgot.sent', { email: forgot.variables })}
          </Alert>
          <Anchor component={Link} to="/connexion">
            {t('auth.forgot.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => forgot.mutate(values.email.trim()))}>
          <Stack gap="md">
            <FormError error={forgot.error} />
            <RequiredNote all />
            <TextInput label={t('fields.email')} type="email" autoComplete="email" required withAsterisk={false} {...form.getInputProps('email')} />
            <AuthSubmit label={t('auth.forgot.submit')} pending={forgot.isPending} link={{ to: '/connexion', label: t('auth.forgot.backToLogin') }} />
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
