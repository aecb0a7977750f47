import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { audienceOfKind, AudiencePicker, type Audience } from '../../../components/AudiencePicker';
import { FormActions } from '../../../components/FormActions';
import { useSaveHandler } from '../../../components/useSaveHandler';
import { applyFieldErrors } from '../../../lib/api';
import { useCreateFolder, useUpdateFolder } from '../api';
import type { Folder } from '../types';
import { folderOptions, type FolderTree } from './tree';

export type FolderDialogMode = { kind: 'create'; parent: Folder | null } | { kind: 'edit'; folder: Folder } | { kind: 'move'; folder: Folder };

interface FolderDialogProps {
  mode: FolderDialogMode | null;
  tree: FolderTree;
  onClose: () => void;
}

/** Staff: a new folder (name, who sees it), a folder renamed or re-targeted, or moved under another one. */
export function FolderDialog({ mode, tree, onClose }: FolderDialogProps) {
  const { t } = useTranslation('documents');
  const title = !mode
    ? ''
    : mode.kind === 'create'
      ? mode.parent
        ? t('folders.createIn', { name: mode.parent.name })
        : t('folders.create')
      : mode.kind === 'edit'
        ? t('folders.renameTitle', { name: mode.folder.name })
        : t('folders.moveTitle', { name: mode.folder.name });
  return (
    <Modal opened={mode !== null} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {mode ? <FolderForm key={mode.kind === 'create' ? 'create' : `${mode.kind}-${mode.folder.id}`} mode={mode} tree={tree} onDone={onClose} /> : null}
    </Modal>
  );
}

function FolderForm({ mode, tree, onDone }: { mode: FolderDialogMode; tree: FolderTree; onDone: () => void }) {
  const { t } = useTranslation('documents');
  const create = useCreateFolder();
  const update = useUpdateFolder();
  const folder = mode.kind === 'create' ? null : mode.folder;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: folder?.name ?? '',
      parentId: folder?.parentId ?? 'root',
      audience: folder?.audience ?? (mode.kind === 'create' && mode.parent ? mode.parent.audience : audienceOfKind('everyone')),
    },
    validate: {
      name: (v) => (mode.kind !== 'move' && !v.trim() ? t('validation.required') : null),
    },
  });

  const save = useSaveHandler(
    async (values: typeof form.values) => {
      if (mode.kind === 'create') return create.mutateAsync({ name: values.name.trim(), parentId: mode.parent?.id ?? null, audience: values.audience });
      const body =
        mode.kind === 'move'
          ? { parentId: values.parentId === 'root' ? null : values.parentId }
          : { name: values.name.trim(), audience: values.audience };
      return update.mutateAsync({ id: mode.folder.id, body });
    },
    (saved) => {
      const message = mode.kind === 'create' ? t('folders.created', { name: saved.name }) : mode.kind === 'move' ? t('folders.moved') : t('folders.renamed');
      notifications.show({ color: 'green', message });
      onDone();
    },
  );

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save(values).catch((error: unknown) => applyFieldErrors(form, error)))}>
      <Stack gap="md">
        {mode.kind === 'move' ? (
          <Select
            label={t('folders.parent')}
            description={t('folders.moveHelp')}
            data={folderOptions(tree, t('fields.noFolder'), tree.subtree(mode.folder.id))}
            allowDeselect={false}
            searchable
            {...form.getInputProps('parentId')}
          />
        ) : (
          <>
            <TextInput label={t('folders.name')} required maxLength={120} data-autofocus {...form.getInputProps('name')} />
            <AudiencePicker
              label={t('folders.editAudience')}
              description={t('folders.audienceHelp')}
              value={form.values.audience}
              onChange={(audience: Audience) => form.setFieldValue('audience', audience)}
              error={form.errors.audience as string | undefined}
            />
          </>
        )}
        <FormActions submitLabel={mode.kind === 'create' ? t('folders.create') : t('common.save')} saving={create.isPending || update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
