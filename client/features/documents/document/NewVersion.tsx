import { Paper, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { files, useInvalidateDocuments } from '../api';
import { FileDrop } from '../upload/FileDrop';
import { UploadQueue } from '../upload/UploadQueue';
import { useUploadQueue } from '../upload/useUploadQueue';

/** Staff: a new file for the document, with a change note; it becomes the current version once the server has it. */
export function NewVersion({ documentId }: { documentId: string }) {
  const { t } = useTranslation('documents');
  const [note, setNote] = useState('');
  const invalidate = useInvalidateDocuments();
  const queue = useUploadQueue({
    target: () => ({ url: files.newVersion(documentId), meta: note.trim() ? { changeNote: note.trim() } : {} }),
    onUploaded: () => {
      setNote('');
      void invalidate();
    },
    concurrency: 1,
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="new-version">
      <Title order={2} size="h4" id="new-version" mb={4}>
        {t('document.newVersion')}
      </Title>
      <Stack gap="sm">
        <Textarea
          label={t('fields.changeNote')}
          description={t('document.newVersionHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
        />
        <FileDrop onFiles={(f) => queue.add(f.slice(0, 1))} multiple={false} buttonLabel={t('upload.chooseOne')} />
        <UploadQueue items={queue.items} onCancel={queue.cancel} onRetry={queue.retry} onRemove={queue.remove} onClearFinished={queue.clearFinished} linkDocuments={false} />
      </Stack>
    </Paper>
  );
}
