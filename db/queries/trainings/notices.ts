import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { mailMessages, trainingRegistrations, trainingSessionNotices, users } from '../../schema';
import { queueMail } from '../mail';
import { ACTIVE_REGISTRATION_STATUSES } from '../../../common/trainings';
import { TRAINING_SCHEDULE } from '../../../common/limits';

export async function insertNotice(tx: Tx, sessionId: string, kind: 'changed' | 'cancelled', actorId: string, details: Record<string, string | null>): Promise<string> {
  const [row] = await tx.insert(trainingSessionNotices).values({ sessionId, kind, actorId, details }).returning({ id: trainingSessionNotices.id });
  return row!.id;
}

/**
 * Queues the notice's mail for every active registrant (one per person,
 * deduplicated), then returns every still-queued message of the notice, so
 * that running it twice enqueues the same jobs and sends nothing twice.
 */
export async function fanOutNotice(db: Database, noticeId: string): Promise<{ found: boolean; mailIds: string[] }> {
  return db.transaction(async (tx) => {
    const [notice] = await tx
      .select({ id: trainingSessionNotices.id, sessionId: trainingSessionNotices.sessionId, kind: trainingSessionNotices.kind, fannedOutAt: trainingSessionNotices.fannedOutAt })
      .from(trainingSessionNotices)
      .where(eq(trainingSessionNotices.id, noticeId))
      .for('update');
    if (!notice) return { found: false, mailIds: [] };
    const template = notice.kind === 'cancelled' ? 'training-session-cancelled' : 'training-session-changed';
    const prefix = `training-notice:${notice.id}:`;
    if (!notice.fannedOutAt) {
      const people = await tx
        .select({ registrationId: trainingRegistrations.id, userId: users.id, email: users.email, language: users.language })
        .from(trainingRegistrations)
        .innerJoin(users, eq(users.id, trainingRegistrations.userId))
        .where(and(eq(trainingRegistrations.sessionId, notice.sessionId), inArray(trainingRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]), eq(users.status, 'active')));
      for (const p of people) {
        await queueMail(tx, {
          template, userId: p.userId, toAddress: p.email, language: p.language,
          params: { noticeId: notice.id, registrationId: p.registrationId }, dedupeKey: `${prefix}${p.registrationId}`,
        });
      }
      await tx.update(trainingSessionNotices).set({ fannedOutAt: sql`now()` }).where(eq(trainingSessionNotices.id, notice.id));
    }
    const queued = await tx
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(and(sql`${mailMessages.dedupeKey} like ${`${prefix}%`}`, eq(mailMessages.status, 'queued')));
    return { found: true, mailIds: queued.map((q) => q.id) };
  });
}

export async function listPendingNotices(db: Database, olderThanSeconds: number = TRAINING_SCHEDULE.noticeSweepAfterSeconds) {
  return db
    .select({ id: trainingSessionNotices.id })
    .from(trainingSessionNotices)
    .where(and(isNull(trainingSessionNotices.fannedOutAt), sql`${trainingSessionNotices.createdAt} < now() - make_interval(secs => ${olderThanSeconds})`))
    .limit(TRAINING_SCHEDULE.noticesPerSweep);
}
