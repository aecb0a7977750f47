import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { trainingRegistrations, trainingSessions } from '../../schema';
import { noEffects, recordMove, saveCounters, withLockedRegistration, type Effects, type RegStatus } from './locked';
import { fillSeats, freeSeats, shift } from './seats';

export type CancelOutcome = { ok: true; from: RegStatus; effects: Effects } | { ok: false; reason: 'registrationNotFound' | 'notActive' | 'deadline' | 'started' };

/**
 * Cancels a registration (or leaves the waiting list). Partners: a seat only
 * until the sign-up deadline, the waiting list until the session starts.
 * A freed seat goes to the waiting list at once.
 */
export async function cancelRegistration(
  db: Database,
  input: { registrationId: string; actorId: string; partnerRules: boolean; notifyPerson: boolean; now?: Date },
): Promise<CancelOutcome> {
  const now = input.now ?? new Date();
  const out = await withLockedRegistration(db, input.registrationId, async (tx, s, reg): Promise<CancelOutcome> => {
    if (reg.status !== 'confirmed' && reg.status !== 'waiting' && reg.status !== 'offered') return { ok: false, reason: 'notActive' };
    if (input.partnerRules) {
      if (now >= s.startsAt) return { ok: false, reason: 'started' };
      if (reg.status !== 'waiting' && now >= s.signupDeadline) return { ok: false, reason: 'deadline' };
    }
    const fx = noEffects();
    await tx
      .update(trainingRegistrations)
      .set({ status: 'cancelled', cancelledAt: now, offerExpiresAt: null, updatedAt: now })
      .where(eq(trainingRegistrations.id, reg.id));
    shift(s, reg.status, null);
    await recordMove(tx, fx, {
      registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'cancelled', actorId: input.actorId, details: { from: reg.status },
      ...(input.notifyPerson ? { mail: 'training-registration-cancelled' } : {}),
    });
    if (reg.status !== 'waiting') await fillSeats(tx, s, now, fx);
    await saveCounters(tx, s);
    return { ok: true, from: reg.status, effects: fx };
  });
  return out ?? { ok: false, reason: 'registrationNotFound' };
}

export type PromoteOutcome = { ok: true; effects: Effects } | { ok: false; reason: 'registrationNotFound' | 'notWaiting' | 'noSeat' };

/** Staff confirm a waiting (or offered) person now, out of turn if they wish; a seat must be free. */
export async function promoteRegistration(db: Database, input: { registrationId: string; actorId: string; now?: Date }): Promise<PromoteOutcome> {
  const now = input.now ?? new Date();
  const out = await withLockedRegistration(db, input.registrationId, async (tx, s, reg): Promise<PromoteOutcome> => {
    if (reg.status !== 'waiting' && reg.status !== 'offered') return { ok: false, reason: 'notWaiting' };
    if (s.status === 'cancelled') return { ok: false, reason: 'notWaiting' };
    if (reg.status === 'waiting' && freeSeats(s) === 0) return { ok: false, reason: 'noSeat' };
    const fx = noEffects();
    shift(s, reg.status, 'confirmed');
    await tx
      .update(trainingRegistrations)
      .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
      .where(eq(trainingRegistrations.id, reg.id));
    await recordMove(tx, fx, { registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'promoted', actorId: input.actorId, details: { from: reg.status }, mail: 'training-confirmed' });
    await saveCounters(tx, s);
    return { ok: true, effects: fx };
  });
  return out ?? { ok: false, reason: 'registrationNotFound' };
}

export type AttendanceOutcome = { ok: true } | { ok: false; reason: 'registrationNotFound' | 'notConfirmed' | 'notStarted' };

/**
 * Staff mark a confirmed person present or absent, once the session has
 * started (by the database's clock): attendance taken in advance would give
 * a certificate for a session that has not happened.
 */
export async function setAttendance(db: Database, registrationId: string, attendance: 'present' | 'absent' | null): Promise<AttendanceOutcome> {
  const started = sql`exists (select 1 from ${trainingSessions} where ${trainingSessions.id} = ${trainingRegistrations.sessionId} and ${trainingSessions.startsAt} <= now())`;
  const [row] = await db
    .update(trainingRegistrations)
    .set({ attendance, updatedAt: sql`now()` })
    .where(and(eq(trainingRegistrations.id, registrationId), eq(trainingRegistrations.status, 'confirmed'), started))
    .returning({ id: trainingRegistrations.id });
  if (row) return { ok: true };
  const [reg] = await db.select({ status: trainingRegistrations.status }).from(trainingRegistrations).where(eq(trainingRegistrations.id, registrationId));
  if (!reg) return { ok: false, reason: 'registrationNotFound' };
  return { ok: false, reason: reg.status === 'confirmed' ? 'notStarted' : 'notConfirmed' };
}
