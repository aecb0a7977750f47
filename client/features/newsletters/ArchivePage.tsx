import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilteredTable } from '../../components/FilteredList';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { formatDate } from '../../lib/format';
import { useArchive } from './api';
import { ARCHIVE_PATH } from './paths';

/** Signed-in: the letters sent to the network that admins put in the archive (those of my audience), newest first. */
export default function ArchivePage() {
  const { t, i18n } = useTranslation('newsletters');
  const listParams = useListParams([]);
  const list = useArchive(listParams.page);
  const en = i18n.language.startsWith('en');
  return (
    <>
      <PageHeader title={t('archive.title')} description={t('archive.description')} />
      <FilteredTable query={list} params={listParams} minWidth={560} rowKey={(c) => c.id}
        empty={{ title: t('archive.empty'), description: t('archive.emptyHelp') }} count={(n) => t('archive.count', n)}
        columns={[
          { label: t('fields.subject'), card: 'title', cell: (c) => <Anchor component={Link} to={`${ARCHIVE_PATH}/${c.id}`} fw={600}>{c.subject}</Anchor> },
          { label: t('fields.topic'), cell: (c) => <Text size="sm">{en ? c.topicName.en : c.topicName.fr}</Text> },
          { label: t('archive.sentOn'), cell: (c) => formatDate(c.finishedAt) },
        ]} />
    </>
  );
}
