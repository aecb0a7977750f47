import type { Database } from '../../../db/client';
import { loadSessionListPage, myRegistrationsJson, type SessionListFilters, type SessionListPage } from '../../../db/queries/trainings/session-list';
import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';
import { createFeedCache } from '../../lib/feed-cache';

/**
 * The partners' list of upcoming sessions, the api's busiest read.
 *
 * A page as everyone sees it (sessions, places, seats left) is kept in memory
 * until something it shows changes: triggers on sessions, trainings, offices
 * and communes NOTIFY `trainings_list` (migration 0003) and the change feed
 * empties the cache (server/lib/feed-cache.ts: a change through any process
 * shows at the next read; concurrent misses of one page share one query).
 * A page also expires when its first session ends (it leaves the list then)
 * and after TTL_MS in any case. The caller's own registrations are read fresh
 * at every request and spliced in.
 *
 * Without a change feed (embedded database, or its connection down) every
 * request reads the database.
 */
const TTL_MS = 10_000;
const MAX_PAGES = 1_000;

export function createSessionList(db: Database, feed: ChangeFeed | null) {
  const pages = createFeedCache<SessionListPage>(feed, CHANNELS.trainingsList, { ttlMs: TTL_MS, maxEntries: MAX_PAGES, expiresAt: (page) => page.firstEndMs });

  function sharedPage(filters: SessionListFilters): Promise<SessionListPage> {
    const key = JSON.stringify([filters.theme, filters.month, filters.officeId, filters.communeInsee, filters.seatsLeft, filters.trainingId, filters.cursor, filters.limit]);
    return pages.get(key, () => loadSessionListPage(db, filters));
  }

  return {
    /** The JSON text of `{ items, nextCursor }` (the SessionList schema) for this user. */
    async json(userId: string, filters: SessionListFilters): Promise<string> {
      const page = await sharedPage(filters);
      const mine = await myRegistrationsJson(db, userId, page.ids);
      // Each item is a JSON object: its closing brace makes room for the caller's registration.
      const items = page.items.map((item, i) => `${item.slice(0, -1)},"myRegistration":${mine.get(page.ids[i]!) ?? 'null'}}`);
      return `{"items":[${items.join(',')}],"nextCursor":${page.nextCursor ? JSON.stringify(page.nextCursor) : 'null'}}`;
    },
  };
}
