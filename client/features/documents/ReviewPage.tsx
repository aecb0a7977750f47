import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { EmptyState } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDate, formatNumber } from '../../lib/format';
import { useReviewList } from './api';
import { StatusBadge } from './library/DocumentViews';

/** Staff: documents whose review date has passed (their owner was reminded by e-mail), oldest date first. */
export default function ReviewPage() {
  const { t } = useTranslation('documents');
  const { page, set } = useListParams([]);
  const list = useReviewList(page);
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/documents', label: t('library.root') }]} current={t('review.title')} />
      <PageHeader title={t('review.title')} description={t('review.description')} />
      <PagedList
        query={list}
        page={page}
        onPageChange={(p) => set({ page: p })}
        empty={<EmptyState title={t('review.empty')} description={t('review.emptyHelp')} />}
      >
        {(data, dimmed) => (
          <DataTable
            minWidth={640}
            dimmed={dimmed}
            caption={t('review.count', { count: data.total, formatted: formatNumber(data.total) })}
            rows={data.items}
            rowKey={(doc) => doc.id}
            columns={[
              {
                label: t('fields.title'),
                card: 'title',
                cell: (doc) => (
                  <Anchor component={Link} to={`/documents/${doc.id}`} fw={600}>
                    {doc.title}
                  </Anchor>
                ),
              },
              {
                label: t('fields.reviewOn'),
                cell: (doc) => (
                  <Text size="sm" c="red.9" fw={600}>
                    {doc.reviewOn ? t('review.overdue', { date: formatDate(doc.reviewOn) }) : ''}
                  </Text>
                ),
              },
              { label: t('fields.owner'), cell: (doc) => doc.owner?.name ?? t('fields.noOwner') },
              { label: t('fields.status'), card: 'status', cell: (doc) => <StatusBadge status={doc.status} /> },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
