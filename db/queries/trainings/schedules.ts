import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { trainingRegistrations, trainingSessions, users } from '../../schema';
import { queueMail } from '../mail';
import { lockSession } from './locked';
import { TRAINING_SCHEDULE } from '../../../common/limits';

// ---------- schedules ----------

/**
 * Reminders 2 days before: for each open/closed session starting within
 * 48 h whose reminder was not sent for its current start, one mail per
 * confirmed person (deduplicated on registration and start time).
 */
export async function queueDueReminders(db: Database, now = new Date()): Promise<string[]> {
  const due = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(and(
      inArray(trainingSessions.status, ['open', 'closed']),
      sql`${trainingSessions.startsAt} > ${now.toISOString()}::timestamptz`,
      sql`${trainingSessions.startsAt} <= ${now.toISOString()}::timestamptz + make_interval(hours => ${TRAINING_SCHEDULE.reminderHoursBefore})`,
      sql`${trainingSessions.reminderSentFor} is distinct from ${trainingSessions.startsAt}`,
    ))
    .limit(TRAINING_SCHEDULE.sessionsPerRun);
  const mailIds: string[] = [];
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const s = await lockSession(tx, id);
      if (!s || (s.status !== 'open' && s.status !== 'closed') || s.reminderSentFor?.getTime() === s.startsAt.getTime()) return;
      const people = await tx
        .select({ registrationId: trainingRegistrations.id, userId: users.id, email: users.email, language: users.language })
        .from(trainingRegistrations)
        .innerJoin(users, eq(users.id, trainingRegistrations.userId))
        .where(and(eq(trainingRegistrations.sessionId, id), eq(trainingRegistrations.status, 'confirmed'), eq(users.status, 'active')));
      for (const p of people) {
        const mailId = await queueMail(tx, {
          template: 'training-reminder', userId: p.userId, toAddress: p.email, language: p.language,
          params: { registrationId: p.registrationId }, dedupeKey: `training-reminder:${p.registrationId}:${s.startsAt.getTime()}`,
        });
        if (mailId) mailIds.push(mailId);
      }
      await tx.update(trainingSessions).set({ reminderSentFor: s.startsAt }).where(eq(trainingSessions.id, id));
    });
  }
  return mailIds;
}

/**
 * After a session (1 h after its end): the satisfaction survey to each
 * confirmed person not marked absent, and the session becomes 'done'.
 */
export async function queueDueSurveys(db: Database, now = new Date()): Promise<string[]> {
  const due = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(and(
      inArray(trainingSessions.status, ['open', 'closed', 'done']),
      isNull(trainingSessions.surveySentAt),
      sql`${trainingSessions.endsAt} <= ${now.toISOString()}::timestamptz - make_interval(hours => ${TRAINING_SCHEDULE.surveyHoursAfter})`,
    ))
    .limit(TRAINING_SCHEDULE.sessionsPerRun);
  const mailIds: string[] = [];
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [s] = await tx.select({ status: trainingSessions.status, surveySentAt: trainingSessions.surveySentAt }).from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
      if (!s || s.surveySentAt || s.status === 'cancelled' || s.status === 'draft') return;
      const people = await tx
        .select({ registrationId: trainingRegistrations.id, userId: users.id, email: users.email, language: users.language })
        .from(trainingRegistrations)
        .innerJoin(users, eq(users.id, trainingRegistrations.userId))
        .where(and(
          eq(trainingRegistrations.sessionId, id), eq(trainingRegistrations.status, 'confirmed'),
          sql`${trainingRegistrations.attendance} is distinct from 'absent'`, eq(users.status, 'active'),
        ));
      for (const p of people) {
        const mailId = await queueMail(tx, {
          template: 'training-survey', userId: p.userId, toAddress: p.email, language: p.language,
          params: { registrationId: p.registrationId }, dedupeKey: `training-survey:${p.registrationId}`,
        });
        if (mailId) mailIds.push(mailId);
      }
      await tx.update(trainingSessions).set({ surveySentAt: now, status: 'done', updatedAt: now }).where(eq(trainingSessions.id, id));
    });
  }
  return mailIds;
}
