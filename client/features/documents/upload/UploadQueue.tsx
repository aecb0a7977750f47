import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatBytes } from '../format';
import type { Contribution } from '../../../../server/schemas/document-contributions';
import type { UploadResult } from '../types';
import type { UploadItem, UploadStatus } from './useUploadQueue';

/** A file becomes a document (staff upload) or a proposal (« Proposer un document »): only a document has a page and duplicates. */
type Answer = UploadResult | Contribution;
const isDocument = (answer: Answer | undefined): answer is UploadResult => answer !== undefined && 'document' in answer;

interface UploadQueueProps {
  items: readonly UploadItem<Answer>[];
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onRemove: (id: string) => void;
  onClearFinished?: () => void;
  /** Heading of the list (« Fichiers envoyés »); none when the list sits under a form's own title. */
  title?: string;
  /** Whether each finished file links to its document (not for a new version of the page one is on). */
  linkDocuments?: boolean;
  /** What a finished file says (« Déposé »; « Proposition envoyée »). */
  doneLabel?: string;
}

const COLORS: Record<UploadStatus, string> = {
  waiting: 'gray.6', uploading: 'blue.8', processing: 'blue.8', done: 'green.8', failed: 'red.8', cancelled: 'gray.6',
};

/** The files being uploaded: a labelled progress bar each, its state in words, cancel while it runs, retry when refused. */
export function UploadQueue({ items, onCancel, onRetry, onRemove, onClearFinished, title, linkDocuments = true, doneLabel }: UploadQueueProps) {
  const { t } = useTranslation('documents');
  if (items.length === 0) return null;
  const done = items.filter((i) => i.status === 'done').length;

  return (
    <section aria-labelledby={title ? 'upload-queue-title' : undefined} aria-label={title ? undefined : t('upload.queue')}>
      {title ? (
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="upload-queue-title">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('upload.summary', { done, total: items.length })}
          </Text>
        </Group>
      ) : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => {
          const percent = item.total > 0 ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
          const running = item.status === 'uploading' || item.status === 'processing' || item.status === 'waiting';
          const shown = item.status === 'done' ? 100 : item.status === 'processing' ? 100 : percent;
          const created = isDocument(item.result) ? item.result : undefined;
          return (
            <Paper component="li" key={item.id} withBorder p="sm" radius="md" data-testid="upload-item" data-status={item.status}>
              <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatBytes(item.file.size)}
                  </Text>
                </div>
                {running ? (
                  <Button size="compact-sm" variant="default" onClick={() => onCancel(item.id)} aria-label={t('upload.cancel', { name: item.file.name })}>
                    {t('common.cancel')}
                  </Button>
                ) : item.status === 'failed' ? (
                  <Button size="compact-sm" variant="light" onClick={() => onRetry(item.id)} aria-label={t('upload.retry', { name: item.file.name })}>
                    {t('common.retry')}
                  </Button>
                ) : item.status === 'cancelled' ? (
                  <Button size="compact-sm" variant="subtle" onClick={() => onRemove(item.id)} aria-label={t('upload.remove', { name: item.file.name })}>
                    {t('common.close')}
                  </Button>
                ) : null}
              </Group>
              <Progress
                mt="xs"
                value={shown}
                color={COLORS[item.status]}
                striped={item.status === 'processing'}
                aria-label={t('upload.progress', { name: item.file.name })}
              />
              <Text size="sm" mt={4} c={item.status === 'failed' ? 'red.8' : undefined} role={item.status === 'failed' ? 'alert' : undefined}>
                {item.status === 'uploading' ? t('upload.uploading', { percent }) : null}
                {item.status === 'waiting' ? t('upload.waiting') : null}
                {item.status === 'processing' ? t('upload.processing') : null}
                {item.status === 'cancelled' ? t('upload.cancelled') : null}
                {item.status === 'failed' ? t('upload.failedWith', { reason: item.error ?? '' }) : null}
                {item.status === 'done' ? (doneLabel ?? t('upload.done')) : null}
                {item.status === 'done' && created && linkDocuments ? (
                  <>
                    {' — '}
                    <Anchor component={Link} to={`/documents/${created.document.id}`}>
                      {created.document.title}
                    </Anchor>
                  </>
                ) : null}
              </Text>
              {created && created.duplicates.length > 0 ? (
                <Alert color="yellow" variant="light" mt="xs" p="xs">
                  {t('upload.duplicate', {
                    list: created.duplicates.map((d) => t('upload.duplicateItem', { title: d.title, number: d.versionNumber })).join(', '),
                  })}
                </Alert>
              ) : null}
            </Paper>
          );
        })}
      </Stack>
      {onClearFinished && items.some((i) => i.status === 'done' || i.status === 'cancelled') ? (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={onClearFinished}>
          {t('upload.clearDone')}
        </Button>
      ) : null}
    </section>
  );
}
