import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { featureQueries } from '../../lib/queries';
import { api, postForm } from '../../lib/api';
import type {
  ArchiveItemDto, ArchiveLetterDto, CampaignBodyDto, CampaignCountsDto, CampaignDto, CheckDto, ImageDto, PreferenceDto, PreviewDto, SuppressionDto, TopicDto, UnsubscribeInfoDto,
} from '../../../server/schemas/newsletters';

export type { ArchiveItemDto, ArchiveLetterDto, CampaignBodyDto, CampaignDto, CheckDto, ImageDto, PreferenceDto, PreviewDto, TopicDto, UnsubscribeInfoDto };
export type CampaignSummary = Omit<CampaignDto, 'bodyHtml'>;
export type CampaignActionName = 'launch' | 'pause' | 'resume' | 'cancel' | 'resend-uncertain';

/** Every newsletters query starts with this key. */
const ROOT = 'newsletters';
const base = '/api/newsletters';
/** While a campaign sends, its page and the list re-read the progress this often. */
export const PROGRESS_POLL_MS = 2000;

const { useChange, listQuery } = featureQueries([ROOT]);

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

/** Aggregate counts (clicks per link, unsubscriptions since launch), re-read with the progress while sending. */
export function useCampaignCounts(id: string, enabled: boolean, sending: boolean) {
  return useQuery({
    queryKey: [ROOT, 'counts', id], enabled,
    queryFn: ({ signal }) => api<CampaignCountsDto>(`${base}/campaigns/${id}/counts`, { signal }),
    refetchInterval: sending ? PROGRESS_POLL_MS : false,
  });
}

export function useTopics() {
  return useQuery({ queryKey: [ROOT, 'topics'], queryFn: ({ signal }) => api<{ items: TopicDto[] }>(`${base}/topics`, { signal }), select: (d) => d.items });
}

export function useSenders() {
  return useQuery({ queryKey: [ROOT, 'senders'], queryFn: ({ signal }) => api<{ items: string[] }>(`${base}/senders`, { signal }), select: (d) => d.items });
}

export function useCreateCampaign() {
  return useChange((body: CampaignBodyDto) => api<CampaignDto>(`${base}/campaigns`, { method: 'POST', body }));
}

export function useCampaignAction(id: string) {
  return useChange((action: CampaignActionName) => api<CampaignDto>(`${base}/campaigns/${id}/${action}`, { method: 'POST' }));
}

export function usePreferences() {
  return useQuery({ queryKey: [ROOT, 'preferences'], queryFn: ({ signal }) => api<{ items: PreferenceDto[] }>(`${base}/preferences`, { signal }), select: (d) => d.items });
}

export function useSavePreferences() {
  return useChange((topics: { topicId: string; subscribed: boolean }[]) => api<{ items: PreferenceDto[] }>(`${base}/preferences`, { method: 'PUT', body: { topics } }));
}

export function useUnsubscribeInfo(token: string) {
  return useQuery({ queryKey: [ROOT, 'unsubscribe', token], queryFn: ({ signal }) => api<UnsubscribeInfoDto>(`${base}/unsubscribe/${token}/info`, { signal }), retry: false });
}

export function useUnsubscribe(token: string) {
  return useChange(() => api<void>(`${base}/unsubscribe/${token}`, { method: 'POST', body: {} }));
}

// ---------- composer ----------

export function useUpdateCampaign(id: string) {
  return useChange((body: CampaignBodyDto) => api<CampaignDto>(`${base}/campaigns/${id}`, { method: 'PUT', body }));
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
  return useChange(() => api<CampaignDto>(`${base}/campaigns/${id}/duplicate`, { method: 'POST' }));
}

export function useSchedule(id: string) {
  return useChange((at: string | null) => api<CampaignDto>(`${base}/campaigns/${id}/schedule`, { method: 'PUT', body: { at } }));
}

export function useSetArchived(id: string) {
  return useChange((archived: boolean) => api<CampaignDto>(`${base}/campaigns/${id}/archive`, { method: 'PUT', body: { archived } }));
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

// ---------- admins: topics and the suppression list ----------

export type { SuppressionDto };
export type SuppressionReason = SuppressionDto['reason'];
export type RemovalReason = 'entered_by_mistake' | 'mailbox_fixed' | 'person_asked';

export function useSaveTopic() {
  return useChange(({ id, ...body }: TopicDto) => api<TopicDto>(`${base}/topics/${id}`, { method: 'PUT', body }));
}

export const useSuppressions = listQuery<{ items: SuppressionDto[]; total: number; page: number; pageSize: number }, { page: number; search: string; reason: SuppressionReason | '' }>(
  'suppressions', `${base}/suppressions`,
  (params) => ({ page: params.page, ...(params.search.trim() ? { search: params.search.trim() } : {}), ...(params.reason ? { reason: params.reason } : {}) }),
);

export function useAddSuppression() {
  return useChange((body: { address: string; reason: 'complaint'; note?: string }) => api<SuppressionDto>(`${base}/suppressions`, { method: 'POST', body }));
}

export function useRemoveSuppression() {
  return useChange((body: { address: string; reason: RemovalReason }) => api<void>(`${base}/suppressions/removals`, { method: 'POST', body }));
}
