import { Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DOCUMENT_STATUSES } from '../../../common/documents';
import { audienceOfKind, AudiencePicker, type Audience } from '../../components/AudiencePicker';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { files, useFolders, useInvalidateDocuments } from './api';
import { titleFromFileName } from './format';
import { crumbsTo, folderOptions, useFolderTree } from './folders/tree';
import type { CreateDocumentMeta, DocumentStatus } from './types';
import { FileDrop } from './upload/FileDrop';
import { UploadQueue } from './upload/UploadQueue';
import { useUploadQueue } from './upload/useUploadQueue';

/**
 * Staff: several files at once, each its own document (titled after its
 * file), in the folder, with the status and audience chosen above; each
 * file shows its progress and can be cancelled, a refusal stays on its file.
 */
export default function UploadPage() {
  const { t } = useTranslation('documents');
  const [params] = useSearchParams();
  const folders = useFolders();
  const tree = useFolderTree(folders.data);
  const initialFolder = params.get('dossier');
  const [folderId, setFolderId] = useState<string>(initialFolder ?? 'root');
  const folder = folderId !== 'root' ? tree.byId.get(folderId) : undefined;
  const [status, setStatus] = useState<DocumentStatus>('draft');
  // Until chosen here, a document is meant for whoever may open its folder.
  const [audience, setAudience] = useState<Audience | null>(null);
  const shownAudience = audience ?? folder?.audience ?? audienceOfKind('everyone');
  const invalidate = useInvalidateDocuments();

  const queue = useUploadQueue({
    target: (file) => {
      const meta: CreateDocumentMeta = {
        title: titleFromFileName(file.name),
        folderId: folderId === 'root' ? null : folderId,
        status,
        audience: shownAudience,
      };
      return { url: files.create, meta };
    },
    onUploaded: () => void invalidate(),
  });

  return (
    <>
      <PageBreadcrumbs links={crumbsTo(tree, folder?.id ?? null, t('library.root'), true)} current={t('upload.title')} />
      <PageHeader title={t('upload.title')} description={t('upload.description')} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="upload-settings">
          <Title order={2} size="h4" id="upload-settings" mb="sm">
            {t('upload.settings')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="sm">
              <Select
                label={t('fields.folder')}
                data={folderOptions(tree, t('fields.noFolder'))}
                value={folderId}
                onChange={(v) => setFolderId(v ?? 'root')}
                allowDeselect={false}
                searchable
              />
              <Select
                label={t('fields.status')}
                data={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                value={status}
                onChange={(v) => setStatus((v ?? 'draft') as DocumentStatus)}
                allowDeselect={false}
              />
            </Stack>
            <AudiencePicker label={t('fields.audience')} value={shownAudience} onChange={setAudience} />
          </SimpleGrid>
        </Paper>
        <FileDrop onFiles={queue.add} buttonLabel={t('upload.choose')} />
        <UploadQueue
          title={t('upload.queue')}
          items={queue.items}
          onCancel={queue.cancel}
          onRetry={queue.retry}
          onRemove={queue.remove}
          onClearFinished={queue.clearFinished}
        />
      </Stack>
    </>
  );
}
