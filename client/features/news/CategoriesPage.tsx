import { Button, Group, Modal, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteDialog } from '../../components/DeleteDialog';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, TableSkeleton } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { saveForm } from '../../lib/api';
import { requiredText } from '../accounts/validation';
import { useCategories, useCategoryMutations } from './api';
import { NEWS_LIMITS as L, type NewsCategory } from './types';

const ID = /^[a-z0-9-]+$/;

/** Admins: the categories of the posts (rename, reorder, add; delete one that files no post). */
export default function CategoriesPage() {
  const { t } = useTranslation('news');
  const categories = useCategories();
  const { remove } = useCategoryMutations();
  const [editing, setEditing] = useState<NewsCategory | null>(null);
  const [deleting, setDeleting] = useState<NewsCategory | null>(null);

  const columns: DataColumn<NewsCategory>[] = [
    { label: t('categories.labelFr'), card: 'title', miw: 180, cell: (c) => <Text fw={600}>{c.labelFr}</Text> },
    { label: t('categories.labelEn'), miw: 160, cell: (c) => c.labelEn },
    { label: t('categories.id'), cell: (c) => <Text ff="monospace" size="sm">{c.id}</Text> },
    { label: t('categories.position'), cell: (c) => c.position },
    { label: t('categories.postCount'), cell: (c) => c.postCount },
    {
      label: t('common.actions'),
      card: 'actions',
      cell: (c) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={() => setEditing(c)} aria-label={t('categories.editNamed', { name: c.labelFr })}>
            {t('categories.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red.9"
            disabled={c.postCount > 0}
            title={c.postCount > 0 ? t('categories.inUse') : undefined}
            onClick={() => setDeleting(c)}
            aria-label={t('categories.deleteNamed', { name: c.labelFr })}
          >
            {t('categories.delete')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/actualites/gestion', label: t('staff.title') }]} current={t('categories.title')} />
      <PageHeader title={t('categories.title')} description={t('categories.description')} />
      <Stack gap="xl">
        {categories.isPending ? (
          <TableSkeleton />
        ) : categories.isError ? (
          <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <DataTable columns={columns} rows={categories.data.items} rowKey={(c) => c.id} minWidth={680} />
        )}
        <NewCategory nextPosition={(categories.data?.items.length ?? 0) + 1} />
      </Stack>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(null)} title={t('categories.edit')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        {editing ? <EditCategory category={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <DeleteDialog
        id={deleting?.id ?? null}
        title={t('categories.delete')}
        message={t('categories.deleteMessage', { name: deleting?.labelFr ?? '' })}
        confirmLabel={t('categories.delete')}
        mutation={remove}
        onDeleted={() => setDeleting(null)}
        onClose={() => setDeleting(null)}
        openOnRefusal
      />
    </>
  );
}

function EditCategory({ category, onDone }: { category: NewsCategory; onDone: () => void }) {
  const { t } = useTranslation('news');
  const { update } = useCategoryMutations();
  const form = useForm({
    initialValues: { labelFr: category.labelFr, labelEn: category.labelEn, position: category.position as number | string },
    validate: { labelFr: requiredText(L.categoryLabel), labelEn: requiredText(L.categoryLabel) },
  });
  const save = useSaveHandler(
    (body: { labelFr: string; labelEn: string; position: number }) => update.mutateAsync({ id: category.id, body }),
    () => onDone(),
  );
  return (
    <form noValidate onSubmit={form.onSubmit((v) => saveForm(form, () => save({ labelFr: v.labelFr.trim(), labelEn: v.labelEn.trim(), position: Number(v.position) || 0 })))}>
      <Stack gap="sm">
        <TextInput label={t('categories.labelFr')} required maxLength={L.categoryLabel} {...form.getInputProps('labelFr')} />
        <TextInput label={t('categories.labelEn')} required maxLength={L.categoryLabel} {...form.getInputProps('labelEn')} />
        <NumberInput label={t('categories.position')} min={0} max={1000} allowDecimal={false} {...form.getInputProps('position')} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewCategory({ nextPosition }: { nextPosition: number }) {
  const { t } = useTranslation('news');
  const { create } = useCategoryMutations();
  const form = useForm({
    initialValues: { id: '', labelFr: '', labelEn: '' },
    validate: {
      id: (v) => (!v ? t('validation.required') : !ID.test(v) || v.length > L.categoryId ? t('validation.categoryId') : null),
      labelFr: requiredText(L.categoryLabel),
      labelEn: requiredText(L.categoryLabel),
    },
  });
  const save = useSaveHandler(
    (body: { id: string; labelFr: string; labelEn: string; position: number }) => create.mutateAsync(body),
    () => form.reset(),
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="new-category">
      <Title order={2} fz="h3" id="new-category">
        {t('categories.new')}
      </Title>
      <form noValidate onSubmit={form.onSubmit((v) => saveForm(form, () => save({ id: v.id, labelFr: v.labelFr.trim(), labelEn: v.labelEn.trim(), position: nextPosition })))}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={t('categories.id')} description={t('categories.idHelp')} required maxLength={L.categoryId} {...form.getInputProps('id')} w={220} />
          <TextInput label={t('categories.labelFr')} required maxLength={L.categoryLabel} {...form.getInputProps('labelFr')} w={240} />
          <TextInput label={t('categories.labelEn')} required maxLength={L.categoryLabel} {...form.getInputProps('labelEn')} w={240} />
          <Button type="submit" mt={{ base: 0, sm: 50 }} loading={create.isPending}>
            {t('categories.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
