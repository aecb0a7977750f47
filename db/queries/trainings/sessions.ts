import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, offices, trainingRegistrations, trainingSessions, trainingSlots, trainings } from '../../schema';
import { activeRegistration, listedSession, myRegistrationColumns, myRegistrationJoin, placeCommune, sessionColumns, type Executor } from './shared';
import { firstOrNull } from '../rows';

/** One session with the caller's registration (staff may read drafts: filtering is the caller's job). */
export async function getSessionRow(db: Executor, sessionId: string, userId: string) {
  return firstOrNull(db
    .select({
      ...sessionColumns, ...myRegistrationColumns,
      perEstablishmentCap: trainingSessions.perEstablishmentCap, waitlistMode: trainingSessions.waitlistMode,
      offerHours: trainingSessions.offerHours, notes: trainingSessions.notes, cancelReason: trainingSessions.cancelReason,
      revision: trainingSessions.revision, surveySentAt: trainingSessions.surveySentAt,
      createdAt: trainingSessions.createdAt, updatedAt: trainingSessions.updatedAt,
    })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .leftJoin(trainingRegistrations, myRegistrationJoin(userId))
    .where(eq(trainingSessions.id, sessionId)));
}
export type SessionDetailRow = NonNullable<Awaited<ReturnType<typeof getSessionRow>>>;
/** A session as lists show it, with the caller's registration (null fields when none). */
export type SessionListRow = Pick<SessionDetailRow, keyof typeof sessionColumns | keyof typeof myRegistrationColumns>;

export async function getSlots(db: Executor, sessionId: string) {
  return db
    .select({ position: trainingSlots.position, startsAt: trainingSlots.startsAt, endsAt: trainingSlots.endsAt })
    .from(trainingSlots)
    .where(eq(trainingSlots.sessionId, sessionId))
    .orderBy(asc(trainingSlots.position));
}

export async function listStaffSessions(db: Database, q: { status?: string; trainingId?: string; from?: string; to?: string; page: number; pageSize: number }) {
  const where = and(
    q.status ? eq(trainingSessions.status, q.status as 'open') : undefined,
    q.trainingId ? eq(trainingSessions.trainingId, q.trainingId) : undefined,
    q.from ? gte(trainingSessions.startsAt, new Date(q.from)) : undefined,
    q.to ? lt(trainingSessions.startsAt, new Date(q.to)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(sessionColumns)
      .from(trainingSessions)
      .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
      .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
      .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
      .where(where)
      .orderBy(q.from ? asc(trainingSessions.startsAt) : desc(trainingSessions.startsAt), asc(trainingSessions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ value: count() }).from(trainingSessions).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

// ---------- me ----------

/** Registrations with their session, training and place (the rows of « Mes formations » and the dashboard). */
const registrationsWithSessions = (db: Database) =>
  db
    .select({ ...sessionColumns, ...myRegistrationColumns })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`);

/** Every registration of the user (active ones and past confirmed ones), with the session. */
export async function listMyRegistrations(db: Database, userId: string) {
  return registrationsWithSessions(db)
    .where(and(eq(trainingRegistrations.userId, userId), sql`${trainingRegistrations.status} in ${activeRegistration}`, ne(trainingSessions.status, 'draft')))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}

/** Dashboard: the user's confirmed or offered sessions that have not ended, soonest first. */
export async function listMyNextSessions(db: Database, userId: string, limit: number) {
  return registrationsWithSessions(db)
    .where(and(
      eq(trainingRegistrations.userId, userId), inArray(trainingRegistrations.status, ['confirmed', 'offered']),
      sql`${trainingSessions.status} in ${listedSession}`, sql`${trainingSessions.endsAt} >= now()`,
    ))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(limit);
}
