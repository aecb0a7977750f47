import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { featureQueries } from '../../lib/queries';
import { api } from '../../lib/api';
import type {
  CreateFolderBody, DocumentDetail, DocumentKind, DocumentList, DocumentStatus, Folder, ReviewList, UpdateDocumentBody, UpdateFolderBody, Visit,
} from './types';

/** Every documents query starts with this key: one invalidation refreshes folders, lists and details after a change. */
export const DOCUMENTS_ROOT = 'documents';
const ROOT = DOCUMENTS_ROOT;
export const base = '/api/documents';

const { useInvalidate, useChange, detailQuery, listQuery } = featureQueries([ROOT]);
export const useInvalidateDocuments = useInvalidate;

// ---------- folders ----------

/** Every folder the reader may see (a few hundred at most): the tree and breadcrumbs are built from it. */
export function useFolders() {
  return useQuery({
    queryKey: [ROOT, 'folders'],
    queryFn: ({ signal }) => api<{ items: Folder[] }>(`${base}/folders`, { signal }),
    select: (data) => data.items,
  });
}

export function useCreateFolder() {
  return useChange((body: CreateFolderBody) => api<Folder>(`${base}/folders`, { method: 'POST', body }));
}

export function useUpdateFolder() {
  return useChange(({ id, body }: { id: string; body: UpdateFolderBody }) => api<Folder>(`${base}/folders/${id}`, { method: 'PATCH', body }));
}

export function useDeleteFolder() {
  return useChange((id: string) => api<void>(`${base}/folders/${id}`, { method: 'DELETE' }));
}

// ---------- documents ----------

export interface DocumentFilters {
  /** A folder id, 'root' for the documents outside any folder, undefined for all (search). */
  folderId?: string;
  q?: string;
  tag?: string;
  type?: DocumentKind;
  status?: DocumentStatus;
  page?: number;
  pageSize?: number;
}

export const useDocuments = listQuery<DocumentList, DocumentFilters>('list', base);

export const useDocument = detailQuery<DocumentDetail>('detail', (id) => `${base}/${id}`);

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDocumentBody) => api<DocumentDetail>(`${base}/${id}`, { method: 'PATCH', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData([ROOT, 'detail', id], detail);
      return queryClient.invalidateQueries({ queryKey: [ROOT] });
    },
  });
}

export function useDeleteDocument() {
  return useChange((id: string) => api<void>(`${base}/${id}`, { method: 'DELETE' }));
}

export function useRestoreVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api<DocumentDetail>(`${base}/${id}/versions/${versionId}/restore`, { method: 'POST' }),
    onSuccess: (detail) => {
      queryClient.setQueryData([ROOT, 'detail', id], detail);
      return queryClient.invalidateQueries({ queryKey: [ROOT] });
    },
  });
}

/** Staff: documents whose review date has passed. */
export function useReviewList(page: number) {
  return useQuery({
    queryKey: [ROOT, 'review', page],
    queryFn: ({ signal }) => api<ReviewList>(`${base}/review`, { signal, query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The reader opens the library: records the visit once per page load and returns the one before,
 * from which the server marks documents as new. Never refetched (a refetch would move the mark).
 */
export function useLibraryVisit() {
  return useQuery({
    // Outside the ROOT key: invalidating the library after a change must not record another visit.
    queryKey: ['documents-visit'],
    queryFn: () => api<Visit>(`${base}/visits`, { method: 'POST' }),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

// ---------- files ----------

export const files = {
  download: (id: string) => `${base}/${id}/download`,
  /** The same file shown in the page's frame: not counted as a download. */
  preview: (id: string) => `${base}/${id}/download?preview=true`,
  version: (id: string, versionId: string) => `${base}/${id}/versions/${versionId}/download`,
  thumbnail: (id: string) => `${base}/${id}/thumbnail`,
  /** Where uploads go (multipart, through upload/xhr.ts). */
  create: base,
  newVersion: (id: string) => `${base}/${id}/versions`,
};
