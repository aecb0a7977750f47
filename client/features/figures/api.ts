import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  Aggregates, Comparison, Edition, EditionData, EditionSummary, FiguresBody, FiguresMonth, MyFigures, Submissions,
} from '../../../server/schemas/figures';
import type { ComparisonScope, FiguresKind, SubmissionStatus } from '../../../common/figures';

export type { Aggregates, Comparison, Edition, EditionData, EditionSummary, FiguresBody, FiguresMonth, MyFigures, Submissions };

/** One query-key root: saving a month refreshes the partner's figures and comparison. */
export const FIGURES_ROOT = 'figures';

export function useMyFigures() {
  return useQuery({ queryKey: [FIGURES_ROOT, 'me'], queryFn: ({ signal }) => api<MyFigures>('/api/figures/me', { signal }) });
}

export function useComparison(scope: ComparisonScope) {
  return useQuery({
    queryKey: [FIGURES_ROOT, 'comparison', scope],
    queryFn: ({ signal }) => api<Comparison>(`/api/figures/me/comparison?scope=${scope}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveMonth() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ month, body }: { month: string; body: FiguresBody }) => api<FiguresMonth>(`/api/figures/me/${month}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [FIGURES_ROOT] }),
  });
}

export function useAggregates(kind: FiguresKind) {
  return useQuery({
    queryKey: [FIGURES_ROOT, 'aggregates', kind],
    queryFn: ({ signal }) => api<Aggregates>(`/api/figures/aggregates?kind=${kind}`, { signal }),
    placeholderData: keepPreviousData,
    // The rollup is at most a minute old: refresh while the page stays open.
    refetchInterval: 60_000,
  });
}

export function useSubmissions(p: { month: string; status: SubmissionStatus }) {
  return useQuery({
    queryKey: [FIGURES_ROOT, 'submissions', p],
    queryFn: ({ signal }) => api<Submissions>(`/api/figures/submissions?${new URLSearchParams(p)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEditions() {
  return useQuery({ queryKey: [FIGURES_ROOT, 'editions'], queryFn: ({ signal }) => api<{ items: EditionSummary[] }>('/api/figures/observatoire', { signal }) });
}

export function useEdition(id: string) {
  return useQuery({ queryKey: [FIGURES_ROOT, 'editions', id], queryFn: ({ signal }) => api<Edition>(`/api/figures/observatoire/${id}`, { signal }) });
}

export function usePreview(month: string | null) {
  return useQuery({
    queryKey: [FIGURES_ROOT, 'preview', month],
    queryFn: ({ signal }) => api<EditionData>(`/api/figures/observatoire/preview?month=${month}`, { signal }),
    enabled: month !== null,
  });
}

export function usePublish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; comment: string }) => api<Edition>('/api/figures/observatoire', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [FIGURES_ROOT, 'editions'] }),
  });
}
