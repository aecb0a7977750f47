import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { PagedList } from '../../../components/PagedList';
import { EmptyState } from '../../../components/States';
import { useListParams } from '../../../components/useListParams';
import { formatDate } from '../../../lib/format';
import { useContributions } from './api';
import { ContributionStatusBadge } from './StatusBadge';

/** « Mes propositions »: what the partner's establishment proposed, and the office's answer. */
export default function MyProposalsPage() {
  const { t } = useTranslation('contributions');
  const { page, set } = useListParams([]);
  const list = useContributions({ page });
  const proposeButton = (
    <Button component={Link} to="/documents/proposer">
      {t('mine.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} actions={proposeButton} />
      <PagedList query={list} page={page} onPageChange={(p) => set({ page: p })} empty={<EmptyState title={t('mine.empty')} description={t('mine.emptyHelp')} />}>
        {(data, dimmed) => (
          <DataTable
            minWidth={560}
            dimmed={dimmed}
            caption={t('mine.title')}
            rows={data.items}
            rowKey={(c) => c.id}
            columns={[
              {
                label: t('propose.titleField'),
                card: 'title',
                cell: (c) => (
                  <>
                    <Text fw={600}>{c.title}</Text>
                    <Text size="sm" c="dimmed">{c.credit}</Text>
                    {c.decisionMessage ? <Text size="sm">{t('mine.answer', { message: c.decisionMessage })}</Text> : null}
                    {c.documentId ? (
                      <Anchor component={Link} to={`/documents/${c.documentId}`} size="sm">
                        {t('mine.view')}
                      </Anchor>
                    ) : null}
                  </>
                ),
              },
              { label: t('fields.date'), cell: (c) => formatDate(c.createdAt) },
              { label: t('fields.status'), card: 'status', cell: (c) => <ContributionStatusBadge status={c.status} /> },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
