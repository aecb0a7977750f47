import type { ChangeFeed } from '../plugins/change-feed';

/**
 * An in-process cache of query results that the change feed empties
 * (server/plugins/change-feed.ts): the one mechanism behind the partners'
 * session list and the library's list totals.
 *
 * Every change to a table the cached query reads NOTIFYs `channel`, and the
 * feed empties the cache. A value is served (or a load under way shared) only
 * once the feed has caught up with every change committed before the read
 * (`caughtUp()`), so a change through any process shows at the next read.
 * Values also expire after `ttlMs` (or earlier, at `expiresAt(value)`).
 * Concurrent misses of one key share one load. Without a change feed
 * (embedded database, or its connection down) every read loads.
 */
export function createFeedCache<V>(
  feed: ChangeFeed | null,
  channel: string,
  options: {
    ttlMs: number;
    maxEntries: number;
    expiresAt?: (value: V) => number;
    /**
     * The keys a notification's payload concerns (a row trigger's payload
     * names its row's owner): only those entries are dropped. Null, or no
     * `evicts`: every entry is.
     */
    evicts?: (payload: string) => ((key: string) => boolean) | null;
  },
) {
  const values = new Map<string, { value: V; until: number }>();
  const loading = new Map<string, { epoch: number; promise: Promise<V> }>();
  // Bumped by every change: a load started before it must not be kept or shared.
  let epoch = 0;
  const clear = () => {
    epoch++;
    values.clear();
  };
  const onNotify = (payload: string) => {
    const concerns = options.evicts?.(payload);
    if (!concerns) return clear();
    epoch++;
    for (const key of [...values.keys()]) if (concerns(key)) values.delete(key);
  };
  feed?.subscribe(channel, { onNotify, onReset: clear });

  const fresh = (key: string) => {
    const e = values.get(key);
    return e && e.until > Date.now() ? e : null;
  };

  function load(key: string, loader: () => Promise<V>): Promise<V> {
    const inFlight = loading.get(key);
    if (inFlight && inFlight.epoch === epoch) return inFlight.promise;
    const at = epoch;
    const promise = loader()
      .then((value) => {
        if (feed?.listening && at === epoch) {
          if (values.size >= options.maxEntries) values.delete(values.keys().next().value!);
          const until = Date.now() + options.ttlMs;
          values.set(key, { value, until: options.expiresAt ? Math.min(until, options.expiresAt(value)) : until });
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
    /**
     * The value of `key`, loaded by `loader` when not known. `upToDate`: a
     * `feed.caughtUp()` called when the read began, shared by the caches one
     * request reads (one round trip per request instead of one per cache in a row).
     */
    async get(key: string, loader: () => Promise<V>, upToDate?: Promise<boolean>): Promise<V> {
      if (!feed?.listening) return loader();
      // A load started before this read may predate a change: share it only once caught up (a change bumps the epoch).
      if (fresh(key) || loading.has(key)) {
        if (!(await (upToDate ?? feed.caughtUp()))) return loader();
        const e = fresh(key);
        if (e) return e.value;
      }
      return load(key, loader);
    },
  };
}
