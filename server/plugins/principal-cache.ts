import { CHANNELS, type ChangeFeed } from './change-feed';
import type { Principal } from './principal';

/**
 * A short-lived in-process cache of request principals, so that an
 * authenticated request does not always pay a database round trip.
 *
 * Correctness rests on PostgreSQL: triggers on `users` and `logins`
 * (migrations 0002_auth_notify, 0008_logins) NOTIFY `auth_principal` with
 * `u:<user id>` or `l:<login id>` whenever what a principal is made of changes
 * (status, role, establishment, office, language, name, e-mail; a log-in revoked,
 * shortened or deleted), and the change feed (./change-feed.ts) drops the
 * matching entries here. An entry is served only once the feed has caught up
 * with every change committed before the read (`caughtUp()`), so a change
 * through any process is seen at the next request. Entries also expire after
 * TTL_MS.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

type Cached = Omit<Principal, 'loginId'>;

export function createPrincipalCache(feed: ChangeFeed) {
  const entries = new Map<string, { principal: Cached; until: number }>();
  let epoch = 0;

  feed.subscribe(CHANNELS.principal, {
    onNotify(payload) {
      epoch++;
      const id = payload.slice(2);
      if (payload.startsWith('l:')) entries.delete(id);
      else for (const [loginId, e] of entries) if (e.principal.userId === id) entries.delete(loginId);
    },
    onReset() {
      epoch++;
      entries.clear();
    },
  });

  const lookup = (loginId: string, userId: string): Cached | null => {
    const e = entries.get(loginId);
    if (!e || e.principal.userId !== userId) return null;
    if (e.until <= Date.now()) {
      entries.delete(loginId);
      return null;
    }
    return e.principal;
  };

  return {
    /** A cached principal of that log-in and user, if still fresh once the change feed has caught up. */
    async get(loginId: string, userId: string): Promise<Cached | null> {
      if (!lookup(loginId, userId)) return null;
      return (await feed.caughtUp()) ? lookup(loginId, userId) : null;
    },
    /** Read before loading from the database: `set` ignores a load that raced with a change. */
    epoch: () => epoch,
    set(loginId: string, principal: Cached, loginExpiresAt: Date, epochAtLoad: number) {
      if (!feed.listening || epochAtLoad !== epoch) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(loginId, { principal, until: Math.min(Date.now() + TTL_MS, loginExpiresAt.getTime()) });
    },
  };
}
