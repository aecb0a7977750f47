import { Anchor, Table, Text } from '@mantine/core';
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
            columns={[t('fields.title'), t('fields.reviewOn'), t('fields.owner'), t('fields.status')]}
          >
            {data.items.map((doc) => (
              <Table.Tr key={doc.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/documents/${doc.id}`} fw={600}>
                    {doc.title}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c="red.9" fw={600}>
                    {doc.reviewOn ? t('review.overdue', { date: formatDate(doc.reviewOn) }) : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{doc.owner?.name ?? t('fields.noOwner')}</Table.Td>
                <Table.Td>
                  <StatusBadge status={doc.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
