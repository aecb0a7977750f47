import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { signedOutOnPurpose, useMe } from '../features/accounts/signed-in';
import type { Role } from '../features/accounts/types';
import { ForbiddenPage } from './ErrorPages';

/** A `next` parameter is followed only to a path of this site (no open redirect). */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/connexion')) return '/';
  return next;
}

/** Signed-in routes: visitors go to the log-in page, which brings them back here afterwards. */
export function RequireAuth() {
  const { data: me } = useMe();
  const location = useLocation();
  if (!me) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const target = signedOutOnPurpose() || next === '/' ? '/connexion' : `/connexion?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

/** Pages of some roles only; the server refuses their data to others anyway. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { data: me } = useMe();
  if (!me || !roles.includes(me.role)) return <ForbiddenPage />;
  return <Outlet />;
}

/** The log-in page is pointless once signed in: go where the user was heading. */
export function PublicOnly() {
  const { data: me } = useMe();
  const [params] = useSearchParams();
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
