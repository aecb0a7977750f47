import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { featureQueries } from '../../lib/queries';
import { api } from '../../lib/api';
import type {
  Contact, ContactBody, ContactList, CorrectionBody, Dashboard, ImportResult, SetupSchema, Theme, ThemeList, TotalsBody, TotalsSchema,
} from '../../../server/schemas/visits';

export type { Contact, ContactBody, Dashboard, Theme };
export type Setup = Static<typeof SetupSchema>;
export type Totals = Static<typeof TotalsSchema>;

/** One query-key root: every change to the counts refreshes what shows them. */
export const VISITS_ROOT = 'visits';

export function useSetup(officeId: string | null) {
  return useQuery({
    queryKey: [VISITS_ROOT, 'setup', officeId],
    queryFn: ({ signal }) => api<Setup>('/api/visits/setup', { signal, query: { officeId } }),
    placeholderData: keepPreviousData,
    // At the counter the page must keep working offline: keep what was loaded.
    staleTime: 5 * 60_000,
    gcTime: 24 * 3600_000,
  });
}

export function useRecent() {
  return useQuery({ queryKey: [VISITS_ROOT, 'recent'], queryFn: ({ signal }) => api<Static<typeof ContactList>>('/api/visits/contacts/recent', { signal }), select: (d) => d.items });
}

/** Sends one contact; the same id sent again answers 200 and counts once. */
export const sendContact = (body: ContactBody) => api<{ contact: Contact; created: boolean }>('/api/visits/contacts', { method: 'POST', body });

const { useInvalidate, useChange } = featureQueries([VISITS_ROOT]);
export const useInvalidateVisits = useInvalidate;

export function useCorrect() {
  return useChange(({ id, change }: { id: string; change: CorrectionBody }) => api<Contact>(`/api/visits/contacts/${id}`, { method: 'PATCH', body: change }));
}

export function useUndo() {
  return useChange((id: string) => api(`/api/visits/contacts/${id}`, { method: 'DELETE' }));
}

export function useDashboard(year: number, officeId: string | null) {
  return useQuery({
    queryKey: [VISITS_ROOT, 'dashboard', year, officeId],
    queryFn: ({ signal }) => api<Dashboard>('/api/visits/dashboard', { signal, query: { year, officeId } }),
    placeholderData: keepPreviousData,
    // The rollup is at most a minute old: refreshing more often shows nothing new.
    refetchInterval: 60_000,
  });
}

export function useTotals(officeId: string | null, month: string) {
  return useQuery({
    queryKey: [VISITS_ROOT, 'totals', officeId, month],
    queryFn: ({ signal }) => api<Totals>('/api/visits/totals', { signal, query: { officeId, month } }),
    enabled: Boolean(officeId),
  });
}

export const saveTotals = (body: Static<typeof TotalsBody>) => api<Totals>('/api/visits/totals', { method: 'PUT', body });
export const importCsv = (csv: string) => api<Static<typeof ImportResult>>('/api/visits/import', { method: 'POST', body: { csv } });

export function useThemes() {
  return useQuery({ queryKey: [VISITS_ROOT, 'themes'], queryFn: ({ signal }) => api<Static<typeof ThemeList>>('/api/visits/themes', { signal }), select: (d) => d.items });
}

export function useSaveTheme() {
  return useChange((p: { id?: number; labelFr?: string; labelEn?: string; position?: number; active?: boolean }) =>
    p.id
      ? api<Theme>(`/api/visits/themes/${p.id}`, { method: 'PATCH', body: { labelFr: p.labelFr, labelEn: p.labelEn, position: p.position, active: p.active } })
      : api<Theme>('/api/visits/themes', { method: 'POST', body: { labelFr: p.labelFr, labelEn: p.labelEn } }));
}
