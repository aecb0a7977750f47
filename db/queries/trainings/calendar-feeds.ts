import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { trainingCalendarFeeds, trainingRegistrations, trainingSessions, users } from '../../schema';
import { type Executor } from './shared';
import { TRAINING_SCHEDULE } from '../../../common/limits';
import { firstOrNull } from '../rows';

export async function listCalendarSessions(db: Database, userId: string) {
  return db
    .select({ sessionId: trainingSessions.id })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .where(and(
      eq(trainingRegistrations.userId, userId), eq(trainingRegistrations.status, 'confirmed'),
      inArray(trainingSessions.status, ['open', 'closed', 'done', 'cancelled']), sql`${trainingSessions.endsAt} >= now() - make_interval(days => ${TRAINING_SCHEDULE.calendarFeedPastDays})`,
    ))
    .orderBy(asc(trainingSessions.startsAt));
}

export async function getCalendarFeed(db: Executor, userId: string) {
  const [row] = await db.select({ feedId: trainingCalendarFeeds.feedId }).from(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
  return row?.feedId ?? null;
}

/** Creates the user's feed or replaces it (the old secret URL stops working). */
export async function resetCalendarFeed(db: Database, userId: string): Promise<string> {
  const feedId = crypto.randomUUID();
  await db
    .insert(trainingCalendarFeeds)
    .values({ userId, feedId })
    .onConflictDoUpdate({ target: trainingCalendarFeeds.userId, set: { feedId, createdAt: sql`now()` } });
  return feedId;
}

export async function deleteCalendarFeed(db: Database, userId: string): Promise<void> {
  await db.delete(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
}

export async function findFeedOwner(db: Database, feedId: string) {
  return firstOrNull(db
    .select({ userId: users.id, language: users.language, role: users.role, establishmentId: users.establishmentId })
    .from(trainingCalendarFeeds)
    .innerJoin(users, eq(users.id, trainingCalendarFeeds.userId))
    .where(and(eq(trainingCalendarFeeds.feedId, feedId), eq(users.status, 'active'))));
}
