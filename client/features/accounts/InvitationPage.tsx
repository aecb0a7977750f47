import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, applyFieldErrors } from '../../lib/api';
import { confirmRule, newPasswordRule } from './NewPasswordField';
import { setSignedIn } from './signed-in';
import { SetPasswordForm, TokenLinkPage, type TokenFormProps } from './SetPasswordFlow';
import { LIMITS, type Me } from './types';
import { requiredText } from './validation';

/** Accepting an invitation: choose a password (and check one's name), then land signed in on the home page. */
export default function InvitationPage() {
  return <TokenLinkPage purpose="invitation" form={InvitationForm} />;
}

function InvitationForm({ token, email, name }: TokenFormProps) {
  const { t, i18n } = useTranslation('accounts');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name, password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      name: requiredText(LIMITS.userName),
      password: newPasswordRule<{ name: string }>(t, (values) => [email, values.name]),
      confirm: confirmRule(t, 'password'),
    },
  });
  const accept = useMutation({
    mutationFn: (values: { name: string; password: string }) =>
      api<{ user: Me }>('/api/auth/invitation/accept', { method: 'POST', body: { token, password: values.password, name: values.name.trim() } }),
    onSuccess: async ({ user }) => {
      // The welcome speaks the account's language (chosen by whoever invited), even on a page opened in another.
      await setSignedIn(queryClient, user);
      notifications.show({ color: 'cevennes', message: i18n.t('auth.invitation.done', { ns: 'accounts', lng: user.language, name: user.name }) });
      void navigate('/', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <SetPasswordForm
      form={form}
      userInputs={[email, form.values.name]}
      submitLabel={t('auth.invitation.submit')}
      pending={accept.isPending}
      error={accept.error}
      onValid={(values) => accept.mutate(values)}
    >
      <TextInput label={t('fields.email')} value={email} readOnly />
      <TextInput
        label={t('fields.name')}
        // An administrator created at start-up comes without a name (the server sends none): say what it is for.
        description={name ? undefined : t('auth.invitation.nameHelp')}
        required
        withAsterisk={false}
        autoComplete="name"
        maxLength={LIMITS.userName + 1}
        {...form.getInputProps('name')}
      />
    </SetPasswordForm>
  );
}
