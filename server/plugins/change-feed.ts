import fp from 'fastify-plugin';
import postgres from 'postgres';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * PostgreSQL change notifications for the api's in-process caches (the
 * principal cache, the partners' session list).
 *
 * Triggers NOTIFY a channel when what a cache holds changes (migrations
 * 0002_auth_notify, 0003_trainings_list_notify); every api process LISTENs on
 * one dedicated connection and hands each notification to the cache that
 * subscribed to its channel. While that connection is down, `listening` is
 * false, the caches are emptied (`onReset`) and must be bypassed.
 *
 * "What a request changed is seen at the next request" holds: a request that
 * may have changed something (any non-GET) waits for `barrier()` before
 * answering, a round trip on the LISTEN connection; PostgreSQL delivers
 * pending notifications before that query's result, so this process has
 * applied them before the answer leaves. Other processes receive them
 * within milliseconds.
 */
export interface ChangeFeed {
  readonly listening: boolean;
  /** Calls `onNotify(payload)` for each notification of `channel`, `onReset()` whenever notifications may have been missed. */
  subscribe(channel: string, handlers: { onNotify(payload: string): void; onReset(): void }): void;
  /** Reconnects in the background after the connection was lost. */
  reconnect(): void;
  barrier(): Promise<void>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Change notifications for in-process caches; null on the embedded database (one process, nothing cached). */
    changes: ChangeFeed | null;
  }
}

/** How the LISTEN connection shows in pg_stat_activity. */
export const CHANGE_FEED_APPLICATION = 'espace-pro change feed';

export async function createChangeFeed(url: string, log: FastifyBaseLogger, channels: string[]): Promise<ChangeFeed> {
  const subscribers = new Map<string, { onNotify(payload: string): void; onReset(): void }[]>(channels.map((c) => [c, []]));
  const resetAll = () => subscribers.forEach((list) => list.forEach((s) => s.onReset()));
  let listening = false;

  const conn = postgres(url, {
    max: 1, idle_timeout: 0, max_lifetime: 0, fetch_types: false, onnotice: () => {},
    connection: { application_name: CHANGE_FEED_APPLICATION },
    onnotify: (channel: string, payload: string) => subscribers.get(channel)?.forEach((s) => s.onNotify(payload)),
    onclose: () => {
      listening = false;
      resetAll();
    },
  } as postgres.Options<Record<string, never>>);

  let starting: Promise<void> | null = null;
  function listen(): Promise<void> {
    starting ??= conn
      .unsafe(channels.map((c) => `listen ${c}`).join('; '))
      .then(() => {
        resetAll();
        listening = true;
      })
      .catch((err: unknown) => log.warn({ err }, 'change feed: LISTEN failed; caches are bypassed'))
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
      .then(() => undefined, resetAll)
      .finally(() => {
        if (inFlight === trip) inFlight = null;
      });
    return trip;
  }

  return {
    get listening() {
      return listening;
    },
    subscribe(channel, handlers) {
      const list = subscribers.get(channel);
      if (!list) throw new Error(`change feed: not listening on ${channel}`);
      list.push(handlers);
    },
    reconnect() {
      if (!listening) void listen();
    },
    /**
     * Waits until every notification committed before now has been applied
     * here. Concurrent callers share round trips: one that arrives while a
     * round trip is in flight waits for the next one (sent after its own
     * commit), so a burst of writes costs two queries, not one each.
     */
    barrier() {
      if (!listening) return Promise.resolve();
      if (!inFlight) return (inFlight = roundTrip());
      next ??= inFlight.then(() => {
        next = null;
        return (inFlight = roundTrip());
      });
      return next;
    },
    async close() {
      listening = false;
      resetAll();
      await conn.end({ timeout: 2 });
    },
  };
}

export const CHANNELS = { principal: 'auth_principal', trainingsList: 'trainings_list' } as const;

export default fp(
  async function changeFeedPlugin(app: FastifyInstance) {
    const feed = app.config.DATABASE_URL ? await createChangeFeed(app.config.DATABASE_URL, app.log, Object.values(CHANNELS)) : null;
    app.decorate('changes', feed);
    if (!feed) return;
    app.addHook('onSend', async (request, _reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') await feed.barrier();
      return payload;
    });
    app.addHook('onClose', async () => feed.close());
  },
  { name: 'change-feed', dependencies: ['db'] },
);
