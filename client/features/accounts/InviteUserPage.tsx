import { Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormActions } from '../../components/FormActions';
import { FormPanel } from '../../components/FormPanel';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { RequiredNote } from '../../components/RequiredNote';
import { FormError } from '../../components/States';
import { applyFieldErrors } from '../../lib/api';
import type { Language } from '../../../common/accounts';
import { ROLES } from '../../../common/roles';
import { useInviteUser } from './api';
import { EstablishmentSelect, OfficeSelect } from './pickers';
import { useUser } from './signed-in';
import { LIMITS, type Role } from './types';
import { emailRule, requiredText } from './validation';

interface InviteValues {
  email: string;
  name: string;
  role: Role;
  establishmentId: string;
  officeId: string;
  language: Language;
}

/** Invites someone by e-mail; staff invite partners only, admins anyone. The invitee sets a password from the e-mailed link. */
export default function InviteUserPage() {
  const { t } = useTranslation('accounts');
  const me = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invite = useInviteUser();
  const roles: Role[] = me.role === 'admin' ? [...ROLES] : ['partner'];

  const form = useForm<InviteValues>({
    initialValues: { email: '', name: '', role: 'partner', establishmentId: params.get('establishmentId') ?? '', officeId: me.office?.id ?? '', language: 'fr' },
    validateInputOnChange: ['name'],
    validateInputOnBlur: ['email'],
    validate: {
      email: emailRule(),
      name: requiredText(LIMITS.userName),
      establishmentId: (v, values) => (values.role === 'partner' && !v ? t('users.invite.establishmentRequired') : null),
      officeId: (v, values) => (values.role === 'staff' && !v ? t('users.invite.officeRequired') : null),
    },
  });
  const role = form.values.role;
  /** A picker bound to its field of the form (the pickers answer '' when cleared). */
  const pickerProps = (field: 'establishmentId' | 'officeId') => ({
    value: form.values[field],
    onChange: (v: string) => form.setFieldValue(field, v),
    error: form.errors[field],
  });
  const back = params.get('establishmentId') ? `/utilisateurs?establishmentId=${params.get('establishmentId')}` : '/utilisateurs';

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/utilisateurs', label: t('nav.users') }]} current={t('users.invite.title')} />
      <PageHeader title={t('users.invite.title')} description={t('users.invite.description')} />
      <FormPanel maw={640}>
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            invite.mutate(
              {
                email: v.email.trim(),
                name: v.name.trim(),
                role: v.role,
                language: v.language,
                ...(v.role === 'partner' ? { establishmentId: v.establishmentId } : {}),
                ...(v.role === 'staff' ? { officeId: v.officeId } : {}),
              },
              {
                onSuccess: async () => {
                  notifications.show({ color: 'cevennes', message: t('users.invite.sent', { email: v.email.trim() }) });
                  await navigate(back);
                },
                onError: (error) => applyFieldErrors(form, error),
              },
            ),
          )}
        >
          <Stack gap="md">
            <FormError error={invite.error} />
            <RequiredNote />
            <TextInput label={t('fields.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
            <TextInput label={t('fields.name')} required autoComplete="off" {...form.getInputProps('name')} />
            <Select
              label={t('fields.role')}
              description={me.role === 'admin' ? undefined : t('users.invite.staffScope')}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              disabled={roles.length === 1}
              {...form.getInputProps('role')}
            />
            {role === 'partner' ? <EstablishmentSelect label={t('fields.establishment')} required {...pickerProps('establishmentId')} /> : null}
            {role === 'staff' ? <OfficeSelect label={t('fields.office')} required {...pickerProps('officeId')} /> : null}
            <Radio.Group label={t('users.invite.language')} description={t('users.invite.languageHelp')} {...form.getInputProps('language')}>
              <Group gap="lg" mt="xs">
                <Radio value="fr" label={t('language.fr')} lang="fr" />
                <Radio value="en" label={t('language.en')} lang="en" />
              </Group>
            </Radio.Group>
            <FormActions submitLabel={t('users.invite.submit')} saving={invite.isPending} cancelTo={back} />
          </Stack>
        </form>
      </FormPanel>
    </>
  );
}
