import { Alert, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../../common/documents';
import { DeleteDialog } from '../../components/DeleteDialog';
import { FilterPanel, FilterSearch, FilterSelect } from '../../components/FilterPanel';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { EmptyState, ErrorState, ListEmptyState } from '../../components/States';
import { useDebouncedSearch } from '../../components/useDebouncedSearch';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useUser } from '../accounts/signed-in';
import { isStaff } from '../../../common/roles';
import { FollowFolderButton } from './contributions/FollowButton';
import { useDeleteFolder, useDocuments, useFolders, useLibraryVisit } from './api';
import { FolderDialog, type FolderDialogMode } from './folders/FolderDialog';
import { crumbsTo, useFolderTree } from './folders/tree';
import { DocumentGrid, DocumentTable } from './library/DocumentViews';
import { FolderCards } from './library/FolderCards';
import type { DocumentKind, DocumentStatus, Folder } from './types';

const FILTERS = ['q', 'tag', 'type', 'status', 'vue'] as const;

/**
 * The library: the folder one is in (breadcrumbs, sub-folders), its
 * documents as a list or as thumbnails, and a search across the whole
 * library with highlighted passages. Staff also filter by status, manage
 * folders and upload from here.
 */
export default function LibraryPage() {
  const { t } = useTranslation('documents');
  const { folderId } = useParams();
  const user = useUser();
  const staff = isStaff(user.role);
  const { values, page, set } = useListParams(FILTERS);
  const [search, setSearch] = useDebouncedSearch(values.q, (text) => set({ q: text }));
  const [tag, setTag] = useDebouncedSearch(values.tag, (text) => set({ tag: text }));
  const [dialog, setDialog] = useState<FolderDialogMode | null>(null);
  const [deleting, setDeleting] = useState<Folder | null>(null);
  const deleteFolder = useDeleteFolder();

  const visit = useLibraryVisit();
  const folders = useFolders();
  const tree = useFolderTree(folders.data);
  const folder = folderId ? tree.byId.get(folderId) : undefined;
  const searching = values.q !== '' || values.tag !== '' || values.type !== '';
  // A search looks through the whole library; browsing shows one folder (the root's own documents at the top).
  const list = useDocuments({
    folderId: searching ? undefined : (folderId ?? 'root'),
    q: values.q || undefined,
    tag: values.tag || undefined,
    type: (values.type || undefined) as DocumentKind | undefined,
    status: staff && values.status ? (values.status as DocumentStatus) : undefined,
    page,
    pageSize: 24,
  });

  if (folderId && folders.isSuccess && !folder) {
    return (
      <>
        <PageHeader title={t('library.title')} />
        <EmptyState title={t('library.folderMissing')} action={<Button component={Link} to="/documents">{t('library.root')}</Button>} />
      </>
    );
  }

  const title = folder?.name ?? t('library.title');
  const view = values.vue === 'grille' ? 'grid' : 'list';
  const newCount = list.data?.items.filter((d) => d.isNew).length ?? 0;
  const uploadTo = `/documents/deposer${folder ? `?dossier=${folder.id}` : ''}`;
  const actions = staff ? (
    <>
      <Button component={Link} to={uploadTo}>
        {t('library.upload')}
      </Button>
      <Button variant="default" onClick={() => setDialog({ kind: 'create', parent: folder ?? null })}>
        {t('library.newFolder')}
      </Button>
      <Button variant="subtle" component={Link} to="/documents/a-revoir">
        {t('library.review')}
      </Button>
    </>
  ) : null;

  const onFolderAction = (action: 'edit' | 'move' | 'delete', f: Folder) => {
    if (action === 'delete') setDeleting(f);
    else setDialog({ kind: action, folder: f });
  };

  return (
    <>
      {folder ? <PageBreadcrumbs links={crumbsTo(tree, folder.id, t('library.root'))} current={folder.name} /> : null}
      <PageHeader title={title} description={folder ? undefined : t('library.description')} actions={staff ? actions : folder ? <FollowFolderButton folderId={folder.id} /> : null} />

      {folders.isError ? <ErrorState error={folders.error} onRetry={() => void folders.refetch()} /> : null}
      <FolderCards
        folders={tree.children(folder?.id ?? null)}
        heading={folder ? t('library.foldersOf', { name: folder.name }) : t('library.folders')}
        onAction={staff ? onFolderAction : undefined}
      />

      <FilterPanel
        cols={{ base: 1, sm: 2, md: staff ? 4 : 3 }}
        active={searching || values.status !== ''}
        onReset={() => {
          setSearch('');
          setTag('');
          set({ q: null, tag: null, type: null, status: null });
        }}
        below={
          list.data && !list.data.accentInsensitiveSearch && values.q ? (
            <Alert color="yellow" variant="light" mt="sm" p="xs">
              {t('library.accentSensitive')}
            </Alert>
          ) : null
        }
      >
        <FilterSearch value={search} onChange={setSearch} description={t('library.searchHelp')} />
        <TextInput label={t('filters.tag')} value={tag} maxLength={40} onChange={(e) => setTag(e.currentTarget.value)} />
        <FilterSelect
          label={t('filters.type')}
          value={values.type}
          onChange={(v) => set({ type: v })}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`types.${k}`) }))}
        />
        {staff ? (
          <FilterSelect
            label={t('filters.status')}
            value={values.status}
            onChange={(v) => set({ status: v })}
            data={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        ) : null}
      </FilterPanel>

      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          {visit.data?.previousVisitAt && newCount > 0 ? (
            <Text size="sm" role="status">
              {t('library.newSinceCount', { count: newCount, date: formatDateTime(visit.data.previousVisitAt) })}
            </Text>
          ) : null}
          {searching && folder ? (
            <Text size="sm" c="dimmed">
              {t('library.searchEverywhere')}
            </Text>
          ) : null}
        </div>
        <SegmentedControl
          aria-label={t('library.view')}
          value={view}
          onChange={(v) => set({ vue: v === 'grid' ? 'grille' : null, page })}
          data={[
            { value: 'list', label: t('library.viewList') },
            { value: 'grid', label: t('library.viewGrid') },
          ]}
        />
      </Group>

      <PagedList
        query={list}
        page={page}
        onPageChange={(p) => set({ page: p })}
        empty={
          <ListEmptyState
            filtered={searching || values.status !== ''}
            filteredTitle={t('library.emptyFiltered')}
            title={folder ? t('library.noDocumentsHere') : t('library.empty')}
            description={staff ? t('library.emptyHelpStaff') : t('library.emptyHelp')}
            action={staff ? <Button component={Link} to={uploadTo}>{t('library.upload')}</Button> : undefined}
          />
        }
      >
        {(data, dimmed) => {
          const caption = values.q
            ? t('library.searchCount', { count: data.total, formatted: formatNumber(data.total), q: values.q })
            : t('library.count', { count: data.total, formatted: formatNumber(data.total) });
          const props = { items: data.items, staff, dimmed, caption, onTag: (tg: string) => (setTag(tg), set({ tag: tg })) };
          return (
view === 'grid' ? <DocumentGrid {...props} /> : <DocumentTable {...props} />
          );
        }}
      </PagedList>

      <FolderDialog mode={dialog} tree={tree} onClose={() => setDialog(null)} />
      <DeleteDialog
        id={deleting?.id ?? null}
        title={deleting ? t('folders.deleteTitle', { name: deleting.name }) : ''}
        message={t('folders.deleteMessage')}
        confirmLabel={t('folders.delete')}
        mutation={deleteFolder}
        onDeleted={() => {
          notifications.show({ color: 'green', message: t('folders.deleted') });
          setDeleting(null);
        }}
        // 409: the server says why (documents or sub-folders left); the dialog closes on the reason.
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
