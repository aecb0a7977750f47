import type { FastifyInstance } from 'fastify';
import { deleteCalendarFeed, getCalendarFeed, resetCalendarFeed } from '../../../db/queries/trainings/calendar-feeds';
import { listMyNextSessions, listMyRegistrations } from '../../../db/queries/trainings/sessions';
import { feedToken } from '../../../common/link-tokens';
import type { Principal } from '../../plugins/auth';
import type { MyItem, MyRegistrations, SessionListItem } from '../../schemas/trainings';
import { toMyItem, toSessionListItem } from './mapping';

/** The signed-in person's trainings: their registrations, next sessions, private calendar address. */

export async function myRegistrations(app: FastifyInstance, principal: Principal): Promise<MyRegistrations> {
  const rows = await listMyRegistrations(app.db, principal.userId);
  const now = Date.now();
  const upcoming: MyItem[] = [];
  const waiting: MyItem[] = [];
  const past: MyItem[] = [];
  for (const row of rows) {
    const item = toMyItem(row);
    if (row.regStatus === 'waiting' || row.regStatus === 'offered') {
      if (row.endsAt.getTime() >= now) waiting.push(item);
    } else if (row.endsAt.getTime() >= now && row.status !== 'done') upcoming.push(item);
    else past.push(item);
  }
  past.reverse();
  return { upcoming, waiting, past };
}

export async function myNextSessions(app: FastifyInstance, principal: Principal, limit: number): Promise<{ items: SessionListItem[] }> {
  return { items: (await listMyNextSessions(app.db, principal.userId, limit)).map((r) => toSessionListItem(r, true)) };
}

const feedUrl = (app: FastifyInstance, feedId: string) => `${app.config.PUBLIC_URL}/api/trainings/calendar/${feedToken(app.config.JWT_SECRET, feedId)}.ics`;

export async function calendarFeed(app: FastifyInstance, principal: Principal): Promise<{ url: string | null }> {
  const feedId = await getCalendarFeed(app.db, principal.userId);
  return { url: feedId ? feedUrl(app, feedId) : null };
}

export async function resetFeed(app: FastifyInstance, principal: Principal): Promise<{ url: string }> {
  return { url: feedUrl(app, await resetCalendarFeed(app.db, principal.userId)) };
}

export async function revokeFeed(app: FastifyInstance, principal: Principal): Promise<void> {
  await deleteCalendarFeed(app.db, principal.userId);
}
