import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { EmptyState } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDate, formatNumber } from '../../lib/format';
import { useArchive } from './api';
import { ARCHIVE_PATH } from './paths';

/** Signed-in: the letters sent to the network that admins put in the archive (those of my audience), newest first. */
export default function ArchivePage() {
  const { t, i18n } = useTranslation('newsletters');
  const { page, set } = useListParams([]);
  const list = useArchive(page);
  const en = i18n.language.startsWith('en');
  return (
    <>
      <PageHeader title={t('archive.title')} description={t('archive.description')} />
      <PagedList query={list} page={page} onPageChange={(p) => set({ page: p })} empty={<EmptyState title={t('archive.empty')} description={t('archive.emptyHelp')} />}>
        {(data, dimmed) => (
          <DataTable
            minWidth={560}
            dimmed={dimmed}
            caption={t('archive.count', { count: data.total, formatted: formatNumber(data.total) })}
            rows={data.items}
            rowKey={(c) => c.id}
            columns={[
              { label: t('fields.subject'), card: 'title', cell: (c) => <Anchor component={Link} to={`${ARCHIVE_PATH}/${c.id}`} fw={600}>{c.subject}</Anchor> },
              { label: t('fields.topic'), cell: (c) => <Text size="sm">{en ? c.topicName.en : c.topicName.fr}</Text> },
              { label: t('archive.sentOn'), cell: (c) => formatDate(c.finishedAt) },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
