import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { FilteredTable } from '../../components/FilteredList';
import { RowLink } from '../../components/RowLink';
import { useListParams } from '../../components/useListParams';
import { formatDate } from '../../lib/format';
import { useReviewList } from './api';
import { StatusBadge } from './library/DocumentViews';

/** Staff: documents whose review date has passed (their owner was reminded by e-mail), oldest date first. */
export default function ReviewPage() {
  const { t } = useTranslation('documents');
  const listParams = useListParams([]);
  const list = useReviewList(listParams.page);
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/documents', label: t('library.root') }]} current={t('review.title')} />
      <PageHeader title={t('review.title')} description={t('review.description')} />
      <FilteredTable
        query={list}
        params={listParams}
        empty={{ title: t('review.empty'), description: t('review.emptyHelp') }}
        count={(n) => t('review.count', n)}
        minWidth={640}
        rowKey={(doc) => doc.id}
        columns={[
          { label: t('fields.title'), card: 'title', cell: (doc) => <RowLink to={`/documents/${doc.id}`}>{doc.title}</RowLink> },
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
    </>
  );
}
