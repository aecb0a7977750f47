import type { FastifyInstance } from 'fastify';
import { agendaEvents } from '../../../db/queries/news/agenda';
import { loadAudienceViewer } from '../../../db/queries/audience';
import { searchNews } from '../../../db/queries/news/search';
import { getPost } from '../../../db/queries/news/posts';
import { getPreferences, setMuted, setPreferences } from '../../../db/queries/news/preferences';
import { searchAccentInsensitive } from '../../../db/queries/text-search';
import { sessionCalendar, type CalendarSession } from '../../../common/calendar';
import { placeLine } from '../../../common/places';
import { NEWS_LIMITS } from '../../../common/news';
import type { Principal } from '../../plugins/auth';
import type { NewsAgenda, NewsAgendaQuery, NewsPreferences, NewsPreferencesBody, NewsSearchQuery, NewsSearchResult } from '../../schemas/news';
import { toAgendaItem, toPreferences, toSearchHit } from './mapping';
import { viewerOf } from './posts';
import { refusal } from './refusals';
import type { PostRow } from '../../../db/queries/news/posts';

/** Search, agenda and its calendars, mail preferences: reads of the news with the audience applied. */

export async function search(app: FastifyInstance, principal: Principal, q: NewsSearchQuery): Promise<NewsSearchResult> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? NEWS_LIMITS.pageSize;
  const [result, accentInsensitiveSearch] = await Promise.all([
    searchNews(app.db, { viewer: await viewerOf(app, principal), q: q.q.trim(), page, pageSize }),
    searchAccentInsensitive(app.db),
  ]);
  return { items: result.items.map(toSearchHit), total: result.total, page, pageSize, accentInsensitiveSearch };
}

/** Upcoming events (from now), a month (Europe/Paris), or a range. */
export async function agenda(app: FastifyInstance, principal: Principal, q: NewsAgendaQuery): Promise<NewsAgenda> {
  if (q.month && (q.from || q.to)) throw refusal('monthRange');
  let from = q.from ? new Date(q.from) : new Date();
  let to = q.to ? new Date(q.to) : null;
  if (q.month) {
    const [y, m] = q.month.split('-').map(Number) as [number, number];
    from = parisMidnight(y, m, 1);
    to = m === 12 ? parisMidnight(y + 1, 1, 1) : parisMidnight(y, m + 1, 1);
  }
  const rows = await agendaEvents(app.db, { viewer: await viewerOf(app, principal), userId: principal.userId, from, to, categoryId: q.categoryId, limit: q.limit ?? 50 });
  return { from: from.toISOString(), to: to?.toISOString() ?? null, items: rows.map(toAgendaItem) };
}

/** Midnight of a day in Europe/Paris, as an instant. */
function parisMidnight(y: number, m: number, d: number): Date {
  const utc = Date.UTC(y, m - 1, d);
  const offset = new Date(utc).toLocaleString('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' }).match(/GMT([+-]\d+)/);
  return new Date(utc - Number(offset?.[1] ?? 0) * 3600_000);
}

/** An event of a post as a calendar entry (the feed and the .ics share it). */
export function calendarEvent(row: PostRow, publicUrl: string, locale: 'fr' | 'en'): CalendarSession {
  const start = row.eventStart!;
  const end = row.eventEnd ?? new Date(start.getTime() + 3600_000);
  const place = row.placeKind
    ? placeLine({ kind: row.placeKind === 'commune' ? 'address' : row.placeKind, officeName: row.officeName, address: row.address, communeName: row.communeName, postalCode: row.postalCode, lat: row.lat, lon: row.lon }, locale)
    : null;
  return {
    id: row.id, uidPrefix: 'news', title: row.title, summary: row.summary, slots: [{ startsAt: start, endsAt: end }],
    location: row.placeKind === 'online' ? null : place, onlineUrl: row.onlineUrl, pageUrl: `${publicUrl}/actualites/${row.id}`,
    revision: row.eventSequence, cancelled: false, lat: row.lat, lon: row.lon,
  };
}

/** How far back the personal calendar feed keeps past events (calendars drop what a feed no longer lists). */
const FEED_PAST_DAYS = 30;

/**
 * News events in the person's private calendar feed (the trainings' feed,
 * server/services/trainings/files.ts `feedIcs`): events of the live posts
 * their audience allows — the agenda's rule — from the last 30 days on, with
 * the same stable UIDs as the single `.ics` (`news-<post>-0@…`).
 */
export async function calendarFeedEvents(
  app: FastifyInstance,
  owner: { userId: string; role: Principal['role']; establishmentId: string | null; language: 'fr' | 'en' },
): Promise<CalendarSession[]> {
  const viewer = await loadAudienceViewer(app.db, owner);
  const rows = await agendaEvents(app.db, { viewer, userId: owner.userId, from: new Date(Date.now() - FEED_PAST_DAYS * 86_400_000), to: null, limit: NEWS_LIMITS.calendarFeedEvents });
  return rows.map((r) => calendarEvent(r, app.config.PUBLIC_URL, owner.language));
}

export async function eventIcs(app: FastifyInstance, principal: Principal, id: string) {
  const row = await getPost(app.db, id, await viewerOf(app, principal), principal.userId);
  if (!row) throw refusal('notFound');
  if (!row.eventStart) throw refusal('noEvent');
  const slug = row.title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'evenement';
  return { body: sessionCalendar(calendarEvent(row, app.config.PUBLIC_URL, principal.language)), type: 'text/calendar; charset=utf-8', filename: `${slug}.ics` };
}

export async function preferences(app: FastifyInstance, principal: Principal): Promise<NewsPreferences> {
  return toPreferences(await getPreferences(app.db, principal.userId));
}

export async function savePreferences(app: FastifyInstance, principal: Principal, body: NewsPreferencesBody): Promise<NewsPreferences> {
  if ((body.quietFromMonth === null) !== (body.quietToMonth === null)) throw refusal('quietPeriodIncomplete');
  await setPreferences(app.db, principal.userId, body);
  return preferences(app, principal);
}

export async function mute(app: FastifyInstance, principal: Principal, postId: string, muted: boolean): Promise<void> {
  if (muted && !(await getPost(app.db, postId, await viewerOf(app, principal), principal.userId))) throw refusal('notFound');
  await setMuted(app.db, principal.userId, postId, muted);
}
