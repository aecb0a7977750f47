import postgres from 'postgres';
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from './auth';

/**
 * A short-lived in-process cache of request principals, so that an
 * authenticated request does not always pay a database round trip.
 *
 * Correctness rests on PostgreSQL: triggers on `users` and `sessions`
 * (migration 0002_auth_notify) NOTIFY `auth_principal` with `u:<user id>` or
 * `s:<session id>` whenever what a principal is made of changes (status,
 * role, establishment, office, language, name, e-mail; a session revoked,
 * shortened or deleted). Every api process LISTENs on one dedicated
 * connection and drops the matching entries.
 *
 * "A disabled user loses access at the next request" holds: a request that
 * changed something (any non-GET) calls `barrier()` before answering, a
 * round trip on the LISTEN connection; PostgreSQL delivers pending
 * notifications before that query's result, so this process has dropped the
 * entries before the answer leaves. Other processes get the notification
 * within milliseconds; entries also expire after TTL_MS. While the LISTEN
 * connection is down the cache is emptied and bypassed.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

type Cached = Omit<Principal, 'sessionId'>;

export async function createPrincipalCache(url: string, log: FastifyBaseLogger) {
  const entries = new Map<string, { principal: Cached; until: number }>();
  let epoch = 0;
  let listening = false;

  const drop = (payload: string) => {
    epoch++;
    const id = payload.slice(2);
    if (payload.startsWith('s:')) entries.delete(id);
    else for (const [sid, e] of entries) if (e.principal.userId === id) entries.delete(sid);
  };
  const conn = postgres(url, {
    max: 1, idle_timeout: 0, max_lifetime: 0, fetch_types: false, onnotice: () => {},
    onnotify: (_channel: string, payload: string) => drop(payload),
    onclose: () => {
      listening = false;
      epoch++;
      entries.clear();
    },
  } as postgres.Options<Record<string, never>>);

  let starting: Promise<void> | null = null;
  function listen(): Promise<void> {
    starting ??= conn`listen auth_principal`
      .then(() => {
        epoch++;
        entries.clear();
        listening = true;
      })
      .catch((err: unknown) => log.warn({ err }, 'principal cache: LISTEN failed; reading principals from the database'))
      .finally(() => {
        starting = null;
      });
    return starting;
  }
  await listen();

  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  function roundTrip(): Promise<void> {
    const trip: Promise<void> = conn`select 1`
      .then(() => undefined, () => entries.clear())
      .finally(() => {
        if (inFlight === trip) inFlight = null;
      });
    return trip;
  }

  return {
    /** A cached principal of that session and user, if still fresh. */
    get(sessionId: string, userId: string): Cached | null {
      if (!listening) {
        void listen(); // reconnect in the background
        return null;
      }
      const e = entries.get(sessionId);
      if (!e || e.principal.userId !== userId) return null;
      if (e.until <= Date.now()) {
        entries.delete(sessionId);
        return null;
      }
      return e.principal;
    },
    /** Read before loading from the database: `set` ignores a load that raced with a change. */
    epoch: () => epoch,
    set(sessionId: string, principal: Cached, sessionExpiresAt: Date, epochAtLoad: number) {
      if (!listening || epochAtLoad !== epoch) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(sessionId, { principal, until: Math.min(Date.now() + TTL_MS, sessionExpiresAt.getTime()) });
    },
    /**
     * Waits until every notification committed before now has been applied
     * here. Concurrent callers share round trips: one that arrives while a
     * round trip is in flight waits for the next one (sent after its own
     * commit), so a burst of writes costs two queries, not one each.
     */
    barrier(): Promise<void> {
      if (!listening || entries.size === 0) return Promise.resolve();
      if (!inFlight) return (inFlight = roundTrip());
      next ??= inFlight.then(() => {
        next = null;
        return (inFlight = roundTrip());
      });
      return next;
    },
    async close() {
      listening = false;
      entries.clear();
      await conn.end({ timeout: 2 });
    },
  };
}
