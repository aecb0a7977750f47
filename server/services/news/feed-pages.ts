import type { Database } from '../../../db/client';
import type { AudienceViewer } from '../../../db/queries/audience';
import { feedNextChange, feedPage, readMarks } from '../../../db/queries/news/feed';
import type { NewsPostListItem } from '../../schemas/news';
import { createFeedCache } from '../../lib/feed-cache';
import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';
import { toPostListItem } from './mapping';

/**
 * The pages of the partners' news feed, the busiest read of the feature.
 *
 * A page as everyone of one audience profile sees it (its 20 posts, pinned
 * first, with their comment counts) is kept in memory per profile, category
 * and page, until something it shows changes: writes to news_posts,
 * news_comments, offices, communes or an author's name NOTIFY `news_feed`
 * (migrations 0028 and 0036) and the change feed empties the cache
 * (server/lib/feed-cache.ts: a change through any process shows at the next
 * read). A page also expires at the next time bound of any post (a scheduled
 * publication, an expiry, the end of a pin) and after TTL_MS in any case.
 * Read marks do not empty it (one reader opening a post would flush every
 * reader's pages): each reader's marks are read at every request, for the 20
 * posts of the page, by one index-only scan, and spliced in.
 *
 * Measured by npm run bench:news (20,000 posts, 200,000 comments, 50
 * connections each as one of 50 partners of ~47 audience profiles; the
 * 2-core machine shared with other work, load average 13–22, so each figure
 * is indicative and only the ratio to the baseline of the same run counts):
 * reading the page at each request (two selects, joins, two sub-selects per
 * row) held the api at 0.10–0.13 x its bare postgres.js baseline (p99
 * 200–360 ms, in the earlier bench where one partner read the feed); with the page and totals cached but the readers' marks and
 * counts read one round trip after another, 0.42 x (212 vs 508 req/s, load
 * ~16); with the marks read alongside the cache's check, 0.65 x (853 vs
 * 1,319 req/s, p99 199 vs 184 ms, load ~14), and 0.47 x while 5 read marks
 * a second are written. With the viewer kept in memory too
 * (server/services/audience-viewer.ts) and one caughtUp() per request shared
 * by the three caches, the marks read meanwhile: 0.54 x (705 vs 1,311 req/s,
 * p99 298 vs 182 ms, load 13.4-14.2) and 0.78 x (1,367 vs 1,748 req/s, p99
 * 178 vs 316 ms, load 13.0-10.5) in two runs; 0.63 and 0.64 x while marks
 * are written. The spread is the shared machine's; no run reached p99 < 50 ms.
 */
const TTL_MS = 60_000;
const MAX_PAGES = 2_000;
const MAX_GUESSES = 5_000;

interface SharedPage {
  items: NewsPostListItem[];
  ids: string[];
  untilMs: number;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export type FeedPages = ReturnType<typeof createFeedPages>;

export function createFeedPages(db: Database, feed: ChangeFeed | null) {
  const pages = createFeedCache<SharedPage>(feed, CHANNELS.newsFeed, { ttlMs: TTL_MS, maxEntries: MAX_PAGES, expiresAt: (p) => p.untilMs });

  async function load(viewer: AudienceViewer, categoryId: string | undefined, page: number, pageSize: number): Promise<SharedPage> {
    // The bound first: a post going live while the page is read shows at the latest at the next read after it.
    const untilMs = await feedNextChange(db);
    const { items } = await feedPage(db, { viewer, userId: null, categoryId, page, pageSize });
    return { items: items.map((r) => toPostListItem(r)), ids: items.map((r) => r.id), untilMs };
  }

  // The ids each page had when last served to an establishment's readers: the reader's marks are read for them
  // while the caches check they are up to date and before the viewer is known (fewer round trips in a row;
  // figures above), and read again if the page changed meanwhile.
  const lastIds = new Map<string, string[]>();

  return {
    /**
     * A page of the viewer's feed with the reader's unread marks (not the unread-only feed: that one is per
     * reader). `upToDate`: the request's caughtUp() (createFeedCache's `get`).
     */
    async items(
      viewerOf: Promise<AudienceViewer>, reader: { userId: string; establishmentId: string | null },
      q: { categoryId?: string; page: number; pageSize: number }, upToDate?: Promise<boolean>,
    ): Promise<NewsPostListItem[]> {
      const { userId } = reader;
      const guessKey = JSON.stringify([reader.establishmentId, q.categoryId ?? null, q.page, q.pageSize]);
      const guess = lastIds.get(guessKey);
      const [viewer, guessed] = await Promise.all([viewerOf, guess ? readMarks(db, userId, guess) : null]);
      const key = JSON.stringify([viewer, q.categoryId ?? null, q.page, q.pageSize]);
      const shared = await pages.get(key, () => load(viewer, q.categoryId, q.page, q.pageSize), upToDate);
      if (lastIds.size >= MAX_GUESSES && !lastIds.has(guessKey)) lastIds.clear();
      lastIds.set(guessKey, shared.ids);
      const read = guessed && sameIds(guess!, shared.ids) ? guessed : await readMarks(db, userId, shared.ids);
      return shared.items.map((item) => (read.has(item.id) ? item : { ...item, unread: true }));
    },
  };
}
