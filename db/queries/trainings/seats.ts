import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../client';
import { trainingRegistrations } from '../../schema';
import { recordMove, type Effects, type LockedSession, type RegStatus } from './locked';
import { OFFER_WINDOW } from '../../../common/limits';

/**
 * The seat rules of a session, written once and used by every path that
 * moves people: the batched sign-up (./sign-up.ts, a batch of one is a
 * single sign-up), the single moves (promote, accept or decline an offer,
 * expiry, cancellation, ./moves.ts and ./offers.ts), staff edits
 * (./session-edits.ts) and the lists (seats left). They work on the
 * session's counters, read under the session lock (./locked.ts) and saved in
 * the same transaction.
 */

/** The counters of a session row (training_sessions), kept in step with its registrations. */
export interface SeatCounters {
  capacity: number;
  confirmedCount: number;
  offeredCount: number;
  waitingCount: number;
}

/** Seats taken: confirmed, or offered and not yet answered. */
export const seatsHeld = (s: SeatCounters): number => s.confirmedCount + s.offeredCount;
/** Everyone active in the session, waiting list included. */
export const activePeople = (s: SeatCounters): number => seatsHeld(s) + s.waitingCount;
/** Seats neither confirmed nor offered. */
export const freeSeats = (s: SeatCounters): number => Math.max(0, s.capacity - seatsHeld(s));

/** The same rule in SQL, over a training_sessions row named `t` (lists, filters). */
export const freeSeatsSql = (t: string) => sql.raw(`greatest(0, ${t}.capacity - ${t}.confirmed_count - ${t}.offered_count)`);

type Held = 'confirmed' | 'offered' | 'waiting';

/** One person moves on the counters: `from` null = arrives, `to` null = leaves (cancelled, declined, expired). */
export function shift(s: SeatCounters, from: RegStatus | null, to: Held | null): void {
  if (from === 'confirmed') s.confirmedCount -= 1;
  else if (from === 'offered') s.offeredCount -= 1;
  else if (from === 'waiting') s.waitingCount -= 1;
  if (to === 'confirmed') s.confirmedCount += 1;
  else if (to === 'offered') s.offeredCount += 1;
  else if (to === 'waiting') s.waitingCount += 1;
}

/** A newcomer takes a seat at once only while seats are free and nobody waits (no overtaking the list). */
export const seatsForNewcomers = (s: SeatCounters): boolean => s.waitingCount === 0 && freeSeats(s) > 0;

export type Admission =
  | { ok: true; status: 'confirmed'; position: null; ticket: null }
  | { ok: true; status: 'waiting'; position: number; ticket: number }
  | { ok: false; reason: 'duplicate' | 'cap' };

/**
 * Decides for newcomers, in arrival order: already active in the session
 * (also twice in the batch), over the establishment cap (active
 * registrations of the establishment, waiting ones included), confirmed, or
 * waiting with the next ticket and the position that follows the list.
 * Updates `s` as it goes.
 */
export function admit(
  s: SeatCounters & { waitSeq: number; perEstablishmentCap: number | null },
  arrivals: { userId: string; establishmentId: string | null }[],
  active: { userIds: Iterable<string>; perEstablishment: Map<string, number> },
): Admission[] {
  const present = new Set(active.userIds);
  const perEstablishment = new Map(active.perEstablishment);
  return arrivals.map((a): Admission => {
    if (present.has(a.userId)) return { ok: false, reason: 'duplicate' };
    const held = a.establishmentId ? (perEstablishment.get(a.establishmentId) ?? 0) : 0;
    if (a.establishmentId && s.perEstablishmentCap !== null && held >= s.perEstablishmentCap) return { ok: false, reason: 'cap' };
    present.add(a.userId);
    if (a.establishmentId) perEstablishment.set(a.establishmentId, held + 1);
    if (seatsForNewcomers(s)) {
      shift(s, null, 'confirmed');
      return { ok: true, status: 'confirmed', position: null, ticket: null };
    }
    shift(s, null, 'waiting');
    s.waitSeq += 1;
    return { ok: true, status: 'waiting', position: s.waitingCount, ticket: s.waitSeq };
  });
}

/**
 * How long an offer stays open: the session's offerHours (48 h by default),
 * shrinking to a share of the time left before the sign-up deadline (at
 * least a floor), and never past the deadline itself (OFFER_WINDOW, common/limits.ts).
 */
export function offerExpiry(now: Date, s: Pick<LockedSession, 'offerHours' | 'signupDeadline'>): Date {
  const hour = 3_600_000;
  const left = s.signupDeadline.getTime() - now.getTime();
  const window = Math.min(s.offerHours * hour, Math.max(OFFER_WINDOW.minHours * hour, left * OFFER_WINDOW.shareOfTimeLeft));
  return new Date(Math.min(now.getTime() + window, s.signupDeadline.getTime()));
}

/**
 * Gives free seats to the waiting list, first come first served: an offer
 * by e-mail (mode 'offer', until the sign-up deadline) or a confirmation
 * at once (mode 'direct', until the session starts).
 */
export async function fillSeats(tx: Tx, s: LockedSession, now: Date, fx: Effects): Promise<void> {
  while (freeSeats(s) > 0 && s.waitingCount > 0) {
    if ((s.status !== 'open' && s.status !== 'closed') || now >= s.startsAt) break;
    if (s.waitlistMode === 'offer' && now >= s.signupDeadline) break;
    const [next] = await tx
      .select({ id: trainingRegistrations.id, userId: trainingRegistrations.userId, offerRound: trainingRegistrations.offerRound })
      .from(trainingRegistrations)
      .where(and(eq(trainingRegistrations.sessionId, s.id), eq(trainingRegistrations.status, 'waiting')))
      .orderBy(asc(trainingRegistrations.queueSeq))
      .limit(1);
    if (!next) {
      s.waitingCount = 0; // counters said otherwise: trust the rows
      break;
    }
    if (s.waitlistMode === 'direct') {
      await tx
        .update(trainingRegistrations)
        .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(trainingRegistrations.id, next.id));
      shift(s, 'waiting', 'confirmed');
      await recordMove(tx, fx, { registrationId: next.id, sessionId: s.id, userId: next.userId, kind: 'promoted', actorId: null, mail: 'training-confirmed' });
    } else {
      const round = next.offerRound + 1;
      const expiresAt = offerExpiry(now, s);
      await tx
        .update(trainingRegistrations)
        .set({ status: 'offered', offerRound: round, offerExpiresAt: expiresAt, updatedAt: now })
        .where(eq(trainingRegistrations.id, next.id));
      shift(s, 'waiting', 'offered');
      await recordMove(tx, fx, {
        registrationId: next.id, sessionId: s.id, userId: next.userId, kind: 'offered', actorId: null,
        details: { expiresAt: expiresAt.toISOString(), round }, mail: 'training-offer',
      });
      fx.offers.push({ registrationId: next.id, round, expiresAt: expiresAt.toISOString() });
    }
  }
}
