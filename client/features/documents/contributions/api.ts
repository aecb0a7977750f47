import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api } from '../../../lib/api';
import type { ApproveContributionBody, Contribution, ContributionList } from '../../../../server/schemas/document-contributions';
import type { ContributionStatus } from '../../../../common/documents';
import { DOCUMENTS_ROOT } from '../api';

export type { Contribution };
type List = Static<typeof ContributionList>;

/** Under the documents root: an approval adds a document, so one invalidation refreshes the library too. */
const KEY = [DOCUMENTS_ROOT, 'contributions'] as const;
const base = '/api/documents/contributions';

export function useContributions(p: { page: number; status?: ContributionStatus }) {
  const qs = new URLSearchParams({ page: String(p.page), ...(p.status ? { status: p.status } : {}) });
  return useQuery({ queryKey: [...KEY, p], queryFn: ({ signal }) => api<List>(`${base}?${qs}`, { signal }), placeholderData: keepPreviousData });
}

export function useInvalidateContributions() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [DOCUMENTS_ROOT] });
}

/** Where a proposal is sent: one file per request, its `meta` first (the upload queue of ../upload). */
export const proposeUrl = base;

export function useDecide() {
  const invalidate = useInvalidateContributions();
  return useMutation({
    mutationFn: (d: { id: string; approve: ApproveContributionBody } | { id: string; decline: string }) =>
      'approve' in d
        ? api(`${base}/${d.id}/approve`, { method: 'POST', body: d.approve })
        : api(`${base}/${d.id}/decline`, { method: 'POST', body: { message: d.decline } }),
    onSuccess: () => invalidate(),
  });
}

export const contributionFileUrl = (id: string) => `${base}/${id}/file`;

// ---------- follows ----------

export function useFollows() {
  return useQuery({ queryKey: [DOCUMENTS_ROOT, 'follows'], queryFn: ({ signal }) => api<{ folderIds: string[] }>('/api/documents/follows', { signal }), select: (d) => d.folderIds });
}

export function useToggleFollow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ folderId, follow }: { folderId: string; follow: boolean }) => api(`/api/documents/folders/${folderId}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [DOCUMENTS_ROOT, 'follows'] }),
  });
}
