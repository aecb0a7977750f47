import { STATISTICS_CACHE_MS } from '../../common/limits';
import { CHANNELS, type ChangeFeed } from '../plugins/change-feed';
import { createFeedCache } from './feed-cache';

/**
 * The staff's statistics dashboards kept in memory (the visits dashboard,
 * the partners' aggregates): the one feed cache (./feed-cache.ts) on the
 * `statistics` channel. The worker's rollup runs, and any change to the
 * themes, offices or communautés these pages name, NOTIFY it (migration
 * 0032_statistics_notify, CACHED_TABLES) and the cache is emptied; a read
 * after a change committed anywhere loads again. Figures shown are thus as
 * fresh as the rollups (under a minute), and a page view in between costs no
 * aggregation. bench:stats measures it against GROUP BY over the raw rows.
 */
export function createStatisticsCache<V>(feed: ChangeFeed | null) {
  return createFeedCache<V>(feed, CHANNELS.statistics, { ttlMs: STATISTICS_CACHE_MS, maxEntries: 500 });
}

export type StatisticsCache<V> = ReturnType<typeof createStatisticsCache<V>>;
