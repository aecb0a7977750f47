import { Badge, Button, Modal, NumberInput, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../../components/States';
import { useSaveTopic, useTopics, type TopicDto } from './api';

const NEW: TopicDto = { id: '', nameFr: '', nameEn: '', descriptionFr: '', descriptionEn: '', position: 0, active: true };

/** The topic editor: a new topic chooses its identifier (a slug, fixed afterwards); archiving hides it from preferences and new campaigns. */
function TopicForm({ topic, isNew, onDone }: { topic: TopicDto; isNew: boolean; onDone: () => void }) {
  const { t } = useTranslation('newsletters');
  const save = useSaveTopic();
  const form = useForm<TopicDto>({
    initialValues: topic,
    validate: {
      id: (v) => (/^[a-z0-9-]{1,64}$/.test(v) ? null : t('topics.idHelp')),
      nameFr: (v) => (v.trim() ? null : t('form.required')),
      nameEn: (v) => (v.trim() ? null : t('form.required')),
    },
  });
  return (
    <DialogForm
      onSubmit={form.onSubmit((values) => { if (!save.isPending) save.mutate(values, { onSuccess: onDone }); })}
      error={save.error} submitLabel={t('topics.save')} saving={save.isPending} onCancel={onDone}>
      <TextInput label={t('topics.id')} description={t('topics.idHelp')} required disabled={!isNew} maxLength={64} {...form.getInputProps('id')} />
      <TextInput label={t('topics.nameFr')} required maxLength={80} {...form.getInputProps('nameFr')} />
      <TextInput label={t('topics.nameEn')} required maxLength={80} {...form.getInputProps('nameEn')} />
      <Textarea label={t('topics.descriptionFr')} maxLength={500} autosize minRows={2} {...form.getInputProps('descriptionFr')} />
      <Textarea label={t('topics.descriptionEn')} maxLength={500} autosize minRows={2} {...form.getInputProps('descriptionEn')} />
      <NumberInput label={t('topics.position')} description={t('topics.positionHelp')} min={0} max={1000} allowDecimal={false} {...form.getInputProps('position')} />
      <Switch label={t('topics.active')} description={t('topics.activeHelp')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </DialogForm>
  );
}

/** Admins: the topics people subscribe to (« Lettre du réseau », « Formations »…), their order, and archiving. */
export default function TopicsPage() {
  const { t, i18n } = useTranslation('newsletters');
  const topics = useTopics();
  const [editing, setEditing] = useState<{ topic: TopicDto; isNew: boolean } | null>(null);
  const en = i18n.language.startsWith('en');
  return (
    <>
      <PageHeader title={t('topics.title')} description={t('topics.description')}
        actions={<Button onClick={() => setEditing({ topic: { ...NEW, position: (topics.data?.length ?? 0) + 1 }, isNew: true })}>{t('topics.new')}</Button>} />
      {topics.isPending ? <TableSkeleton /> : topics.isError ? <ErrorState error={topics.error} onRetry={() => void topics.refetch()} /> : topics.data.length === 0 ? (
        <EmptyState title={t('topics.empty')} />
      ) : (
        <DataTable
          minWidth={480}
          caption={t('topics.caption', { count: topics.data.length })}
          rows={topics.data}
          rowKey={(topic) => topic.id}
          columns={[
            { label: t('topics.position'), cell: (topic) => topic.position },
            {
              label: t('topics.name'), card: 'title',
              cell: (topic) => (
                <>
                  <Text fw={500} size="sm">{en ? topic.nameEn : topic.nameFr}</Text>
                  <Text size="sm" c="dimmed">{en ? topic.descriptionEn : topic.descriptionFr}</Text>
                </>
              ),
            },
            { label: t('topics.state'), card: 'status', cell: (topic) => (topic.active ? <Badge color="cevennes" variant="light" tt="none">{t('topics.activeBadge')}</Badge> : <Badge variant="outline" color="gray.7" tt="none">{t('topics.archived')}</Badge>) },
            {
              label: t('topics.actions'), card: 'actions',
              cell: (topic) => (
                <Button size="xs" variant="default" onClick={() => setEditing({ topic, isNew: false })} aria-label={t('topics.editNamed', { name: en ? topic.nameEn : topic.nameFr })}>
                  {t('topics.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} closeButtonProps={{ 'aria-label': t('common.close') }} title={editing?.isNew ? t('topics.new') : t('topics.edit')}>
        {editing && <TopicForm topic={editing.topic} isNew={editing.isNew} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}
