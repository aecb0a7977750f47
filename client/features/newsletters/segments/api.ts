import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { featureQueries } from '../../../lib/queries';
import type { SegmentBodyDto, SegmentDto, SegmentPreviewBodyDto, SegmentPreviewDto } from '../../../../server/schemas/newsletter-segments';

export type { SegmentBodyDto, SegmentDto, SegmentPreviewDto };

/** The newsletters feature's one query-key root (client/features/newsletters/api.ts): a campaign change refreshes segments too, and the other way. */
const ROOT = 'newsletters';
const base = '/api/newsletters/segments';
const { detailQuery } = featureQueries([ROOT]);

export function useSegments() {
  return useQuery({ queryKey: [ROOT, 'segments'], queryFn: ({ signal }) => api<{ items: SegmentDto[] }>(base, { signal }), select: (d) => d.items });
}

export const useSegment = detailQuery<SegmentDto>('segment', (id) => `${base}/${id}`);

/** The live count and sample of a filter being edited (the caller debounces the filter). */
export function useSegmentPreview(body: SegmentPreviewBodyDto | null) {
  return useQuery({
    queryKey: [ROOT, 'segment-preview', body],
    queryFn: ({ signal }) => api<SegmentPreviewDto>(`${base}/preview`, { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSaveSegment(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SegmentBodyDto) => api<SegmentDto>(id ? `${base}/${id}` : base, { method: id ? 'PUT' : 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [ROOT] }),
  });
}

export function useDeleteSegment(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api<void>(`${base}/${id}`, { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: [ROOT] }) });
}
