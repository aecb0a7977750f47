import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PasswordField } from '../../components/PasswordField';
import { RequiredNote } from '../../components/RequiredNote';
import { ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { api, applyFieldErrors } from '../../lib/api';
import { useTokenInfo } from './api';
import { AuthCard } from './AuthCard';
import { loadPasswordChecker, NewPasswordField, newPasswordRule } from './NewPasswordField';
import { setSignedIn } from './session';
import { LIMITS, type Me } from './types';
import { requiredText } from './validation';

/** Accepting an invitation: choose a password (and check one's name), then land signed in on the home page. */
export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useTokenInfo(token, 'invitation');

  return (
    <AuthCard title={t('auth.invitation.title')} description={info.data ? t('auth.invitation.description', { email: info.data.email }) : undefined}>
      {info.isPending ? <PageSkeleton lines={3} /> : null}
      {info.isError ? <InvalidLink error={info.error} /> : null}
      {info.data ? <InvitationForm token={token} email={info.data.email} name={info.data.name} /> : null}
    </AuthCard>
  );
}

export function InvalidLink({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <ErrorState error={error} title={t('auth.invalidLink.title')} />
      <Anchor component={Link} to="/mot-de-passe-oublie">
        {t('auth.invalidLink.forgot')}
      </Anchor>
      <Anchor component={Link} to="/connexion">
        {t('auth.invalidLink.login')}
      </Anchor>
    </Stack>
  );
}

export function InvitationForm({ token, email, name }: { token: string; email: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const form = useForm({
    initialValues: { name, password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      name: requiredText(t, LIMITS.userName),
      password: newPasswordRule<{ name: string }>(t, (values) => [email, values.name]),
      confirm: (value, values) => (value === values.password ? null : t('password.mismatch')),
    },
  });
  const accept = useMutation({
    mutationFn: (values: { name: string; password: string }) =>
      api<{ user: Me }>('/api/auth/invitation/accept', { method: 'POST', body: { token, password: values.password, name: values.name.trim() } }),
    onSuccess: ({ user }) => {
      setSignedIn(queryClient, user);
      notifications.show({ color: 'cevennes', message: t('auth.invitation.done', { name: user.name }) });
      void navigate('/', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        await loadPasswordChecker(); // the "not common" rule needs the dictionaries
        form.onSubmit((values) => accept.mutate(values))();
      }}
    >
      <Stack gap="md">
        {accept.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        ) : null}
        <RequiredNote all />
        <TextInput label={t('fields.email')} value={email} readOnly disabled />
        <TextInput label={t('fields.name')} required withAsterisk={false} autoComplete="name" maxLength={LIMITS.userName + 1} {...form.getInputProps('name')} />
        <NewPasswordField label={t('fields.newPassword')} userInputs={[email, form.values.name]} {...form.getInputProps('password')} />
        <PasswordField label={t('fields.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
