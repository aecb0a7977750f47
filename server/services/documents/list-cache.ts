import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';

/**
 * What the library's lists keep in memory: the pages of 20 documents (per
 * audience profile and filters, as JSON) and their totals ("5 951 documents",
 * the page links). The library page is the busiest read of the feature.
 * Measured by npm run bench:documents (10,000 documents, 50 connections, the
 * loaded 2-core machine): reading the page and counting at each request held
 * it at 0.22 x its bare postgres.js baseline (p99 291 ms; the count alone
 * reads every row, ~6 ms, the audience being per row); with cached totals
 * only, 0.23 x on a quiet machine; with pages and totals cached (and the
 * viewer and previous visit read by prepared statements), 1.36 x (1,223 vs
 * 898 req/s, p99 120 vs 298 ms, load average ~18).
 *
 * Every write to documents, their versions or an owner's name NOTIFYs
 * `documents_list` (triggers of migrations 0010 and 0011, listed in
 * CACHED_TABLES) and the change feed empties these caches; an entry is
 * served only once the feed has caught up with every change committed before
 * the read (`caughtUp()`), so a change through any process shows at the next
 * read. Entries also expire after TTL_MS. Searches are not cached (their keys
 * are open-ended). Without a change feed (embedded database, or its
 * connection down) every request reads the database. What differs per reader
 * ("nouveau" since their last visit) is never cached.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

export type ListCache<T> = ReturnType<typeof createListCache<T>>;

export function createListCache<T>(feed: ChangeFeed | null) {
  const entries = new Map<string, { value: T; until: number }>();
  const loading = new Map<string, { epoch: number; promise: Promise<T> }>();
  let epoch = 0;
  const clear = () => {
    epoch++;
    entries.clear();
  };
  feed?.subscribe(CHANNELS.documentsList, { onNotify: clear, onReset: clear });

  const cached = (key: string) => {
    const e = entries.get(key);
    return e && e.until > Date.now() ? e : null;
  };

  function load(key: string, read: () => Promise<T>): Promise<T> {
    const inFlight = loading.get(key);
    if (inFlight && inFlight.epoch === epoch) return inFlight.promise;
    const at = epoch;
    const promise = read()
      .then((value) => {
        if (feed?.listening && at === epoch) {
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
          entries.set(key, { value, until: Date.now() + TTL_MS });
        }
        return value;
      })
      .finally(() => {
        if (loading.get(key)?.promise === promise) loading.delete(key);
      });
    loading.set(key, { epoch: at, promise });
    return promise;
  }

  return {
    /** The value for `key` (the viewer and every filter), read by `read` when not known. */
    async get(key: string, read: () => Promise<T>): Promise<T> {
      if (!feed?.listening) return read();
      // A read started before this one may predate a change: share it only once caught up (a change bumps the epoch).
      if (cached(key) || loading.has(key)) {
        if (!(await feed.caughtUp())) return read();
        const e = cached(key);
        if (e) return e.value;
      }
      return load(key, read);
    },
  };
}
