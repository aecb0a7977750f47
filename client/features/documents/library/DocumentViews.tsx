import { Anchor, Badge, Card, Group, Image, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { formatDate } from '../../../lib/format';
import { documentKindOf } from '../../../../common/documents';
import { files } from '../api';
import { formatBytes } from '../format';
import type { DocumentItem, Snippet } from '../types';

/**
 * A search result's passages. The server sends plain segments, some marked
 * (never HTML): each is text in a <mark> or not, so nothing from a file is
 * ever interpreted as markup.
 */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const { t } = useTranslation('documents');
  return (
    <Text size="sm" c="dimmed">
      <VisuallyHidden>{t('library.snippetLabel')} </VisuallyHidden>
      {snippet.map((part, i) =>
        part.mark ? (
          <mark key={i} style={{ backgroundColor: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: 0 }}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

export function StatusBadge({ status }: { status: DocumentItem['status'] }) {
  const { t } = useTranslation('documents');
  const color = status === 'published' ? 'cevennes.8' : status === 'draft' ? 'ochre.8' : 'gray.7';
  return (
    <Badge color={color} variant="outline" tt="none" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function NewBadge() {
  const { t } = useTranslation('documents');
  return (
    <Badge color="blue.9" variant="filled" tt="none" size="sm" title={t('library.newSince')}>
      <span aria-hidden="true">{t('library.new')}</span>
      <VisuallyHidden>{t('library.newSince')}</VisuallyHidden>
    </Badge>
  );
}

/** « PDF · 1,2 Mo » */
export function useFileLabel() {
  const { t } = useTranslation('documents');
  return (doc: DocumentItem) => {
    const v = doc.currentVersion;
    if (!v) return t('document.noFile');
    const kind = documentKindOf(v.mediaType);
    return [kind ? t(`types.${kind}`) : v.mediaType, formatBytes(v.size), v.pageCount ? t('fields.pages', { count: v.pageCount }) : null].filter(Boolean).join(' · ');
  };
}

interface ViewProps {
  items: DocumentItem[];
  staff: boolean;
  dimmed: boolean;
  caption: string;
  onTag: (tag: string) => void;
}

function Tags({ tags, onTag }: { tags: string[]; onTag: (tag: string) => void }) {
  const { t } = useTranslation('documents');
  if (!tags.length) return null;
  return (
    <Group gap={4} mt={4}>
      {tags.map((tag) => (
        <Badge
          key={tag}
          component="button"
          type="button"
          onClick={() => onTag(tag)}
          variant="light"
          color="gray.8"
          tt="none"
          size="sm"
          style={{ cursor: 'pointer' }}
          aria-label={t('filters.byTag', { tag })}
        >
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

function TitleLink({ doc }: { doc: DocumentItem }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor component={Link} to={`/documents/${doc.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {doc.title}
      </Anchor>
      {doc.isNew ? <NewBadge /> : null}
    </Group>
  );
}

/**
 * The documents as table rows: title (with snippet and tags), file, date, and
 * for staff the status. On a phone the shared table turns rows into cards
 * (title and status first, file and date as labelled details).
 */
export function DocumentTable({ items, staff, dimmed, caption, onTag }: ViewProps) {
  const { t } = useTranslation('documents');
  const fileLabel = useFileLabel();
  const columns: DataColumn<DocumentItem>[] = [
    {
      label: t('fields.title'),
      card: 'title',
      cell: (doc) => (
        <>
          <TitleLink doc={doc} />
          {doc.snippet?.length ? <SnippetText snippet={doc.snippet} /> : doc.description ? <Text size="sm" c="dimmed" lineClamp={2}>{doc.description}</Text> : null}
          <Tags tags={doc.tags} onTag={onTag} />
        </>
      ),
    },
    { label: t('fields.type'), cell: (doc) => fileLabel(doc) },
    { label: t('fields.updatedAt'), cell: (doc) => formatDate(doc.updatedAt) },
    ...(staff ? [{ label: t('fields.status'), card: 'status' as const, cell: (doc: DocumentItem) => <StatusBadge status={doc.status} /> }] : []),
  ];
  return <DataTable minWidth={staff ? 720 : 600} dimmed={dimmed} caption={caption} rows={items} rowKey={(doc) => doc.id} columns={columns} />;
}

/** The documents as cards with their thumbnail (images), for the photo bank and logos. */
export function DocumentGrid({ items, staff, dimmed, caption, onTag }: ViewProps) {
  const fileLabel = useFileLabel();
  return (
    <Stack gap="xs">
      <Text size="sm">{caption}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0, opacity: dimmed ? 0.6 : 1 }}>
        {items.map((doc) => (
          <Card component="li" key={doc.id} withBorder radius="md" padding="sm" data-testid="document-card">
            <Card.Section>
              {doc.currentVersion?.hasThumbnail ? (
                <Image src={files.thumbnail(doc.id)} alt="" h={140} fit="cover" loading="lazy" />
              ) : (
                <Text h={140} ta="center" pt={56} fw={700} c="dimmed" bg="var(--mantine-color-gray-1)" aria-hidden="true">
                  {doc.currentVersion ? (documentKindOf(doc.currentVersion.mediaType) ?? '').toUpperCase() : ''}
                </Text>
              )}
            </Card.Section>
            <Stack gap={4} mt="sm">
              <TitleLink doc={doc} />
              <Text size="xs" c="dimmed">
                {fileLabel(doc)}
              </Text>
              {staff ? <StatusBadge status={doc.status} /> : null}
              {doc.snippet?.length ? <SnippetText snippet={doc.snippet} /> : null}
              <Tags tags={doc.tags} onTag={onTag} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
