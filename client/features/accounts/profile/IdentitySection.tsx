import { Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { ProfileFormSection } from '../../../components/ProfileSection';
import { useErrorNotice } from '../../../components/States';
import { applyFieldErrors } from '../../../lib/api';
import { useUpdateMe } from '../api';
import { LIMITS, type Me } from '../types';
import { requiredText } from '../validation';

/** « Mes informations »: the name one may change, the e-mail, role, establishment and office one may only read. */
export function IdentitySection({ user }: { user: Me }) {
  const { t } = useTranslation('accounts');
  const update = useUpdateMe();
  const notifyError = useErrorNotice();
  const form = useForm({
    initialValues: { name: user.name },
    validateInputOnChange: true,
    validate: { name: requiredText(LIMITS.userName) },
  });
  return (
    <ProfileFormSection
      id="informations"
      title={t('profile.identity.title')}
      onSubmit={form.onSubmit((values) =>
        update.mutate(
          { name: values.name.trim() },
          {
            onSuccess: (me) => {
              form.resetDirty({ name: me.name });
              notifications.show({ color: 'cevennes', message: t('profile.identity.saved') });
            },
            onError: (error) => {
              if (!applyFieldErrors(form, error)) notifyError(error);
            },
          },
        ),
      )}
      submitLabel={t('common.save')}
      saving={update.isPending}
      disabled={!form.isDirty()}
    >
      <TextInput label={t('fields.name')} required withAsterisk={false} description={t('common.required')} autoComplete="name" {...form.getInputProps('name')} />
      <TextInput label={t('fields.email')} value={user.email} readOnly description={t('profile.identity.emailHelp')} />
      <Group gap="xl">
        <Fact label={t('fields.role')}>{t(`roles.${user.role}`)}</Fact>
        {user.establishment ? <Fact label={t('fields.establishment')}>{user.establishment.name}</Fact> : null}
        {user.office ? <Fact label={t('fields.office')}>{user.office.name}</Fact> : null}
      </Group>
    </ProfileFormSection>
  );
}
