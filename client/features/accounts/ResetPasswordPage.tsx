import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, applyFieldErrors } from '../../lib/api';
import { confirmRule, newPasswordRule } from './NewPasswordField';
import { signOutOnPurpose } from './signed-in';
import { SetPasswordForm, TokenLinkPage, type PasswordValues, type TokenFormProps } from './SetPasswordFlow';

/** Choosing a new password from the e-mailed link; every session is closed afterwards, so the user logs in again. */
export default function ResetPasswordPage() {
  return <TokenLinkPage purpose="password_reset" form={ResetForm} />;
}

function ResetForm({ token, email, name }: TokenFormProps) {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PasswordValues>({
    initialValues: { password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      password: newPasswordRule(t, () => [email, name]),
      confirm: confirmRule(t, 'password'),
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => api<void>('/api/auth/password/reset', { method: 'POST', body: { token, password } }),
    onSuccess: async () => {
      notifications.show({ color: 'cevennes', message: t('auth.reset.done') });
      signOutOnPurpose(queryClient); // the reset closed every session, this browser's included
      await navigate('/connexion', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <SetPasswordForm
      form={form}
      userInputs={[email, name]}
      submitLabel={t('auth.reset.submit')}
      pending={reset.isPending}
      error={reset.error}
      onValid={(values) => reset.mutate(values.password)}
    />
  );
}
