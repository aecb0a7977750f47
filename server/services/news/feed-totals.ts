import type { Database } from '../../../db/client';
import type { AudienceViewer } from '../../../db/queries/audience';
import { feedTotalQuery } from '../../../db/queries/news/feed';
import { createFeedCache } from '../../lib/feed-cache';
import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';

/**
 * The feed's totals (« 9 412 actualités », the page links, the unread count)
 * kept in memory per audience profile and category. Counting the posts a
 * partner may read goes through every live post (the audience is per row):
 * ~5–15 ms at 20,000 posts, more than the page itself, at every request. The
 * count is the same for everyone of one profile (category, sub-category,
 * commune, communauté, offices), so it is cached on the shared feed cache
 * (server/lib/feed-cache.ts): every write to news_posts NOTIFYs `news_feed`
 * (migration 0028_news_feed_notify) and empties it; an entry also expires at
 * the next scheduled publication or expiry, and after TTL_MS in any case.
 * What differs per reader (how many of them they read) is never cached.
 * Measured by npm run bench:news.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

export type FeedTotals = ReturnType<typeof createFeedTotals>;

export function createFeedTotals(db: Database, feed: ChangeFeed | null) {
  const cache = createFeedCache<{ total: number; untilMs: number }>(feed, CHANNELS.newsFeed, { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES, expiresAt: (v) => v.untilMs });
  return {
    /** Live posts of the viewer's feed (in a category). */
    async total(viewer: AudienceViewer, categoryId?: string): Promise<number> {
      const key = JSON.stringify([viewer, categoryId ?? null]);
      const value = await cache.get(key, async () => {
        const [row] = await feedTotalQuery(db, viewer, categoryId);
        return { total: row?.total ?? 0, untilMs: row?.nextChangeMs == null ? Number.POSITIVE_INFINITY : Number(row.nextChangeMs) };
      });
      return value.total;
    },
  };
}
