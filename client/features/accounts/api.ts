import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { meKey } from './signed-in';
import type {
  CreateEstablishment, CreatedEstablishment, Establishment, EstablishmentList, Invite, Me, OutboxDeliveryPage, OutboxMessage, OutboxPage, Territory, TokenInfo,
  UpdateEstablishment, UpdateMe, UpdateUser, UserList, UserListItem,
} from './types';

// ---------- territory (reference lists, change rarely) ----------

const territoryQuery = queryOptions({
  queryKey: ['territory'],
  queryFn: ({ signal }) => api<Territory>('/api/territory', { signal }),
  staleTime: Infinity,
});

export function useTerritory() {
  return useQuery(territoryQuery);
}

// ---------- one-time tokens ----------

export function useTokenInfo(token: string, purpose: TokenInfo['purpose']) {
  return useQuery({
    queryKey: ['token', purpose, token],
    queryFn: ({ signal }) => api<TokenInfo>(`/api/auth/tokens/${encodeURIComponent(token)}`, { signal, query: { purpose } }),
    staleTime: Infinity,
    retry: false,
  });
}

// ---------- me ----------

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMe) => api<Me>('/api/me', { method: 'PATCH', body }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('/api/me/password', { method: 'POST', body }),
  });
}

/** The RGPD export, saved as a file named after today's date unless the server names it. */
export const myDataExport = {
  path: '/api/me/export',
  fallbackName: () => `espace-pro-mes-donnees-${new Date().toISOString().slice(0, 10)}.json`,
};

// ---------- users ----------

interface UserFilters {
  search?: string;
  role?: string;
  status?: string;
  establishmentId?: string;
  page?: number;
  pageSize?: number;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: ({ signal }) => api<UserList>('/api/users', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Invite) => api<{ id: string }>('/api/users/invitations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUser & { id: string }) => api<UserListItem>(`/api/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResendInvitation() {
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/users/${id}/invitation/resend`, { method: 'POST' }),
  });
}

// ---------- establishments ----------

interface EstablishmentFilters {
  search?: string;
  category?: string;
  communeInsee?: string;
  communauteId?: string;
  label?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

export function useEstablishments(filters: EstablishmentFilters, enabled = true) {
  return useQuery({
    queryKey: ['establishments', filters],
    queryFn: ({ signal }) => api<EstablishmentList>('/api/establishments', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEstablishment(id: string | undefined) {
  return useQuery({
    queryKey: ['establishment', id],
    queryFn: ({ signal }) => api<Establishment>(`/api/establishments/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveEstablishment(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEstablishment | UpdateEstablishment) =>
      id
        ? api<Establishment>(`/api/establishments/${id}`, { method: 'PATCH', body })
        : api<CreatedEstablishment>('/api/establishments', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['establishment', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['establishments'] });
    },
  });
}

// ---------- captured outbox (admin) ----------

export function useOutbox(page: number) {
  return useQuery({
    queryKey: ['outbox', 'list', page],
    queryFn: ({ signal }) => api<OutboxPage>('/api/outbox', { signal, query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxDeliveries() {
  return useQuery({
    queryKey: ['outbox', 'deliveries'],
    queryFn: ({ signal }) => api<OutboxDeliveryPage>('/api/outbox/deliveries', { signal, query: { page: 1, pageSize: 20 } }),
  });
}

export function useOutboxMessage(id: string | undefined) {
  return useQuery({
    queryKey: ['outbox', 'message', id],
    queryFn: ({ signal }) => api<OutboxMessage>(`/api/outbox/${id}`, { signal }),
    enabled: Boolean(id),
  });
}
