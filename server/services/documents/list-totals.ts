import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';
import { createFeedCache } from '../../lib/feed-cache';

/**
 * Totals of the library's lists ("5 951 documents", the page links), kept in
 * memory per viewer and filters. Counting a partner's visible documents reads
 * every row (the audience is per row): ~34 ms over 10,000 documents on the
 * loaded 2-core bench machine, against ~1 ms for the page of 20 itself; it
 * held the page at 0.12 x its baseline (npm run bench:documents).
 *
 * Every write to documents or their versions NOTIFYs `documents_list`
 * (triggers of migration 0010) and the change feed empties this cache
 * (server/lib/feed-cache.ts: a change through any process shows at the next
 * read). Totals also expire after TTL_MS. Searches are not cached (their keys are open-ended). Without a
 * change feed (embedded database, or its connection down) every request
 * counts. The page's rows are never cached.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

export type ListTotals = ReturnType<typeof createListTotals>;

export function createListTotals(feed: ChangeFeed | null) {
  const cache = createFeedCache<number>(feed, CHANNELS.documentsList, { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  return {
    /** The total for `key` (the viewer and every filter but the page), counted by `count` when not known. */
    get: (key: string, count: () => Promise<number>): Promise<number> => cache.get(key, count),
  };
}
