import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { trainingCalendarFeeds, trainingRegistrations, trainingSessions, trainingSurveyResponses, trainings } from '../../schema';
import { ACTIVE_REGISTRATION_STATUSES } from '../../../common/trainings';

/** What the trainings feature holds about a person, for the RGPD export. */
export async function exportTrainingData(db: Database | Tx, userId: string) {
  const rows = await db
    .select({
      registrationId: trainingRegistrations.id, training: trainings.title, sessionId: trainingSessions.id,
      startsAt: trainingSessions.startsAt, status: trainingRegistrations.status, attendance: trainingRegistrations.attendance,
      createdAt: trainingRegistrations.createdAt, confirmedAt: trainingRegistrations.confirmedAt, cancelledAt: trainingRegistrations.cancelledAt,
      surveyRating: trainingSurveyResponses.rating, surveyComment: trainingSurveyResponses.comment,
    })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(trainingSurveyResponses, eq(trainingSurveyResponses.registrationId, trainingRegistrations.id))
    .where(eq(trainingRegistrations.userId, userId))
    .orderBy(asc(trainingSessions.startsAt));
  const [feed] = await db.select({ createdAt: trainingCalendarFeeds.createdAt }).from(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
  return {
    registrations: rows.map((r) => ({
      ...r,
      startsAt: r.startsAt.toISOString(), createdAt: r.createdAt.toISOString(),
      confirmedAt: r.confirmedAt?.toISOString() ?? null, cancelledAt: r.cancelledAt?.toISOString() ?? null,
    })),
    calendarFeedCreatedAt: feed?.createdAt.toISOString() ?? null,
  };
}

/** Active registrations of sessions that have not started: an erased account must not keep a seat or a place in a waiting list. */
export async function upcomingActiveRegistrationIds(db: Database | Tx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: trainingRegistrations.id })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .where(and(
      eq(trainingRegistrations.userId, userId),
      inArray(trainingRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
      gt(trainingSessions.startsAt, new Date()),
    ));
  return rows.map((r) => r.id);
}

/**
 * Survey comments are free text the person wrote: erased with the account (the
 * rating stays, anonymous). Runs inside the erasure's one transaction.
 */
export async function eraseTrainingPersonalData(tx: Tx, userId: string): Promise<void> {
  await tx.delete(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
  const regs = tx.select({ id: trainingRegistrations.id }).from(trainingRegistrations).where(eq(trainingRegistrations.userId, userId));
  await tx.update(trainingSurveyResponses).set({ comment: null }).where(inArray(trainingSurveyResponses.registrationId, regs));
}
