import { Button, Card, Group, Modal, Pagination, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
          <Card withBorder p={0}>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm">
                <Table.Caption>{t('suppressions.caption', { count: list.data.total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('suppressions.address')}</Table.Th>
                    <Table.Th scope="col">{t('suppressions.reason')}</Table.Th>
                    <Table.Th scope="col">{t('suppressions.since')}</Table.Th>
                    <Table.Th scope="col">{t('suppressions.note')}</Table.Th>
                    <Table.Th scope="col">{t('suppressions.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((s) => (
                    <Table.Tr key={s.address}>
                      <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>{s.address}</Table.Th>
                      <Table.Td>{t(`suppressions.reasons.${s.reason}`)}</Table.Td>
                      <Table.Td>{date.format(new Date(s.createdAt))}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.note ?? ''}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setRemoving(s)} aria-label={t('suppressions.removeNamed', { address: s.address })}>{t('suppressions.remove')}</Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
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
