import { Alert, Stack, TextInput } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequiredNote } from '../../components/RequiredNote';
import { FormError } from '../../components/States';
import { api } from '../../lib/api';
import { AuthCard, AuthSubmit } from './AuthCard';
import { setSignedIn } from './signed-in';
import type { Me } from './types';
import { emailRule } from './validation';

/** Log-in. On success the route guard sends the user to ?next= (the page they were on) or home. */
export default function LoginPage() {
  const { t } = useTranslation('accounts');
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validateInputOnBlur: ['email'],
    validate: {
      email: emailRule({ login: true }),
      password: (v) => (v ? null : t('validation.required')),
    },
  });
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => api<{ user: Me }>('/api/auth/login', { method: 'POST', body }),
    onSuccess: ({ user }) => void setSignedIn(queryClient, user),
  });

  return (
    <AuthCard title={t('auth.login.title')} description={t('auth.login.description')}>
      {params.get('next') && !login.isError ? (
        <Alert color="cevennes" variant="light">
          {t('auth.login.signInToContinue')}
        </Alert>
      ) : null}
      <FormError error={login.error} title={t('auth.login.failed')} />
      <form noValidate onSubmit={form.onSubmit((values) => login.mutate({ email: values.email.trim(), password: values.password }))}>
        <Stack gap="md">
          <RequiredNote all />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            withAsterisk={false}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <AuthSubmit label={t('auth.login.submit')} pending={login.isPending} link={{ to: '/mot-de-passe-oublie', label: t('auth.login.forgot') }} />
        </Stack>
      </form>
    </AuthCard>
  );
}
