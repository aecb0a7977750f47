import { Alert, Anchor, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { EmptyState } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useOutbox, useOutboxDeliveries } from './api';
import type { OutboxDelivery } from './types';

/** The status label of an outbox row: a temporary failure says when it is tried again, a permanent one says so. */
const STATUS_KEYS = {
  queued: 'outbox.deliveryStatus.queued',
  sending: 'outbox.deliveryStatus.sending',
  sent: 'outbox.deliveryStatus.sent',
  skipped: 'outbox.deliveryStatus.skipped',
  failed: 'outbox.deliveryStatus.failed',
  refused: 'outbox.deliveryStatus.refused',
} as const satisfies Record<OutboxDelivery['status'], string>;

function deliveryStatusKey(d: OutboxDelivery) {
  return d.status === 'failed' && !d.nextAttemptAt ? 'outbox.deliveryStatus.failedGivenUp' : STATUS_KEYS[d.status];
}

/** Where the latest outbox rows stand (queued, sent, retry planned, refused by the server). */
function Deliveries() {
  const { t } = useTranslation('accounts');
  const deliveries = useOutboxDeliveries();
  if (!deliveries.data || deliveries.data.items.length === 0) return null;
  return (
    <>
      <Title order={2} size="h4" mt="xl" mb="sm">
        {t('outbox.deliveriesTitle')}
      </Title>
      <DataTable minWidth={640} columns={[t('outbox.to'), t('outbox.status'), t('outbox.attempts'), t('outbox.lastError'), t('outbox.date')]}>
        {deliveries.data.items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Th scope="row" fw={500}>
              {d.toAddress}
            </Table.Th>
            <Table.Td>{t(deliveryStatusKey(d), { date: d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '' })}</Table.Td>
            <Table.Td>{formatNumber(d.attempts)}</Table.Td>
            <Table.Td>{d.lastError ?? ''}</Table.Td>
            <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

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
      <Deliveries />
    </>
  );
}
