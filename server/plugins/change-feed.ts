import fp from 'fastify-plugin';
import postgres from 'postgres';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * PostgreSQL change notifications for the api's in-process caches (the
 * partners' session list, the library's list totals). A principal cache was
 * measured and removed (0022_principal_cache_removed): it did not pay.
 *
 * Triggers NOTIFY a channel when what a cache holds changes (migrations
 * 0003_trainings_list_notify, 0010_documents_list_notify); every api process LISTENs on
 * one dedicated connection and hands each notification to the cache that
 * subscribed to its channel.
 *
 * A cache serves an entry only after `caughtUp()`: a round trip on the LISTEN
 * connection sent after the read began (shared by concurrent readers). A
 * listening backend delivers the notifications it holds before it reads the
 * next query, so when that round trip comes back from the same backend that
 * ran LISTEN, every change committed before the read — through this process
 * or any other — has been applied here. That makes a read through any process
 * see every change committed before it started, not only "within
 * milliseconds".
 *
 * When the connection drops, notifications sent meanwhile are lost: the round
 * trip fails (or comes back from a new backend, which postgres.js opened
 * underneath), so no entry is served from the moment of the drop, even
 * before the client notices it. On the drop, `listening` turns false, the
 * caches are emptied and bypassed, a warning is logged, and LISTEN is sent
 * again at once (then with backoff while PostgreSQL cannot be reached). A
 * connection that stops answering without closing is given up after
 * ROUND_TRIP_TIMEOUT_MS the same way: the reads waiting on it meanwhile go to
 * the database.
 */
export interface ChangeFeed {
  readonly listening: boolean;
  /** The pid of the backend that LISTENs (pg_stat_activity), null while not listening. */
  readonly backend: number | null;
  /** Calls `onNotify(payload)` for each notification of `channel`, `onReset()` whenever notifications may have been missed. */
  subscribe(channel: string, handlers: { onNotify(payload: string): void; onReset(): void }): void;
  /**
   * Resolves true once every notification committed before the call has been
   * applied here; false when the LISTEN connection is down (read the database).
   * Check the cached entry again afterwards: the round trip may have dropped it.
   */
  caughtUp(): Promise<boolean>;
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

/** Delay before sending LISTEN again after a failure: doubles from the first to the last. */
const RETRY_MS = { first: 100, max: 5_000 };
/**
 * A round trip not answered by then means a connection that went silent (a
 * firewall or NAT dropping it without a word: TCP would take minutes to
 * notice): the waiting reads go to the database and LISTEN moves to a new connection.
 */
export const ROUND_TRIP_TIMEOUT_MS = 2_000;

export async function createChangeFeed(url: string, log: FastifyBaseLogger, channels: string[]): Promise<ChangeFeed> {
  const subscribers = new Map<string, { onNotify(payload: string): void; onReset(): void }[]>(channels.map((c) => [c, []]));
  const resetAll = () => subscribers.forEach((list) => list.forEach((s) => s.onReset()));
  /** The backend that runs LISTEN for us; null while not listening. */
  let backend: number | null = null;
  let closed = false;
  let retryMs = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let wasLost = false;

  function connect() {
    const client = postgres(url, {
      max: 1, idle_timeout: 0, max_lifetime: 0, fetch_types: false, onnotice: () => {},
      connection: { application_name: CHANGE_FEED_APPLICATION },
      onnotify: (channel: string, payload: string) => subscribers.get(channel)?.forEach((s) => s.onNotify(payload)),
      onclose: () => {
        if (client === conn) lost('connection closed');
      },
    } as postgres.Options<Record<string, never>>);
    return client;
  }
  let conn = connect();

  /** Notifications may have been missed from now on: bypass the caches and listen again at once. */
  function lost(why: string) {
    if (backend === null || closed) return;
    backend = null;
    wasLost = true;
    resetAll();
    log.warn(`change feed: LISTEN connection lost (${why}); caches emptied and bypassed, listening again`);
    void listen();
  }

  let starting: { client: typeof conn; promise: Promise<void> } | null = null;
  function listen(): Promise<void> {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (starting?.client === conn) return starting.promise;
    const client = conn;
    const promise = client
      // One simple query: LISTEN and the backend's pid come from the same connection.
      .unsafe(`${channels.map((c) => `listen ${c}`).join('; ')}; select pg_backend_pid() as pid`)
      .then((result) => {
        const row = (result as unknown as unknown[]).flat().find((r): r is { pid: number } => typeof (r as { pid?: unknown })?.pid === 'number');
        if (!row) throw new Error('no backend pid');
        if (closed || client !== conn) return;
        resetAll(); // what changed before LISTEN took effect was not notified
        backend = row.pid;
        if (wasLost || retryMs > 0) log.info(`change feed: listening again (backend ${backend})`);
        wasLost = false;
        retryMs = 0;
      })
      .catch((err: unknown) => {
        if (closed || client !== conn) return;
        retryMs = retryMs ? Math.min(retryMs * 2, RETRY_MS.max) : RETRY_MS.first;
        log.warn({ err }, `change feed: LISTEN failed; caches bypassed, trying again in ${retryMs} ms`);
        retryTimer = setTimeout(() => void listen(), retryMs);
        retryTimer.unref();
      })
      .finally(() => {
        if (starting?.promise === promise) starting = null;
      });
    starting = { client, promise };
    return promise;
  }
  await listen();

  /** Gives up a connection that stopped answering: a new client, the old one ended without waiting. */
  function replaceConnection(why: string) {
    const old = conn;
    conn = connect();
    lost(why);
    void old.end({ timeout: 0 }).catch(() => {});
  }

  let inFlight: Promise<boolean> | null = null;
  let next: Promise<boolean> | null = null;
  function roundTrip(): Promise<boolean> {
    const expected = backend;
    const client = conn;
    let timer: NodeJS.Timeout | undefined;
    const answer = client`select pg_backend_pid() as pid`.then(([row]) => row?.pid as number | undefined, () => undefined); // a failed connection: `onclose` handles it
    const silence = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, ROUND_TRIP_TIMEOUT_MS, 'timeout')));
    const trip: Promise<boolean> = Promise.race([answer, silence])
      .then((pid) => {
        clearTimeout(timer);
        if (expected !== null && pid === expected && backend === expected) return true;
        if (backend === expected && client === conn) {
          if (pid === 'timeout') replaceConnection(`no answer within ${ROUND_TRIP_TIMEOUT_MS} ms`);
          // postgres.js reconnected underneath (a new backend, not listening): the old one's notifications are lost.
          else if (pid !== undefined) lost(`backend ${expected} replaced by ${pid}`);
        }
        return false;
      })
      .finally(() => {
        if (inFlight === trip) inFlight = null;
      });
    return trip;
  }

  return {
    get listening() {
      return backend !== null;
    },
    get backend() {
      return backend;
    },
    subscribe(channel, handlers) {
      const list = subscribers.get(channel);
      if (!list) throw new Error(`change feed: not listening on ${channel}`);
      list.push(handlers);
    },
    /**
     * Concurrent callers share round trips: one that arrives while a round
     * trip is in flight waits for the next one (sent after its own call), so
     * a burst of reads costs two queries on this connection, not one each.
     */
    caughtUp() {
      if (backend === null) return Promise.resolve(false);
      if (!inFlight) return (inFlight = roundTrip());
      next ??= inFlight.then(() => {
        next = null;
        return backend === null ? false : (inFlight = roundTrip());
      });
      return next;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      backend = null;
      resetAll();
      await conn.end({ timeout: 2 });
    },
  };
}

export const CHANNELS = { trainingsList: 'trainings_list', documentsList: 'documents_list', newsFeed: 'news_feed', newsReads: 'news_reads', statistics: 'statistics', audienceViewer: 'audience_viewer' } as const;

/**
 * The one list of what each cache reads: every table a cached query reads,
 * and the trigger that NOTIFYs the cache's channel when that table changes
 * (migrations 0003_trainings_list_notify, 0010_documents_list_notify,
 * 0011_documents_owner_notify, 0028_news_feed_notify, 0032_statistics_notify,
 * 0036_news_comments_notify, 0038_audience_viewer_notify). A table read
 * without a trigger would leave a cache stale for up to its TTL:
 * tests/server/change-feed-triggers.test.ts checks this list against the
 * cached queries' plans and against pg_trigger.
 */
export const CACHED_TABLES = {
  [CHANNELS.trainingsList]: [
    { table: 'training_sessions', trigger: 'training_sessions_list_notify' },
    { table: 'trainings', trigger: 'trainings_list_notify' },
    { table: 'offices', trigger: 'offices_list_notify' },
    { table: 'communes', trigger: 'communes_list_notify' },
  ],
  [CHANNELS.documentsList]: [
    { table: 'documents', trigger: 'documents_list_notify' },
    { table: 'document_versions', trigger: 'document_versions_list_notify' },
    { table: 'users', trigger: 'users_documents_list_notify' },
  ],
  [CHANNELS.newsFeed]: [
    { table: 'news_posts', trigger: 'news_posts_feed_notify' },
    { table: 'news_comments', trigger: 'news_comments_feed_notify' },
    { table: 'offices', trigger: 'offices_news_feed_notify' },
    { table: 'communes', trigger: 'communes_news_feed_notify' },
    { table: 'users', trigger: 'users_news_feed_notify' },
  ],
  [CHANNELS.newsReads]: [
    { table: 'news_reads', trigger: 'news_reads_reads_notify' },
    { table: 'news_posts', trigger: 'news_posts_reads_notify' },
  ],
  [CHANNELS.statistics]: [
    { table: 'visit_rollup', trigger: 'visit_rollup_statistics_notify' },
    { table: 'visit_themes', trigger: 'visit_themes_statistics_notify' },
    { table: 'offices', trigger: 'offices_statistics_notify' },
    { table: 'figures_rollups', trigger: 'figures_rollups_statistics_notify' },
    { table: 'communautes', trigger: 'communautes_statistics_notify' },
  ],
  [CHANNELS.audienceViewer]: [
    { table: 'establishments', trigger: 'establishments_audience_viewer_notify' },
    { table: 'communes', trigger: 'communes_audience_viewer_notify' },
    { table: 'offices', trigger: 'offices_audience_viewer_notify' },
  ],
} as const satisfies Record<(typeof CHANNELS)[keyof typeof CHANNELS], readonly { table: string; trigger: string }[]>;

export default fp(
  async function changeFeedPlugin(app: FastifyInstance) {
    const feed = app.config.DATABASE_URL ? await createChangeFeed(app.config.DATABASE_URL, app.log, Object.values(CHANNELS)) : null;
    app.decorate('changes', feed);
    if (!feed) return;
    app.addHook('onClose', async () => feed.close());
  },
  { name: 'change-feed', dependencies: ['db'] },
);
