import { Alert, Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { EmptyState } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useOutbox } from './api';

/** Admins: e-mails captured instead of sent (when no SMTP server is configured), newest first. */
export default function OutboxPage() {
  const { t } = useTranslation('accounts');
  const { page, set } = useListParams([]);
  const outbox = useOutbox(page);

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.data && !outbox.data.captureEnabled ? (
        <Alert color="cevennes" variant="light" mb="md" title={t('outbox.smtpTitle')}>
          {t('outbox.smtp')}
        </Alert>
      ) : null}
      <PagedList
        query={outbox}
        page={page}
        onPageChange={(p) => set({ page: p })}
        empty={<EmptyState title={t('outbox.empty')} description={t('outbox.emptyHelp')} />}
      >
        {(data, dimmed) => (
          <DataTable
            minWidth={640}
            dimmed={dimmed}
            caption={t('outbox.count', { count: data.total, formatted: formatNumber(data.total) })}
            columns={[t('outbox.subject'), t('outbox.to'), t('outbox.date')]}
          >
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
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
