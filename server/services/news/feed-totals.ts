import type { Database } from '../../../db/client';
import type { AudienceViewer } from '../../../db/queries/audience';
import { feedReadCount, feedTotalQuery } from '../../../db/queries/news/feed';
import { createFeedCache } from '../../lib/feed-cache';
import { createFeedPages } from './feed-pages';
import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';

/**
 * The feed's totals (« 9 412 actualités », the page links, the unread count)
 * kept in memory per audience profile and category, and the feed's pages
 * (server/services/news/feed-pages.ts). Counting the posts a partner may
 * read goes through every live post (the audience is per row): ~5–15 ms at
 * 20,000 posts, more than the page itself, at every request. The count is
 * the same for everyone of one profile (category, sub-category, commune,
 * communauté, offices), so it is cached on the shared feed cache
 * (server/lib/feed-cache.ts): every write to news_posts NOTIFYs `news_feed`
 * (migration 0028_news_feed_notify) and empties it; an entry also expires at
 * the next scheduled publication or expiry, and after TTL_MS in any case.
 * How many of them a reader has read (their read marks joined with the
 * posts, ~300 index lookups for 300 marks: measured 2.4 ms in psql on the
 * loaded machine, 30 x the page's read marks) is kept per reader on its own
 * channel, `news_reads`, which read marks and post writes NOTIFY (migration
 * 0036_news_comments_notify) with the reader's id: a read mark, through
 * any process, drops that reader's counts only, and never the shared pages
 * and totals. (Dropping every reader's count at each mark, by anyone, cost
 * 0.51 -> 0.21 x the baseline while 5 marks a second were written, 50
 * readers, load average ~20: each mark sent 50 readers to the 2.4 ms count.)
 * Measured by npm run bench:news.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;
const MAX_READERS = 5_000;

export type FeedTotals = ReturnType<typeof createFeedTotals>;

export function createFeedTotals(db: Database, feed: ChangeFeed | null) {
  const cache = createFeedCache<{ total: number; untilMs: number }>(feed, CHANNELS.newsFeed, { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES, expiresAt: (v) => v.untilMs });
  // A read mark NOTIFYs `user_id:<reader>`: only that reader's counts go (their keys start with their id).
  const reads = createFeedCache<{ total: number; untilMs: number }>(feed, CHANNELS.newsReads, {
    ttlMs: TTL_MS, maxEntries: MAX_READERS, expiresAt: (v) => v.untilMs,
    evicts: (payload) => (payload.startsWith('user_id:') ? (key) => key.startsWith(`["${payload.slice(8)}"`) : null),
  });
  return {
    pages: createFeedPages(db, feed),
    /**
     * Live posts of the viewer's feed (in a category), and how many of them
     * `userId` has read. The reader's count is kept until the profile's total
     * would change by itself (the same `untilMs`): a post going live or
     * expiring changes both. `upToDate`: the request's caughtUp() (createFeedCache's `get`).
     */
    async counts(viewer: AudienceViewer, userId: string, categoryId?: string, upToDate?: Promise<boolean>): Promise<{ total: number; read: number }> {
      const profile = JSON.stringify([viewer, categoryId ?? null]);
      const total = () => cache.get(profile, async () => {
        const [row] = await feedTotalQuery(db, viewer, categoryId);
        return { total: row?.total ?? 0, untilMs: row?.nextChangeMs == null ? Number.POSITIVE_INFINITY : Number(row.nextChangeMs) };
      }, upToDate);
      // Both at once: their checks that the caches are up to date share one round trip.
      const [all, read] = await Promise.all([
        total(),
        reads.get(JSON.stringify([userId, profile]), async () => {
          const [n, { untilMs }] = await Promise.all([feedReadCount(db, viewer, userId, categoryId), total()]);
          return { total: n, untilMs };
        }, upToDate),
      ]);
      return { total: all.total, read: read.total };
    },
  };
}
