import { Badge, Button, Group, Modal, Pagination, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, ListEmptyState, TableSkeleton } from '../../components/States';
import { useAddSuppression, useRemoveSuppression, useSuppressions, type RemovalReason, type SuppressionDto, type SuppressionReason } from './api';

const REASONS: SuppressionReason[] = ['hard_bounce', 'complaint', 'unsubscribe'];
const REMOVAL_REASONS: RemovalReason[] = ['entered_by_mistake', 'mailbox_fixed', 'person_asked'];

function AddComplaint({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('newsletters');
  const add = useAddSuppression();
  const form = useForm({
    initialValues: { address: '', note: '' },
    validate: { address: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('suppressions.addressInvalid')) },
  });
  return (
    <DialogForm
      onSubmit={form.onSubmit((v) => { if (!add.isPending) add.mutate({ address: v.address.trim(), reason: 'complaint', ...(v.note.trim() ? { note: v.note.trim() } : {}) }, { onSuccess: onDone }); })}
      error={add.error} submitLabel={t('suppressions.addSubmit')} saving={add.isPending} onCancel={onDone}>
      <TextInput type="email" label={t('suppressions.address')} required maxLength={254} autoComplete="off" {...form.getInputProps('address')} />
      <Textarea label={t('suppressions.note')} description={t('suppressions.noteHelp')} maxLength={500} autosize minRows={2} {...form.getInputProps('note')} />
    </DialogForm>
  );
}

function RemoveEntry({ entry, onDone }: { entry: SuppressionDto; onDone: () => void }) {
  const { t } = useTranslation('newsletters');
  const remove = useRemoveSuppression();
  const [reason, setReason] = useState<RemovalReason | null>(null);
  const [touched, setTouched] = useState(false);
  return (
    <DialogForm
      onSubmit={(e) => { e.preventDefault(); setTouched(true); if (reason && !remove.isPending) remove.mutate({ address: entry.address, reason }, { onSuccess: onDone }); }}
      error={remove.error} submitLabel={t('suppressions.removeSubmit')} saving={remove.isPending} onCancel={onDone}>
      <Text>{t('suppressions.removeText', { address: entry.address })}</Text>
      <Select label={t('suppressions.removalReason')} required data={REMOVAL_REASONS.map((r) => ({ value: r, label: t(`suppressions.removal.${r}`) }))}
        value={reason} onChange={(v) => setReason(v as RemovalReason | null)} error={touched && !reason ? t('form.required') : undefined} />
      <Text size="sm" c="dimmed">{t('suppressions.auditNote')}</Text>
    </DialogForm>
  );
}

/** Admins: addresses never mailed (hard bounces, complaints, global unsubscribes); search, add a complaint, remove an entry with a reason (audited). */
export default function SuppressionsPage() {
  const { t, i18n } = useTranslation('newsletters');
  const [search, setSearch] = useState('');
  const [reason, setReason] = useState<SuppressionReason | ''>('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SuppressionDto | null>(null);
  const list = useSuppressions({ page, search, reason });
  const date = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
  const filtered = search.trim() !== '' || reason !== '';
  return (
    <>
      <PageHeader title={t('suppressions.title')} description={t('suppressions.description')} actions={<Button onClick={() => setAdding(true)}>{t('suppressions.add')}</Button>} />
      <Group mb="md" align="flex-end" gap="sm">
        <TextInput type="search" label={t('suppressions.search')} value={search} maxLength={100} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} style={{ flex: '1 1 16rem' }} />
        <Select label={t('suppressions.reason')} value={reason} onChange={(v) => { setReason((v ?? '') as SuppressionReason | ''); setPage(1); }} allowDeselect={false}
          data={[{ value: '', label: t('suppressions.allReasons') }, ...REASONS.map((r) => ({ value: r, label: t(`suppressions.reasons.${r}`) }))]} style={{ flex: '0 1 14rem' }} />
      </Group>
      {list.isPending ? <TableSkeleton /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <ListEmptyState filtered={filtered} filteredTitle={t('suppressions.noMatch')} title={t('suppressions.empty')} description={t('suppressions.emptyHelp')} />
      ) : (
        <Stack>
          <DataTable
            minWidth={560}
            caption={t('suppressions.caption', { count: list.data.total })}
            rows={list.data.items}
            rowKey={(s) => s.address}
            columns={[
              { label: t('suppressions.address'), card: 'title', cell: (s) => <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>{s.address}</Text> },
              { label: t('suppressions.reason'), card: 'status', cell: (s) => <Badge variant="light" color="gray" tt="none">{t(`suppressions.reasons.${s.reason}`)}</Badge> },
              { label: t('suppressions.since'), cell: (s) => date.format(new Date(s.createdAt)) },
              { label: t('suppressions.note'), cell: (s) => <span style={{ overflowWrap: 'anywhere' }}>{s.note ?? '—'}</span> },
              {
                label: t('suppressions.actions'), card: 'actions',
                cell: (s) => <Button size="xs" variant="default" onClick={() => setRemoving(s)} aria-label={t('suppressions.removeNamed', { address: s.address })}>{t('suppressions.remove')}</Button>,
              },
            ]}
          />
          {list.data.total > list.data.pageSize && (
            <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`suppressions.page.${control}`) })} getItemProps={(p) => ({ 'aria-label': t('suppressions.page.number', { page: p }) })} />
          )}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('suppressions.add')}>
        {adding && <AddComplaint onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('suppressions.remove')}>
        {removing && <RemoveEntry entry={removing} onDone={() => setRemoving(null)} />}
      </Modal>
    </>
  );
}
