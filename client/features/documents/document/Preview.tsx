import { Anchor, Image, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentKindOf } from '../../../../common/documents';
import { files } from '../api';
import type { DocumentItem } from '../types';

/**
 * What the document looks like: the server's thumbnail for images, the PDF
 * itself in a frame (the server sends it inline, sandboxed by its own CSP),
 * and for other files a sentence saying to download it. Nothing here is
 * fetched from a guessable public address: each request is checked.
 */
export function Preview({ doc }: { doc: DocumentItem }) {
  const { t } = useTranslation('documents');
  const version = doc.currentVersion;
  const kind = version ? documentKindOf(version.mediaType) : null;
  if (version && version.hasThumbnail) {
    return (
      <Paper withBorder radius="md" p="xs">
        <Image src={files.thumbnail(doc.id)} alt={t('document.previewOf', { title: doc.title })} radius="sm" fit="contain" mah={480} />
      </Paper>
    );
  }
  if (kind === 'pdf') {
    return (
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        <iframe
          src={files.preview(doc.id)}
          title={t('document.previewOf', { title: doc.title })}
          style={{ width: '100%', height: 'min(70vh, 640px)', border: 0, display: 'block' }}
          data-testid="pdf-preview"
        />
        <Text size="sm" p="xs">
          <Anchor href={files.download(doc.id)} target="_blank" rel="noopener">
            {t('document.openPdf')}
          </Anchor>
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {t('document.noPreview')}
      </Text>
    </Paper>
  );
}
