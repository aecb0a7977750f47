import { Alert, Anchor, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useOutbox } from './api';

/** Admins: e-mails captured instead of sent (when no SMTP server is configured), newest first. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const { page, set } = useListParams([]);
  const outbox = useOutbox(page);
  const data = outbox.data;

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.isPending ? <TableSkeleton /> : null}
      {outbox.isError ? <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {data && !data.captureEnabled ? (
        <Alert color="cevennes" variant="light" mb="md" title={t('outbox.smtpTitle')}>
          {t('outbox.smtp')}
        </Alert>
      ) : null}
      {data && data.items.length === 0 ? <EmptyState title={t('outbox.empty')} description={t('outbox.emptyHelp')} /> : null}
      {data && data.items.length > 0 ? (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('outbox.count', { count: data.total, formatted: formatNumber(data.total) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.to')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/boite-d-envoi/${m.id}`}>
                        {m.subject}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{m.toAddress}</Table.Td>
                    <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPagination total={data.total} pageSize={data.pageSize} page={page} onChange={(p) => set({ page: p })} />
        </Stack>
      ) : null}
    </>
  );
}
