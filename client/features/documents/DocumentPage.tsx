import { Alert, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isStaff } from '../../../common/roles';
import { useAudienceSummary } from '../../components/AudiencePicker';
import { DeleteDialog } from '../../components/DeleteDialog';
import { Fact } from '../../components/Fact';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { PageSkeleton } from '../../components/States';
import { useDownload } from '../../components/useDownload';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useReferenceLabels } from '../accounts/reference';
import { useUser } from '../accounts/signed-in';
import { files, useDeleteDocument, useDocument, useFolders } from './api';
import { EditDocumentForm } from './document/EditDocumentForm';
import { NewVersion } from './document/NewVersion';
import { Preview } from './document/Preview';
import { VersionsTable } from './document/VersionsTable';
import { crumbsTo, folderLink, useFolderTree } from './folders/tree';
import { StatusBadge, useFileLabel } from './library/DocumentViews';
import type { DocumentDetail } from './types';

/** A document: its preview, details and download; for staff also its versions, edit, new version and download counts. */
export default function DocumentPage() {
  const { id } = useParams();
  const detail = useDocument(id);
  return (
    <QueryState query={detail} skeleton={<PageSkeleton lines={8} />}>
      {(data) => <DocumentView detail={data} />}
    </QueryState>
  );
}

function DocumentView({ detail }: { detail: DocumentDetail }) {
  const { t } = useTranslation('documents');
  const user = useUser();
  const staff = isStaff(user.role);
  const doc = detail.document;
  const folders = useFolders();
  const tree = useFolderTree(folders.data);
  const download = useDownload();
  const fileLabel = useFileLabel();
  const audienceSummary = useAudienceSummary();
  const labels = useReferenceLabels();
  const navigate = useNavigate();
  const remove = useDeleteDocument();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const version = doc.currentVersion;
  const versions = detail.versions ?? (version ? [version] : []);

  const actions = (
    <>
      {version ? (
        <Button
          loading={download.busy === files.download(doc.id)}
          onClick={() => void download.run(files.download(doc.id), version.originalName)}
          aria-label={t('document.downloadNamed', { name: version.originalName })}
        >
          {t('document.download')}
        </Button>
      ) : null}
      {staff ? (
        <>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('document.edit')}
          </Button>
          <Button variant="subtle" color="red.8" onClick={() => setDeleting(true)}>
            {t('document.delete')}
          </Button>
        </>
      ) : null}
    </>
  );

  return (
    <>
      <PageBreadcrumbs links={crumbsTo(tree, doc.folderId, t('library.root'), true)} current={doc.title} />
      <PageHeader title={doc.title} actions={actions} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('document.preview')}
          </Title>
          <Preview doc={doc} />
        </Stack>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('document.details')}
          </Title>
          {doc.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{doc.description}</Text> : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Fact label={t('fields.file')}>{fileLabel(doc)}</Fact>
            <Fact label={t('fields.updatedAt')}>{formatDateTime(doc.updatedAt)}</Fact>
            {doc.publishedAt ? <Fact label={t('fields.publishedAt')}>{formatDate(doc.publishedAt)}</Fact> : null}
            {doc.folderId ? <Fact label={t('fields.folder')}>{tree.byId.get(doc.folderId)?.name ?? ''}</Fact> : null}
            {doc.credit ? <Fact label={t('fields.credit')}>{doc.credit}</Fact> : null}
            {staff ? (
              <>
                <Fact label={t('fields.status')}>
                  <StatusBadge status={doc.status} />
                </Fact>
                <Fact label={t('fields.owner')}>{doc.owner?.name ?? t('fields.noOwner')}</Fact>
                <Fact label={t('fields.reviewOn')}>{doc.reviewOn ? formatDate(doc.reviewOn) : '—'}</Fact>
                <Fact label={t('fields.audience')}>{audienceSummary(doc.audience)}</Fact>
              </>
            ) : null}
          </SimpleGrid>
          {doc.tags.length ? (
            <Group gap={4} aria-label={t('fields.tags')} role="list">
              {doc.tags.map((tag) => (
                <Badge key={tag} role="listitem" variant="light" color="gray.8" tt="none" component={Link} to={`${folderLink(null)}?tag=${encodeURIComponent(tag)}`}>
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
          {staff && version?.textStatus === 'pending' ? (
            <Alert variant="light" color="blue" p="xs">
              {t('document.extracting')}
            </Alert>
          ) : null}
          {staff && version?.textStatus === 'failed' ? (
            <Alert variant="light" color="yellow" p="xs">
              {t('document.extractFailed')}
            </Alert>
          ) : null}
          {detail.downloads ? (
            <Paper withBorder radius="md" p="sm">
              <Text fw={600} size="sm" mb={4}>
                {t('document.downloads')}
              </Text>
              {detail.downloads.length ? (
                <List size="sm" spacing={2}>
                  {detail.downloads.map((d) => (
                    <List.Item key={d.category}>
                      {t('document.downloadsLine', { category: d.category === 'staff' ? t('document.downloadsStaff') : labels.category(d.category), count: formatNumber(d.count) })}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('document.downloadsNone')}
                </Text>
              )}
              {detail.downloadsByDay?.length ? (
                <>
                  <Text fw={600} size="sm" mt="xs" mb={4}>
                    {t('document.downloadsByDay')}
                  </Text>
                  <List size="sm" spacing={2}>
                    {/* A Paris calendar day: read at noon UTC, it stays that day wherever the browser is. */}
                    {detail.downloadsByDay.map((d) => (
                      <List.Item key={d.day}>{t('document.downloadsLine', { category: formatDate(`${d.day}T12:00:00Z`), count: formatNumber(d.count) })}</List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Paper>
          ) : null}
        </Stack>
      </SimpleGrid>

      <Stack gap="lg">
        {staff ? <NewVersion documentId={doc.id} /> : null}
        {versions.length ? (
          <section aria-labelledby="document-versions">
            <Title order={2} size="h4" id="document-versions" mb="xs">
              {t('document.versions')}
            </Title>
            <VersionsTable
              documentId={doc.id}
              versions={versions}
              currentId={version?.id ?? null}
              staff={staff}
              downloads={detail.downloadsByVersion ? new Map(detail.downloadsByVersion.map((d) => [d.versionId, d.count])) : undefined}
            />
          </section>
        ) : null}
      </Stack>

      <Modal opened={editing} onClose={() => setEditing(false)} title={t('document.editTitle')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {editing ? <EditDocumentForm doc={doc} onDone={() => setEditing(false)} /> : null}
      </Modal>
      <DeleteDialog
        id={deleting ? doc.id : null}
        title={t('document.deleteTitle', { title: doc.title })}
        message={t('document.deleteMessage')}
        confirmLabel={t('document.delete')}
        mutation={remove}
        onDeleted={() => {
          notifications.show({ color: 'green', message: t('document.deleted') });
          void navigate(folderLink(doc.folderId));
        }}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
