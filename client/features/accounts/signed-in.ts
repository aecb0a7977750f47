import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isLanguage, setLanguage, type Language } from '../../i18n';
import { api } from '../../lib/api';
import { SESSION_MARKER_COOKIE } from '../../../common/session-marker';
import type { Me } from './types';

export const meKey = ['me'] as const;

/** Whether the server's "signed in" marker is there (common/session-marker.ts). */
function hasSessionMarker(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(';').some((c) => c.trim().startsWith(`${SESSION_MARKER_COOKIE}=`));
}

/** A marker whose session turned out to be gone (revoked, expired) is removed, so the next page asks nothing. */
function dropSessionMarker(): void {
  if (typeof document !== 'undefined') document.cookie = `${SESSION_MARKER_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
}

/**
 * Who is signed in: null when nobody is. A visitor without the marker is
 * known to be anonymous without any request (no 401 on /api/me and on the
 * refresh, which the browser would log as console errors on public pages).
 */
const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async ({ signal }) => {
    if (!hasSessionMarker()) return null;
    const me = await api<Me | null>('/api/me', { signal, onUnauthenticated: 'null' });
    if (me === null) dropSessionMarker();
    return me;
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in user, for pages under <RequireAuth> (which guarantees one). */
export function useUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useUser() used outside a signed-in route');
  return data;
}

/** After log-in, invitation or refresh: remember the user and speak their language (resolves once it is loaded). */
export function setSignedIn(queryClient: QueryClient, user: Me): Promise<void> {
  leftOnPurpose = false;
  queryClient.setQueryData(meKey, user);
  return isLanguage(user.language) ? setLanguage(user.language).catch(() => undefined) : Promise.resolve();
}

/** Forget everything cached for the previous user (no data leaks to the next one on a shared computer). */
export function setSignedOut(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, null);
}

let leftOnPurpose = false;

/** Whether the user signed out by their own's choice (log-out, deleted account): then log-in needs no ?next=. */
export function signedOutOnPurpose(): boolean {
  return leftOnPurpose;
}

/** The user chose to leave: forget the log-in; guards send them to the log-in page without ?next=. */
export function signOutOnPurpose(queryClient: QueryClient): void {
  leftOnPurpose = true;
  setSignedOut(queryClient);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    // Even if the server call fails (network), the user asked to leave: forget the log-in locally.
    onSettled: () => signOutOnPurpose(queryClient),
  });
}

/** Switches the interface language and, for a signed-in user, saves it on the account. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useCallback(
    async (language: Language) => {
      await setLanguage(language);
      const me = queryClient.getQueryData<Me | null>(meKey);
      if (me && me.language !== language) {
        const updated = await api<Me>('/api/me', { method: 'PATCH', body: { language } });
        queryClient.setQueryData(meKey, updated);
      }
    },
    [queryClient],
  );
}
