import '@mantine/dropzone/styles.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the server accepts (server/services/documents/file-types.ts): the
 * picker offers these, the server checks the content whatever the browser says.
 */
const ACCEPT: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'application/msword': ['.doc'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.ms-powerpoint': ['.ppt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  'application/vnd.oasis.opendocument.presentation': ['.odp'],
  'application/zip': ['.zip'],
  'text/csv': ['.csv'],
  'text/plain': ['.txt'],
};

interface FileDropProps {
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  /** The button's label (« Choisir des fichiers »). */
  buttonLabel: string;
  disabled?: boolean;
}

/**
 * Drag and drop for the mouse, and a real button for everyone else: the
 * zone itself takes no focus (a keyboard user gets the button, which opens
 * the browser's file picker), so nothing is reachable only by dragging.
 */
export function FileDrop({ onFiles, multiple = true, buttonLabel, disabled }: FileDropProps) {
  const { t } = useTranslation('documents');
  const openRef = useRef<() => void>(null);
  const reject = (rejections: FileRejection[]) => {
    for (const r of rejections) {
      const reason = r.errors.some((e) => e.code === 'file-too-large') ? t('upload.rejectedSize') : t('upload.rejectedType');
      notifications.show({ color: 'red', message: t('upload.rejected', { name: r.file.name, reason }) });
    }
  };
  return (
    <Dropzone
      openRef={openRef}
      onDrop={onFiles}
      onReject={reject}
      accept={ACCEPT}
      multiple={multiple}
      activateOnClick={false}
      activateOnKeyboard={false}
      disabled={disabled}
      radius="md"
      p="lg"
    >
      <Stack align="center" gap="xs" ta="center">
        <Text fw={600}>{t('upload.drop')}</Text>
        <Text size="sm" c="dimmed">
          {t('upload.dropHelp')}
        </Text>
        <Group>
          <Button onClick={() => openRef.current?.()} disabled={disabled} style={{ pointerEvents: 'all' }}>
            {buttonLabel}
          </Button>
        </Group>
      </Stack>
    </Dropzone>
  );
}
