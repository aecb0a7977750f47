import { Alert, Group, Radio, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { ProfileSection } from '../../components/ProfileSection';
import { ErrorState } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { saveForm } from '../../lib/api';
import { dayjs, formatLocale } from '../../lib/format';
import { usePreferences, useSavePreferences } from './api';
import { NEWS_MAIL_FREQUENCIES, type NewsMailFrequency, type NewsPreferences } from './types';

/** « Mon profil », news mail: immediate (important posts at once, plus the digest), weekly digest, or none; a quiet period (digest only). */
export default function NewsMailPreferences() {
  const { t } = useTranslation('news');
  const preferences = usePreferences();
  return (
    <ProfileSection id="news-mail" title={t('preferences.title')} description={t('preferences.description')}>
      {preferences.isPending ? <Skeleton height={120} /> : null}
      {preferences.isError ? <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} /> : null}
      {preferences.data ? <PreferencesForm key={JSON.stringify(preferences.data)} saved={preferences.data} /> : null}
    </ProfileSection>
  );
}

interface Values {
  frequency: NewsMailFrequency;
  quietFromMonth: string | null;
  quietToMonth: string | null;
}

function PreferencesForm({ saved }: { saved: NewsPreferences }) {
  const { t } = useTranslation('news');
  const save = useSavePreferences();
  const form = useForm<Values>({
    initialValues: {
      frequency: saved.frequency,
      quietFromMonth: saved.quietFromMonth ? String(saved.quietFromMonth) : null,
      quietToMonth: saved.quietToMonth ? String(saved.quietToMonth) : null,
    },
    validate: {
      // Both months or neither (the server says the same: news.quietPeriodIncomplete).
      quietToMonth: (to, v) => (Boolean(to) !== Boolean(v.quietFromMonth) ? t('validation.quietPeriod') : null),
    },
  });
  const onSave = useSaveHandler(
    (v: Values) =>
      save.mutateAsync({
        frequency: v.frequency,
        quietFromMonth: v.quietFromMonth ? Number(v.quietFromMonth) : null,
        quietToMonth: v.quietToMonth ? Number(v.quietToMonth) : null,
      }),
    () => notifications.show({ color: 'cevennes', message: t('preferences.saved') }),
  );
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: dayjs().locale(formatLocale()).month(i).format('MMMM') }));
  return (
    <form noValidate onSubmit={form.onSubmit((v) => saveForm(form, () => onSave(v)))}>
      <Stack gap="md">
        {!saved.newsConsent ? (
          <Alert color="ochre" variant="light">
            {t('preferences.noConsent')}
          </Alert>
        ) : null}
        <Radio.Group label={t('preferences.frequency')} {...form.getInputProps('frequency')}>
          <Stack gap="xs" mt="xs">
            {NEWS_MAIL_FREQUENCIES.map((f) => (
              <Radio key={f} value={f} label={t(`preferences.frequencies.${f}`)} description={t(`preferences.frequencyHelp.${f}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="quiet-label">
            {t('preferences.quiet')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('preferences.quietHelp')}
          </Text>
          <Group gap="sm" wrap="wrap" role="group" aria-labelledby="quiet-label">
            <Select label={t('preferences.quietFrom')} clearable data={months} w={180} {...form.getInputProps('quietFromMonth')} />
            <Select label={t('preferences.quietTo')} clearable data={months} w={180} {...form.getInputProps('quietToMonth')} />
          </Group>
        </Stack>
        <FormActions submitLabel={t('common.save')} saving={save.isPending} disabled={!form.isDirty()} />
      </Stack>
    </form>
  );
}
