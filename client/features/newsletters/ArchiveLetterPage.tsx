import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { formatDate } from '../../lib/format';
import { useArchivedLetter } from './api';
import { ARCHIVE_PATH } from './paths';

/** A letter of the archive, as it was mailed (without personal fields or unsubscribe link), in a sandboxed frame. */
export default function ArchiveLetterPage() {
  const { t, i18n } = useTranslation('newsletters');
  const { id = '' } = useParams();
  const en = i18n.language.startsWith('en');
  const letter = useArchivedLetter(id, en ? 'en' : 'fr');
  if (letter.isPending) return <PageSkeleton />;
  if (letter.isError) return <ErrorState error={letter.error} onRetry={() => void letter.refetch()} />;
  const l = letter.data;
  return (
    <>
      <PageBreadcrumbs links={[{ to: ARCHIVE_PATH, label: t('archive.title') }]} current={l.subject} />
      <PageHeader title={l.subject} description={t('archive.sentLine', { topic: en ? l.topicName.en : l.topicName.fr, date: formatDate(l.finishedAt) })} />
      <Box maw={680}>
        <iframe title={t('archive.frame', { subject: l.subject })} srcDoc={l.html} sandbox="" width="100%" height={900} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }} />
        <Text size="sm" c="dimmed" mt="xs">{t('archive.note')}</Text>
      </Box>
    </>
  );
}
