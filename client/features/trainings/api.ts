import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { featureQueries } from '../../lib/queries';
import { api } from '../../lib/api';
import type {
  ColleagueList, CreateSessionBody, CreateTrainingBody, HistoryList, MyRegistrations, OfferState, OfferView, Registration,
  RegistrationGroups, SessionDetail, SessionList, SessionListItem, StaffSessionList, SurveySummary, SurveyView, Training,
  TrainingList, UpdateSessionBody, UpdateTrainingBody,
} from './types';

/** Every trainings query starts with this key: one invalidation refreshes lists, details and counters after a change. */
const ROOT = 'trainings';
const base = '/api/trainings';

const { useChange, detailQuery, listQuery } = featureQueries([ROOT]);

// ---------- partners: upcoming sessions ----------

export interface SessionFilters {
  theme?: string;
  month?: string;
  officeId?: string;
  communeInsee?: string;
  seatsLeft?: boolean;
  trainingId?: string;
}

/** Upcoming sessions, 20 at a time: "Afficher plus" follows the server's keyset cursor. */
export function useUpcomingSessions(filters: SessionFilters) {
  return useInfiniteQuery({
    queryKey: [ROOT, 'sessions', filters],
    queryFn: ({ signal, pageParam }) =>
      api<SessionList>(`${base}/sessions`, {
        signal,
        query: { ...filters, seatsLeft: filters.seatsLeft ? true : undefined, cursor: pageParam, limit: 20 },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useSession = detailQuery<SessionDetail>('session', (id) => `${base}/sessions/${id}`);

export const useColleagues = detailQuery<ColleagueList>('colleagues', (sessionId) => `${base}/sessions/${sessionId}/colleagues`);

// ---------- registrations ----------

export function useSignUp(sessionId: string) {
  return useChange((userId?: string) =>
    api<Registration>(`${base}/sessions/${sessionId}/registrations`, { method: 'POST', body: userId ? { userId } : {} }));
}

export type RegistrationAction = 'cancel' | 'accept' | 'decline' | 'promote';

/** Cancel, accept or decline an offer, or (staff) confirm a waiting person now. */
export function useRegistrationAction() {
  return useChange(({ id, action }: { id: string; action: RegistrationAction }) =>
    api<Registration>(`${base}/registrations/${id}/${action}`, { method: 'POST' }));
}

export function useSetAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  const key = [ROOT, 'registrations', sessionId];
  return useMutation({
    mutationFn: ({ id, attendance }: { id: string; attendance: Registration['attendance'] }) =>
      api<Registration>(`${base}/registrations/${id}/attendance`, { method: 'PUT', body: { attendance } }),
    // Shown at once on the phone; the server's answer (or a refetch after an error) settles it.
    onMutate: async ({ id, attendance }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RegistrationGroups>(key);
      if (previous) {
        queryClient.setQueryData<RegistrationGroups>(key, {
          ...previous,
          confirmed: previous.confirmed.map((r) => (r.id === id ? { ...r, attendance } : r)),
        });
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<RegistrationGroups>(key, (groups) =>
        groups ? { ...groups, confirmed: groups.confirmed.map((r) => (r.id === saved.id ? saved : r)) } : groups,
      );
    },
  });
}

// ---------- me ----------

export function useMyRegistrations() {
  return useQuery({
    queryKey: [ROOT, 'me', 'registrations'],
    queryFn: ({ signal }) => api<MyRegistrations>(`${base}/me/registrations`, { signal }),
  });
}

export function useMyNextSessions(limit = 3) {
  return useQuery({
    queryKey: [ROOT, 'me', 'next', limit],
    queryFn: ({ signal }) => api<{ items: SessionListItem[] }>(`${base}/me/next`, { signal, query: { limit } }),
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: [ROOT, 'me', 'feed'],
    queryFn: ({ signal }) => api<{ url: string | null }>(`${base}/me/calendar-feed`, { signal }),
  });
}

export function useCalendarFeedMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'create' | 'revoke') => {
      if (action === 'revoke') {
        await api<void>(`${base}/me/calendar-feed`, { method: 'DELETE' });
        return { url: null };
      }
      return api<{ url: string }>(`${base}/me/calendar-feed`, { method: 'POST' });
    },
    onSuccess: (feed) => queryClient.setQueryData([ROOT, 'me', 'feed'], feed),
  });
}

// ---------- e-mail links (public) ----------

export function useOffer(token: string) {
  return useQuery({
    queryKey: [ROOT, 'offer', token],
    queryFn: ({ signal }) => api<OfferView>(`${base}/offers/${encodeURIComponent(token)}`, { signal }),
    retry: false,
    staleTime: 0,
  });
}

export function useOfferAnswer(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: 'accept' | 'decline') =>
      api<{ state: OfferState }>(`${base}/offers/${encodeURIComponent(token)}/${answer}`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [ROOT] }),
  });
}

export function useSurveyToken(token: string) {
  return useQuery({
    queryKey: [ROOT, 'survey-token', token],
    queryFn: ({ signal }) => api<SurveyView>(`${base}/surveys/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
}

export function useSurveyAnswer(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: number; comment: string | null }) =>
      api<void>(`${base}/surveys/${encodeURIComponent(token)}`, { method: 'POST', body }),
    onSuccess: () => queryClient.setQueryData<SurveyView>([ROOT, 'survey-token', token], (v) => (v ? { ...v, state: 'answered' } : v)),
  });
}

// ---------- staff: catalogue ----------

interface CatalogueFilters {
  search?: string;
  theme?: string;
  includeArchived?: boolean;
  page?: number;
  pageSize?: number;
}

export const useTrainings = listQuery<TrainingList, CatalogueFilters>('catalogue', base, (filters) => ({
  ...filters,
  includeArchived: filters.includeArchived ? true : undefined,
}));

export const useTraining = detailQuery<Training>('training', (id) => `${base}/${id}`);

export function useSaveTraining(id: string | undefined) {
  return useChange((body: CreateTrainingBody | UpdateTrainingBody) =>
    id ? api<Training>(`${base}/${id}`, { method: 'PATCH', body }) : api<Training>(base, { method: 'POST', body }));
}

// ---------- staff: sessions ----------

interface StaffSessionFilters {
  status?: string;
  trainingId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const useStaffSessions = listQuery<StaffSessionList, StaffSessionFilters>('staff-sessions', `${base}/staff/sessions`);

export function useSaveSession(target: { sessionId?: string; trainingId?: string }) {
  return useChange((body: CreateSessionBody | UpdateSessionBody) =>
    target.sessionId
      ? api<SessionDetail>(`${base}/sessions/${target.sessionId}`, { method: 'PATCH', body })
      : api<SessionDetail>(`${base}/${target.trainingId}/sessions`, { method: 'POST', body }));
}

export function useCancelSession(sessionId: string) {
  return useChange((reason: string | null) => api<SessionDetail>(`${base}/sessions/${sessionId}/cancel`, { method: 'POST', body: { reason } }));
}

// ---------- staff: a session's tabs ----------

export const useRegistrations = detailQuery<RegistrationGroups>('registrations', (sessionId) => `${base}/sessions/${sessionId}/registrations`);
export const useHistory = detailQuery<HistoryList>('history', (sessionId) => `${base}/sessions/${sessionId}/history`);
export const useSurveySummary = detailQuery<SurveySummary>('survey', (sessionId) => `${base}/sessions/${sessionId}/survey`);

// ---------- files (saved through useDownload) ----------

export const files = {
  sessionIcs: (sessionId: string) => `${base}/sessions/${sessionId}/session.ics`,
  certificate: (registrationId: string) => `${base}/registrations/${registrationId}/certificate.pdf`,
  registrantsCsv: (sessionId: string) => `${base}/sessions/${sessionId}/registrants.csv`,
  signatureSheet: (sessionId: string) => `${base}/sessions/${sessionId}/signature-sheet.pdf`,
};
