import { Anchor, Button, Card, Group, Stack, Switch } from '@mantine/core';
import { Link } from 'react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { usePreferences, useSavePreferences } from './api';
import { ARCHIVE_PATH } from './paths';

/** Signed-in: the letters I receive, topic by topic (my consent, recorded with its date). */
export default function PreferencesPage() {
  const { t, i18n } = useTranslation('newsletters');
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [choice, setChoice] = useState<Record<string, boolean>>({});
  useEffect(() => { if (prefs.data) setChoice(Object.fromEntries(prefs.data.map((p) => [p.id, p.subscribed]))); }, [prefs.data]);
  const en = i18n.language.startsWith('en');
  if (prefs.isPending) return <PageSkeleton />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  return (
    <>
      <PageHeader title={t('preferences.title')} description={t('preferences.description')} />
      <Card withBorder maw={640}>
        <Stack>
          {prefs.data.map((p) => (
            <Switch key={p.id} label={en ? p.nameEn : p.nameFr} description={en ? p.descriptionEn : p.descriptionFr} checked={choice[p.id] ?? false}
              onChange={(e) => { const checked = e.currentTarget.checked; setChoice((c) => ({ ...c, [p.id]: checked })); }} />
          ))}
          <FormError error={save.error} />
          <Group>
            <Button loading={save.isPending} onClick={() => save.mutate(Object.entries(choice).map(([topicId, subscribed]) => ({ topicId, subscribed })))}>{t('preferences.save')}</Button>
            {save.isSuccess && <span role="status">{t('preferences.saved')}</span>}
          </Group>
        </Stack>
      </Card>
      <Anchor component={Link} to={ARCHIVE_PATH} mt="md" display="inline-block">{t('archive.link')}</Anchor>
    </>
  );
}
