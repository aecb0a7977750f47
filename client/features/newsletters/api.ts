import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, postForm } from '../../lib/api';
import type {
  ArchiveItemDto, ArchiveLetterDto, CampaignBodyDto, CampaignDto, CheckDto, ImageDto, PreferenceDto, PreviewDto, TopicDto, UnsubscribeInfoDto,
} from '../../../server/schemas/newsletters';

export type { ArchiveItemDto, ArchiveLetterDto, CampaignBodyDto, CampaignDto, CheckDto, ImageDto, PreferenceDto, PreviewDto, TopicDto, UnsubscribeInfoDto };
export type CampaignSummary = Omit<CampaignDto, 'bodyHtml'>;
export type CampaignActionName = 'launch' | 'pause' | 'resume' | 'cancel' | 'resend-uncertain';

/** Every newsletters query starts with this key. */
const ROOT = 'newsletters';
const base = '/api/newsletters';
/** While a campaign sends, its page and the list re-read the progress this often. */
export const PROGRESS_POLL_MS = 2000;

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [ROOT] });
}

export function useCampaigns(page: number) {
  return useQuery({
    queryKey: [ROOT, 'campaigns', page],
    queryFn: ({ signal }) => api<{ items: CampaignSummary[]; total: number; page: number; pageSize: number }>(`${base}/campaigns?page=${page}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((c) => c.status === 'sending') ? PROGRESS_POLL_MS : false),
  });
}

export function useCampaign(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: [ROOT, 'campaign', id],
    queryFn: ({ signal }) => api<CampaignDto>(`${base}/campaigns/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'sending' ? PROGRESS_POLL_MS : false),
  });
}

export function useReach(id: string, enabled: boolean) {
  return useQuery({ queryKey: [ROOT, 'reach', id], queryFn: ({ signal }) => api<{ count: number }>(`${base}/campaigns/${id}/reach`, { signal }), enabled });
}

export function useTopics() {
  return useQuery({ queryKey: [ROOT, 'topics'], queryFn: ({ signal }) => api<{ items: TopicDto[] }>(`${base}/topics`, { signal }), select: (d) => d.items });
}

export function useSenders() {
  return useQuery({ queryKey: [ROOT, 'senders'], queryFn: ({ signal }) => api<{ items: string[] }>(`${base}/senders`, { signal }), select: (d) => d.items });
}

export function useCreateCampaign() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CampaignBodyDto) => api<CampaignDto>(`${base}/campaigns`, { method: 'POST', body }), onSuccess: () => invalidate() });
}

export function useCampaignAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (action: CampaignActionName) => api<CampaignDto>(`${base}/campaigns/${id}/${action}`, { method: 'POST' }), onSuccess: () => invalidate() });
}

export function usePreferences() {
  return useQuery({ queryKey: [ROOT, 'preferences'], queryFn: ({ signal }) => api<{ items: PreferenceDto[] }>(`${base}/preferences`, { signal }), select: (d) => d.items });
}

export function useSavePreferences() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (topics: { topicId: string; subscribed: boolean }[]) => api<{ items: PreferenceDto[] }>(`${base}/preferences`, { method: 'PUT', body: { topics } }),
    onSuccess: () => invalidate(),
  });
}

export function useUnsubscribeInfo(token: string) {
  return useQuery({ queryKey: [ROOT, 'unsubscribe', token], queryFn: ({ signal }) => api<UnsubscribeInfoDto>(`${base}/unsubscribe/${token}/info`, { signal }), retry: false });
}

export function useUnsubscribe(token: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api<void>(`${base}/unsubscribe/${token}`, { method: 'POST', body: {} }), onSuccess: () => invalidate() });
}

// ---------- composer ----------

export function useUpdateCampaign(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CampaignBodyDto) => api<CampaignDto>(`${base}/campaigns/${id}`, { method: 'PUT', body }), onSuccess: () => invalidate() });
}

/** Uploads an image (alt text required) and returns its public address, inserted into the body. */
export function useUploadImage() {
  return useMutation({
    mutationFn: ({ file, alt }: { file: File; alt: string }) => postForm<ImageDto>(`${base}/images`, { alt }, file),
  });
}

export function useChecks(id: string, enabled: boolean) {
  return useQuery({ queryKey: [ROOT, 'checks', id], queryFn: ({ signal }) => api<{ items: CheckDto[] }>(`${base}/campaigns/${id}/checks`, { signal }), select: (d) => d.items, enabled });
}

export function usePreview(id: string, lang: 'fr' | 'en') {
  return useQuery({ queryKey: [ROOT, 'preview', id, lang], queryFn: ({ signal }) => api<PreviewDto>(`${base}/campaigns/${id}/preview?lang=${lang}`, { signal }) });
}

export function useSendTest(id: string) {
  return useMutation({ mutationFn: () => api<{ to: string }>(`${base}/campaigns/${id}/test`, { method: 'POST' }) });
}

export function useDuplicate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api<CampaignDto>(`${base}/campaigns/${id}/duplicate`, { method: 'POST' }), onSuccess: () => invalidate() });
}

export function useSchedule(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (at: string | null) => api<CampaignDto>(`${base}/campaigns/${id}/schedule`, { method: 'PUT', body: { at } }), onSuccess: () => invalidate() });
}

export function useSetArchived(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (archived: boolean) => api<CampaignDto>(`${base}/campaigns/${id}/archive`, { method: 'PUT', body: { archived } }), onSuccess: () => invalidate() });
}

export function useArchive(page: number) {
  return useQuery({
    queryKey: [ROOT, 'archive', page],
    queryFn: ({ signal }) => api<{ items: ArchiveItemDto[]; total: number; page: number; pageSize: number }>(`${base}/archive?page=${page}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArchivedLetter(id: string, lang: 'fr' | 'en') {
  return useQuery({ queryKey: [ROOT, 'archive', 'letter', id, lang], queryFn: ({ signal }) => api<ArchiveLetterDto>(`${base}/archive/${id}?lang=${lang}`, { signal }) });
}
