import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CampaignBodyDto, CampaignDto, PreferenceDto, SuppressionDto, TopicDto, UnsubscribeInfoDto } from '../../../server/schemas/newsletters';

export type { CampaignBodyDto, CampaignDto, PreferenceDto, TopicDto, UnsubscribeInfoDto };
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

export function useCampaign(id: string) {
  return useQuery({
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

// ---------- admins: topics and the suppression list ----------

export type { SuppressionDto };
export type SuppressionReason = SuppressionDto['reason'];
export type RemovalReason = 'entered_by_mistake' | 'mailbox_fixed' | 'person_asked';

export function useSaveTopic() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, ...body }: TopicDto) => api<TopicDto>(`${base}/topics/${id}`, { method: 'PUT', body }), onSuccess: () => invalidate() });
}

export function useSuppressions(params: { page: number; search: string; reason: SuppressionReason | '' }) {
  return useQuery({
    queryKey: [ROOT, 'suppressions', params],
    queryFn: ({ signal }) => api<{ items: SuppressionDto[]; total: number; page: number; pageSize: number }>(`${base}/suppressions`, {
      signal, query: { page: params.page, ...(params.search.trim() ? { search: params.search.trim() } : {}), ...(params.reason ? { reason: params.reason } : {}) },
    }),
    placeholderData: keepPreviousData,
  });
}

export function useAddSuppression() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: { address: string; reason: 'complaint'; note?: string }) => api<SuppressionDto>(`${base}/suppressions`, { method: 'POST', body }), onSuccess: () => invalidate() });
}

export function useRemoveSuppression() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: { address: string; reason: RemovalReason }) => api<void>(`${base}/suppressions/removals`, { method: 'POST', body }), onSuccess: () => invalidate() });
}
