import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { useErrorMessage } from '../../../components/States';
import { useDownload } from '../../../components/useDownload';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { files, useRestoreVersion } from '../api';
import { formatBytes } from '../format';
import type { Version } from '../types';

interface VersionsTableProps {
  documentId: string;
  versions: Version[];
  currentId: string | null;
  /** Staff download earlier versions and restore one; partners see the current one only. */
  staff: boolean;
  /** Staff: downloads of each version, by id (absent: none yet). */
  downloads?: Map<string, number>;
}

/** Every version, newest first, with its change note; staff download an earlier one or make it current again. */
export function VersionsTable({ documentId, versions, currentId, staff, downloads }: VersionsTableProps) {
  const { t } = useTranslation('documents');
  const download = useDownload();
  const restore = useRestoreVersion(documentId);
  const errorMessage = useErrorMessage();
  const [restoring, setRestoring] = useState<Version | null>(null);

  return (
    <>
      <DataTable
        minWidth={staff ? 720 : 520}
        dense
        caption={t('document.versionsCaption')}
        rows={versions}
        rowKey={(v) => v.id}
        columns={[
          {
            label: t('document.versions'),
            card: 'title',
            cell: (v) => (
              <>
                <Text fw={600} size="sm">
                  {t('document.version', { number: v.number })}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(v.createdAt)}
                </Text>
                {v.id === currentId ? (
                  <Badge size="sm" variant="light" color="cevennes" tt="none" mt={4}>
                    {t('document.current')}
                  </Badge>
                ) : null}
              </>
            ),
          },
          {
            label: t('fields.file'),
            cell: (v) => (
              <>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {v.originalName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(v.size)}
                </Text>
                {downloads ? (
                  <Text size="xs" c="dimmed">
                    {t('document.versionDownloads', { count: downloads.get(v.id) ?? 0, formatted: formatNumber(downloads.get(v.id) ?? 0) })}
                  </Text>
                ) : null}
              </>
            ),
          },
          {
            label: t('fields.changeNote'),
            cell: (v) => (
              <Text size="sm" c={v.changeNote ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {v.changeNote || t('document.noNote')}
              </Text>
            ),
          },
          ...(staff
            ? [
                {
                  label: t('common.actions'),
                  card: 'actions' as const,
                  cell: (v: Version) => (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={download.busy === files.version(documentId, v.id)}
                        onClick={() => void download.run(files.version(documentId, v.id), v.originalName)}
                        aria-label={t('document.downloadVersion', { number: v.number })}
                      >
                        {t('document.download')}
                      </Button>
                      {v.id !== currentId ? (
                        <Button size="compact-sm" variant="light" onClick={() => setRestoring(v)} aria-label={t('document.restoreVersion', { number: v.number })}>
                          {t('document.restore')}
                        </Button>
                      ) : null}
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ConfirmDialog
        opened={restoring !== null}
        title={restoring ? t('document.restoreTitle', { number: restoring.number }) : ''}
        message={t('document.restoreMessage')}
        confirmLabel={t('document.restore')}
        loading={restore.isPending}
        onCancel={() => setRestoring(null)}
        onConfirm={() =>
          restoring &&
          restore.mutate(restoring.id, {
            onSuccess: () => notifications.show({ color: 'green', message: t('document.restored', { number: restoring.number }) }),
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
            onSettled: () => setRestoring(null),
          })
        }
      />
    </>
  );
}
