import '@mantine/dates/styles.css';
import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES } from '../../../../common/documents';
import { AudiencePicker, type Audience } from '../../../components/AudiencePicker';
import { FormActions } from '../../../components/FormActions';
import { useSaveHandler } from '../../../components/useSaveHandler';
import { applyFieldErrors } from '../../../lib/api';
import { useFolders, useUpdateDocument } from '../api';
import { folderOptions, useFolderTree } from '../folders/tree';
import type { DocumentItem, DocumentStatus, UpdateDocumentBody } from '../types';
import { OwnerPicker } from './OwnerPicker';

interface Values {
  title: string;
  description: string;
  tags: string[];
  folderId: string;
  status: DocumentStatus;
  audience: Audience;
  ownerId: string | null;
  reviewOn: string | null;
}

/** Staff: a document's details, who sees it, its status, owner and review date. Only what changed is sent. */
export function EditDocumentForm({ doc, onDone }: { doc: DocumentItem; onDone: () => void }) {
  const { t } = useTranslation('documents');
  const update = useUpdateDocument(doc.id);
  const folders = useFolders();
  const tree = useFolderTree(folders.data);
  const initial: Values = {
    title: doc.title,
    description: doc.description,
    tags: doc.tags,
    folderId: doc.folderId ?? 'root',
    status: doc.status,
    audience: doc.audience,
    ownerId: doc.owner?.id ?? null,
    reviewOn: doc.reviewOn,
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      title: (v) => (!v.trim() ? t('validation.required') : null),
      tags: (v) => (v.length > 20 ? t('validation.maxItems', { count: 20 }) : v.some((tag) => tag.length > 40) ? t('validation.maxLength', { count: 40 }) : null),
    },
  });

  const save = useSaveHandler(
    (values: Values) => {
      const body: UpdateDocumentBody = {};
      if (values.title !== initial.title) body.title = values.title.trim();
      if (values.description !== initial.description) body.description = values.description;
      if (JSON.stringify(values.tags) !== JSON.stringify(initial.tags)) body.tags = values.tags;
      if (values.folderId !== initial.folderId) body.folderId = values.folderId === 'root' ? null : values.folderId;
      if (values.status !== initial.status) body.status = values.status;
      if (JSON.stringify(values.audience) !== JSON.stringify(initial.audience)) body.audience = values.audience;
      if (values.ownerId !== initial.ownerId) body.ownerId = values.ownerId;
      if (values.reviewOn !== initial.reviewOn) body.reviewOn = values.reviewOn;
      return update.mutateAsync(body);
    },
    () => {
      notifications.show({ color: 'green', message: t('document.saved') });
      onDone();
    },
  );

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save(values).catch((error: unknown) => applyFieldErrors(form, error)))}>
      <Stack gap="md">
        <TextInput label={t('fields.title')} required maxLength={200} {...form.getInputProps('title')} />
        <Textarea label={t('fields.description')} autosize minRows={3} maxRows={10} maxLength={4000} {...form.getInputProps('description')} />
        <TagsInput label={t('fields.tags')} description={t('fields.tagsHelp')} maxTags={20} clearable {...form.getInputProps('tags')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('fields.folder')}
            data={folderOptions(tree, t('fields.noFolder'))}
            allowDeselect={false}
            searchable
            {...form.getInputProps('folderId')}
          />
          <Select
            label={t('fields.status')}
            data={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <OwnerPicker
            label={t('fields.owner')}
            description={t('fields.ownerHelp')}
            currentName={doc.owner?.name}
            value={form.values.ownerId}
            onChange={(ownerId) => form.setFieldValue('ownerId', ownerId)}
          />
          <DateInput label={t('fields.reviewOn')} valueFormat="LL" clearable {...form.getInputProps('reviewOn')} />
        </SimpleGrid>
        <AudiencePicker
          label={t('fields.audience')}
          value={form.values.audience}
          onChange={(audience) => form.setFieldValue('audience', audience)}
          error={form.errors.audience as string | undefined}
        />
        <FormActions submitLabel={t('common.save')} saving={update.isPending} disabled={!form.isDirty()} onCancel={onDone} />
      </Stack>
    </form>
  );
}
