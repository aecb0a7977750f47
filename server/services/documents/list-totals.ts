import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';

/**
 * Totals of the library's lists ("5 951 documents", the page links), kept in
 * memory per viewer and filters. Counting a partner's visible documents reads
 * every row (the audience is per row): ~34 ms over 10,000 documents on the
 * loaded 2-core bench machine, against ~1 ms for the page of 20 itself; it
 * held the page at 0.12 x its baseline (npm run bench:documents).
 *
 * Every write to documents or their versions NOTIFYs `documents_list`
 * (triggers of migration 0010) and the change feed empties this cache; a total is served only once the feed has caught
 * up with every change committed before the read (`caughtUp()`), so a change
 * through any process shows at the next read. Totals also expire after
 * TTL_MS. Searches are not cached (their keys are open-ended). Without a
 * change feed (embedded database, or its connection down) every request
 * counts. The page's rows are never cached.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

export type ListTotals = ReturnType<typeof createListTotals>;

export function createListTotals(feed: ChangeFeed | null) {
  const totals = new Map<string, { n: number; until: number }>();
  const loading = new Map<string, { epoch: number; promise: Promise<number> }>();
  let epoch = 0;
  const clear = () => {
    epoch++;
    totals.clear();
  };
  feed?.subscribe(CHANNELS.documentsList, { onNotify: clear, onReset: clear });

  const cached = (key: string) => {
    const e = totals.get(key);
    return e && e.until > Date.now() ? e.n : null;
  };

  function load(key: string, count: () => Promise<number>): Promise<number> {
    const inFlight = loading.get(key);
    if (inFlight && inFlight.epoch === epoch) return inFlight.promise;
    const at = epoch;
    const promise = count()
      .then((n) => {
        if (feed?.listening && at === epoch) {
          if (totals.size >= MAX_ENTRIES) totals.delete(totals.keys().next().value!);
          totals.set(key, { n, until: Date.now() + TTL_MS });
        }
        return n;
      })
      .finally(() => {
        if (loading.get(key)?.promise === promise) loading.delete(key);
      });
    loading.set(key, { epoch: at, promise });
    return promise;
  }

  return {
    /** The total for `key` (the viewer and every filter but the page), counted by `count` when not known. */
    async get(key: string, count: () => Promise<number>): Promise<number> {
      if (!feed?.listening) return count();
      // A count started before this read may predate a change: share it only once caught up (a change bumps the epoch).
      if (cached(key) !== null || loading.has(key)) {
        if (!(await feed.caughtUp())) return count();
        const n = cached(key);
        if (n !== null) return n;
      }
      return load(key, count);
    },
  };
}
