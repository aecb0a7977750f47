import { createFeedCache } from '../../lib/feed-cache';
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

/** One of the library's caches: the shared feed cache (server/lib/feed-cache.ts) on the `documents_list` channel. */
export function createListCache<T>(feed: ChangeFeed | null) {
  return createFeedCache<T>(feed, CHANNELS.documentsList, { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
}
