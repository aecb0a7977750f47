import { Group, Radio, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProfileFormSection } from '../../../components/ProfileSection';
import { useErrorNotice } from '../../../components/States';
import i18n, { setLanguage } from '../../../i18n';
import { useUpdateMe } from '../api';
import type { Me } from '../types';

/** The e-mails one may turn off, in the order the switches show them. */
const EMAIL_KINDS = ['news', 'trainings', 'documents', 'figures', 'newsletter'] as const;

/** « Préférences » (the user menu's link lands here): the language, and the e-mails one receives. */
export function PreferencesSection({ user }: { user: Me }) {
  const { t } = useTranslation('accounts');
  const update = useUpdateMe();
  const notifyError = useErrorNotice();
  const form = useForm({ initialValues: { language: user.language, ...user.emailPreferences } });
  return (
    <ProfileFormSection
      id="preferences"
      title={t('profile.preferences.title')}
      description={t('profile.preferences.description')}
      onSubmit={form.onSubmit(({ language, newsletter, news, trainings, documents, figures }) =>
        update.mutate(
          { language, emailPreferences: { newsletter, news, trainings, documents, figures } },
          {
            onSuccess: async (me) => {
              form.resetDirty({ language: me.language, ...me.emailPreferences });
              await setLanguage(me.language);
              notifications.show({ color: 'cevennes', message: i18n.t('profile.preferences.saved', { ns: 'accounts' }) });
            },
            onError: notifyError,
          },
        ),
      )}
      submitLabel={t('common.save')}
      saving={update.isPending}
      disabled={!form.isDirty()}
    >
      <Radio.Group label={t('profile.preferences.language')} {...form.getInputProps('language')}>
        <Group gap="lg" mt="xs">
          <Radio value="fr" label={t('language.fr')} lang="fr" />
          <Radio value="en" label={t('language.en')} lang="en" />
        </Group>
      </Radio.Group>
      <Stack gap="sm" role="group" aria-labelledby="email-prefs-label">
        <Text size="sm" fw={500} id="email-prefs-label">
          {t('profile.preferences.emails')}
        </Text>
        {EMAIL_KINDS.map((kind) => (
          <Switch key={kind} label={t(`profile.preferences.${kind}`)} description={t(`profile.preferences.${kind}Help`)} {...form.getInputProps(kind, { type: 'checkbox' })} />
        ))}
        <Text size="xs" c="dimmed">
          {t('profile.preferences.transactional')}
        </Text>
      </Stack>
    </ProfileFormSection>
  );
}
