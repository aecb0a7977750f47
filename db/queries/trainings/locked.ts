import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { trainingRegistrationEvents, trainingRegistrations, trainingSessions, users } from '../../schema';
import { queueMail } from '../mail';
import type { RegistrationEventKind, RegistrationStatus } from '../../../common/trainings';
import { firstOrNull } from '../rows';

export interface Effects {
  mailIds: string[];
  offers: { registrationId: string; round: number; expiresAt: string }[];
  notices: string[];
}
export const noEffects = (): Effects => ({ mailIds: [], offers: [], notices: [] });

export type RegStatus = RegistrationStatus;
export type EventKind = RegistrationEventKind;

const lockedColumns = {
  id: trainingSessions.id, status: trainingSessions.status, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt,
  capacity: trainingSessions.capacity, confirmedCount: trainingSessions.confirmedCount, offeredCount: trainingSessions.offeredCount,
  waitingCount: trainingSessions.waitingCount, waitSeq: trainingSessions.waitSeq,
  signupDeadline: trainingSessions.signupDeadline, waitlistMode: trainingSessions.waitlistMode, offerHours: trainingSessions.offerHours,
  perEstablishmentCap: trainingSessions.perEstablishmentCap, placeKind: trainingSessions.placeKind, officeId: trainingSessions.officeId,
  communeInsee: trainingSessions.communeInsee, address: trainingSessions.address, onlineUrl: trainingSessions.onlineUrl,
  revision: trainingSessions.revision, reminderSentFor: trainingSessions.reminderSentFor,
};
export type LockedSession = Pick<typeof trainingSessions.$inferSelect, keyof typeof lockedColumns>;

export async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession | null> {
  return firstOrNull(tx.select(lockedColumns).from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update'));
}

/** The same, with the database's clock (epoch ms) read in the same statement: sign-up deadlines are checked against it. */
export async function lockSessionWithClock(tx: Tx, sessionId: string): Promise<(LockedSession & { nowMs: number }) | null> {
  const [row] = await tx
    .select({ ...lockedColumns, nowMs: sql<number>`(extract(epoch from now()) * 1000)::float8` })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId))
    .for('update');
  return row ? { ...row, nowMs: Number(row.nowMs) } : null;
}

export async function saveCounters(tx: Tx, s: LockedSession) {
  await tx
    .update(trainingSessions)
    .set({ confirmedCount: s.confirmedCount, offeredCount: s.offeredCount, waitingCount: s.waitingCount, updatedAt: sql`now()` })
    .where(eq(trainingSessions.id, s.id));
}

/** Records a move and, when asked, the mail it causes (deduplicated on the event). */
export async function recordMove(
  tx: Tx,
  fx: Effects,
  move: { registrationId: string; sessionId: string; userId: string; kind: EventKind; actorId: string | null; details?: Record<string, string | number | null>; mail?: string },
): Promise<number> {
  const [event] = await tx
    .insert(trainingRegistrationEvents)
    .values({ registrationId: move.registrationId, sessionId: move.sessionId, kind: move.kind, actorId: move.actorId, details: move.details ?? {} })
    .returning({ id: trainingRegistrationEvents.id });
  if (move.mail) {
    const id = await mailToUser(tx, move.userId, move.mail, { registrationId: move.registrationId, eventId: event!.id }, `training-event:${event!.id}`);
    if (id) fx.mailIds.push(id);
  }
  return event!.id;
}

async function mailToUser(tx: Tx | Database, userId: string, template: string, params: Record<string, string | number>, dedupeKey: string): Promise<string | null> {
  const [user] = await tx.select({ email: users.email, language: users.language }).from(users).where(and(eq(users.id, userId), eq(users.status, 'active')));
  if (!user) return null;
  return queueMail(tx, { template, userId, toAddress: user.email, language: user.language, params, dedupeKey });
}


const regColumns = {
  id: trainingRegistrations.id, sessionId: trainingRegistrations.sessionId, userId: trainingRegistrations.userId,
  establishmentId: trainingRegistrations.establishmentId, status: trainingRegistrations.status, offerRound: trainingRegistrations.offerRound,
  offerExpiresAt: trainingRegistrations.offerExpiresAt, attendance: trainingRegistrations.attendance,
};
export type RegRow = Pick<typeof trainingRegistrations.$inferSelect, keyof typeof regColumns>;

export async function findSessionOf(db: Database | Tx, registrationId: string): Promise<string | null> {
  const [row] = await db.select({ sessionId: trainingRegistrations.sessionId }).from(trainingRegistrations).where(eq(trainingRegistrations.id, registrationId));
  return row?.sessionId ?? null;
}

/** Runs `fn` with the session row locked and the registration re-read under that lock. */
export async function withLockedRegistration<T>(db: Database, registrationId: string, fn: (tx: Tx, s: LockedSession, reg: RegRow) => Promise<T>): Promise<T | null> {
  const sessionId = await findSessionOf(db, registrationId);
  if (!sessionId) return null;
  return db.transaction(async (tx) => {
    const s = await lockSession(tx, sessionId);
    if (!s) return null;
    const [reg] = await tx.select(regColumns).from(trainingRegistrations).where(eq(trainingRegistrations.id, registrationId));
    if (!reg) return null;
    return fn(tx, s, reg);
  });
}
