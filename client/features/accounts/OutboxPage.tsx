import { Alert, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { FilteredTable } from '../../components/FilteredList';
import { RowLink } from '../../components/RowLink';
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
      <DataTable
        minWidth={640}
        rows={deliveries.data.items}
        rowKey={(d) => d.id}
        columns={[
          { label: t('outbox.to'), card: 'title', cell: (d) => <Text fw={500} size="sm">{d.toAddress}</Text> },
          { label: t('outbox.status'), card: 'status', cell: (d) => t(deliveryStatusKey(d), { date: d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '' }) },
          { label: t('outbox.attempts'), cell: (d) => formatNumber(d.attempts) },
          { label: t('outbox.lastError'), cell: (d) => d.lastError ?? '' },
          { label: t('outbox.date'), cell: (d) => formatDateTime(d.createdAt) },
        ]}
      />
    </>
  );
}

/** Admins: e-mails captured instead of sent (when no SMTP server is configured), newest first. */
export default function OutboxPage() {
  const { t } = useTranslation('accounts');
  const listParams = useListParams([]);
  const outbox = useOutbox(listParams.page);

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.data && !outbox.data.captureEnabled ? (
        <Alert color="cevennes" variant="light" mb="md" title={t('outbox.smtpTitle')}>
          {t('outbox.smtp')}
        </Alert>
      ) : null}
      <FilteredTable
        query={outbox}
        params={listParams}
        empty={{ title: t('outbox.empty'), description: t('outbox.emptyHelp') }}
        count={(n) => t('outbox.count', n)}
        minWidth={640}
        rowKey={(m) => m.id}
        columns={[
          { label: t('outbox.subject'), card: 'title', cell: (m) => <RowLink to={`/boite-d-envoi/${m.id}`} fw={500}>{m.subject}</RowLink> },
          { label: t('outbox.to'), cell: (m) => m.toAddress },
          { label: t('outbox.date'), cell: (m) => formatDateTime(m.createdAt) },
        ]}
      />
      <Deliveries />
    </>
  );
}
