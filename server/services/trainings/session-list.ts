import type { Database } from '../../../db/client';
import { loadSessionListPage, myRegistrationsJson, type SessionListFilters, type SessionListPage } from '../../../db/queries/trainings/session-list';
import { CHANNELS, type ChangeFeed } from '../../plugins/change-feed';

/**
 * The partners' list of upcoming sessions, the api's busiest read.
 *
 * A page as everyone sees it (sessions, places, seats left) is kept in memory
 * until something it shows changes: triggers on sessions, trainings, offices
 * and communes NOTIFY `trainings_list` (migration 0003) and the change feed
 * empties the cache here. A page is served (or a load under way shared) only
 * once the feed has caught up with every change committed before the read
 * (`caughtUp()`), so a change through any process shows at the next read.
 * A page also expires when its first
 * session ends (it leaves the list then) and after TTL_MS in any case. The
 * caller's own registrations are read fresh at every request and spliced in.
 * Concurrent misses of one page share one query.
 *
 * Without a change feed (embedded database, or its connection down) every
 * request reads the database.
 */
const TTL_MS = 10_000;
const MAX_PAGES = 1_000;

export function createSessionList(db: Database, feed: ChangeFeed | null) {
  const pages = new Map<string, { page: SessionListPage; until: number }>();
  const loading = new Map<string, { epoch: number; promise: Promise<SessionListPage> }>();
  let epoch = 0;
  const clear = () => {
    epoch++;
    pages.clear();
  };
  feed?.subscribe(CHANNELS.trainingsList, { onNotify: clear, onReset: clear });

  function load(key: string, filters: SessionListFilters): Promise<SessionListPage> {
    const inFlight = loading.get(key);
    if (inFlight && inFlight.epoch === epoch) return inFlight.promise;
    const at = epoch;
    const promise = loadSessionListPage(db, filters)
      .then((page) => {
        if (feed?.listening && at === epoch) {
          if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
          pages.set(key, { page, until: Math.min(Date.now() + TTL_MS, page.firstEndMs) });
        }
        return page;
      })
      .finally(() => {
        if (loading.get(key)?.promise === promise) loading.delete(key);
      });
    loading.set(key, { epoch: at, promise });
    return promise;
  }

  const cachedPage = (key: string) => {
    const cached = pages.get(key);
    return cached && cached.until > Date.now() ? cached.page : null;
  };

  async function sharedPage(filters: SessionListFilters): Promise<SessionListPage> {
    if (!feed?.listening) return loadSessionListPage(db, filters);
    const key = JSON.stringify([filters.theme, filters.month, filters.officeId, filters.communeInsee, filters.seatsLeft, filters.trainingId, filters.cursor, filters.limit]);
    // A load started before this read may predate a change: share it only once caught up (a change bumps the epoch).
    if (cachedPage(key) || loading.has(key)) {
      if (!(await feed.caughtUp())) return loadSessionListPage(db, filters);
      const page = cachedPage(key);
      if (page) return page;
    }
    return load(key, filters);
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
