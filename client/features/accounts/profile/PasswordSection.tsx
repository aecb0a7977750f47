import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/PasswordField';
import { ProfileFormSection } from '../../../components/ProfileSection';
import { RequiredNote } from '../../../components/RequiredNote';
import { useErrorNotice } from '../../../components/States';
import { applyFieldErrors } from '../../../lib/api';
import { useChangePassword } from '../api';
import { confirmRule, NewPasswordField, newPasswordRule, submitAfterChecker } from '../NewPasswordField';
import type { Me } from '../types';

/** « Mot de passe »: the current password, then the new one (the server's rule, the user's own name and e-mail counting as easy to guess) and its confirmation. */
export function PasswordSection({ user }: { user: Me }) {
  const { t } = useTranslation('accounts');
  const change = useChangePassword();
  const notifyError = useErrorNotice();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validateInputOnChange: ['newPassword', 'confirm'],
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: newPasswordRule(t, () => [user.email, user.name]),
      confirm: confirmRule(t, 'newPassword'),
    },
  });
  return (
    <ProfileFormSection
      id="mot-de-passe"
      title={t('profile.password.title')}
      description={t('profile.password.description')}
      onSubmit={submitAfterChecker(
        form.onSubmit((values) =>
          change.mutate(
            { currentPassword: values.currentPassword, newPassword: values.newPassword },
            {
              onSuccess: () => {
                form.reset();
                notifications.show({ color: 'cevennes', message: t('profile.password.changed') });
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error)) notifyError(error);
              },
            },
          ),
        ),
      )}
      submitLabel={t('profile.password.submit')}
      saving={change.isPending}
    >
      <RequiredNote all />
      <PasswordField label={t('fields.currentPassword')} required autoComplete="current-password" {...form.getInputProps('currentPassword')} />
      <NewPasswordField label={t('fields.newPassword')} userInputs={[user.email, user.name]} {...form.getInputProps('newPassword')} />
      <PasswordField label={t('fields.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
    </ProfileFormSection>
  );
}
