import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { featureQueries } from '../../../lib/queries';
import { api } from '../../../lib/api';
import { uploadImage } from '../api';
import type { NewsTargetKind, NewsReportStatus, NewsSheetStatus } from '../../../../common/news';
import type {
  NewsComment, NewsCommentPage, NewsHandleReportBody, NewsReactionSummary, NewsReport, NewsReportPage,
  NewsSheet, NewsSheetBody, NewsSheetPage, NewsSheetReviewBody, NewsSheetUpdateBody,
} from '../../../../server/schemas/news';

/** Every participation query starts with this key (under the news root): one invalidation refreshes comments, queues and sheets. */
export const PARTICIPATION_ROOT = ['news', 'participation'] as const;
const base = '/api/news';

export type CommentTarget = { kind: 'post' | 'sheet'; id: string };
const targetPath = (t: CommentTarget) => `${base}/${t.kind}s/${t.id}`;

const { useChange, detailQuery, listQuery } = featureQueries(PARTICIPATION_ROOT);

// ---------- comments ----------

export function useComments(target: CommentTarget, page: number) {
  return useQuery({
    queryKey: [...PARTICIPATION_ROOT, 'comments', target.kind, target.id, page],
    queryFn: ({ signal }) => api<NewsCommentPage>(`${targetPath(target)}/comments`, { signal, query: { page, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
}

export function usePostComment(target: CommentTarget) {
  return useChange((body: string) => api<NewsComment>(`${targetPath(target)}/comments`, { method: 'POST', body: { body } }));
}

export function useEditComment() {
  return useChange(({ id, body }: { id: string; body: string }) => api<NewsComment>(`${base}/comments/${id}`, { method: 'PATCH', body: { body } }));
}

export function useDeleteComment() {
  return useChange((id: string) => api<void>(`${base}/comments/${id}`, { method: 'DELETE' }));
}

export function useReportComment() {
  return useChange(({ id, reason }: { id: string; reason: string }) => api<NewsComment>(`${base}/comments/${id}/report`, { method: 'POST', body: { reason } }));
}

export function useHideComment() {
  return useChange(({ id, reason }: { id: string; reason: string | null }) =>
    api<NewsComment>(`${base}/comments/${id}/hide`, reason === null ? { method: 'DELETE' } : { method: 'POST', body: { reason } }));
}

/** « Utile » on a post, comment or sheet. */
export function useReaction() {
  return useChange(({ kind, id, on }: { kind: NewsTargetKind; id: string; on: boolean }) =>
    api<NewsReactionSummary>(`${base}/${kind}s/${id}/reaction`, { method: on ? 'PUT' : 'DELETE' }));
}

/** Mute (or unmute) new-comment mail of a post. */
export function useMute(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (muted: boolean) => api<void>(`${base}/posts/${postId}/mute`, { method: muted ? 'PUT' : 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['news'] }),
  });
}

// ---------- moderation ----------

export function useReports(status: NewsReportStatus, page: number) {
  return useQuery({
    queryKey: [...PARTICIPATION_ROOT, 'reports', status, page],
    queryFn: ({ signal }) => api<NewsReportPage>(`${base}/reports`, { signal, query: { status, page } }),
    placeholderData: keepPreviousData,
  });
}

export function useHiddenComments(page: number) {
  return useQuery({
    queryKey: [...PARTICIPATION_ROOT, 'hidden', page],
    queryFn: ({ signal }) => api<NewsCommentPage>(`${base}/comments/hidden`, { signal, query: { page } }),
    placeholderData: keepPreviousData,
  });
}

export function useHandleReport() {
  return useChange(({ id, body }: { id: string; body: NewsHandleReportBody }) => api<NewsReport>(`${base}/reports/${id}`, { method: 'POST', body }));
}

// ---------- experience sheets ----------

export const useSheets = listQuery<NewsSheetPage, { status?: NewsSheetStatus; mine?: boolean; page: number }>('sheets', `${base}/sheets`);

export const useSheet = detailQuery<NewsSheet>('sheet', (id) => `${base}/sheets/${id}`);

export function useSaveSheet(id: string | undefined) {
  return useChange((body: NewsSheetBody | NewsSheetUpdateBody) =>
    id ? api<NewsSheet>(`${base}/sheets/${id}`, { method: 'PATCH', body }) : api<NewsSheet>(`${base}/sheets`, { method: 'POST', body }));
}

export function useReviewSheet(id: string) {
  return useChange((body: NewsSheetReviewBody) => api<NewsSheet>(`${base}/sheets/${id}/review`, { method: 'POST', body }));
}

/** A sheet's photos: added one by one (multipart, alt text required), removed with their stored file. */
export function useSheetPhotos() {
  return {
    upload: useChange(({ sheetId, alt, file }: { sheetId: string; alt: string; file: File }) => uploadImage<NewsSheet>(`${base}/sheets/${sheetId}/photos`, alt, file)),
    remove: useChange((url: string) => api<void>(url, { method: 'DELETE' })),
  };
}
