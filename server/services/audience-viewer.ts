import type { FastifyInstance } from 'fastify';
import { loadAudienceViewer, type AudienceViewer } from '../../db/queries/audience';
import { createFeedCache } from '../lib/feed-cache';
import { CHANNELS } from '../plugins/change-feed';
import type { Principal } from '../plugins/auth';

/**
 * Who a partner is to audiences (db/queries/audience.ts loadAudienceViewer),
 * kept in memory per establishment: every partner read of audience-bearing
 * content (the news feed first) otherwise waited for it, one round trip
 * before its own queries. An establishment's category, sub-category or
 * commune changing NOTIFYs `audience_viewer` with its id (only its viewer
 * goes); a commune moved to another communauté, or an office moved or
 * (de)activated, empties the cache (migration 0038_audience_viewer_notify).
 * Measured by npm run bench:news (figures in server/services/news/feed-pages.ts).
 */
const TTL_MS = 5 * 60_000;
const MAX_ESTABLISHMENTS = 5_000;

type ViewerCache = ReturnType<typeof createFeedCache<AudienceViewer>>;
const caches = new WeakMap<FastifyInstance, ViewerCache>();

function cacheOf(app: FastifyInstance): ViewerCache {
  let cache = caches.get(app);
  if (!cache) {
    cache = createFeedCache<AudienceViewer>(app.changes, CHANNELS.audienceViewer, {
      ttlMs: TTL_MS, maxEntries: MAX_ESTABLISHMENTS,
      // A row trigger's payload is `id:<establishment id>`; the statement triggers' (a table name): every viewer.
      evicts: (payload) => (payload.startsWith('id:') ? (key) => key === payload.slice(3) : null),
    });
    caches.set(app, cache);
  }
  return cache;
}

/**
 * The principal's viewer. `upToDate`: the request's `app.changes.caughtUp()`,
 * when it reads other caches too (see createFeedCache's `get`).
 */
export function audienceViewerOf(app: FastifyInstance, p: Pick<Principal, 'role' | 'establishmentId'>, upToDate?: Promise<boolean>): Promise<AudienceViewer> {
  if (p.role !== 'partner' || !p.establishmentId) return loadAudienceViewer(app.db, p);
  return cacheOf(app).get(p.establishmentId, () => loadAudienceViewer(app.db, p), upToDate);
}
