import { and, eq, lte } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { trainingRegistrations } from '../../schema';
import { noEffects, recordMove, saveCounters, withLockedRegistration, type Effects, type LockedSession, type RegRow } from './locked';
import { fillSeats, shift } from './seats';
import { TRAINING_SCHEDULE } from '../../../common/limits';

export type OfferOutcome =
  | { ok: true; state: 'accepted' | 'declined'; effects: Effects }
  | { ok: false; state: 'accepted' | 'declined' | 'expired' | 'cancelled' | 'invalid'; effects: Effects };

/**
 * Accepts or declines an offer. `round` (from an e-mail link) must be the
 * current offer: an old link cannot accept a later offer. An offer whose
 * time is up is expired here, even if its job has not run yet.
 */
export async function respondToOffer(
  db: Database,
  input: { registrationId: string; round?: number; accept: boolean; actorId: string | null; now?: Date },
): Promise<OfferOutcome> {
  const now = input.now ?? new Date();
  const out = await withLockedRegistration(db, input.registrationId, async (tx, s, reg): Promise<OfferOutcome> => {
    const fx = noEffects();
    if (input.round !== undefined && reg.offerRound !== input.round) return { ok: false, state: 'invalid', effects: fx };
    if (reg.status !== 'offered') {
      const state = reg.status === 'confirmed' ? 'accepted' : reg.status === 'declined' ? 'declined' : reg.status === 'expired' ? 'expired' : reg.status === 'cancelled' ? 'cancelled' : 'invalid';
      return { ok: false, state, effects: fx };
    }
    if (s.status === 'cancelled') return { ok: false, state: 'cancelled', effects: fx };
    if (!reg.offerExpiresAt || reg.offerExpiresAt <= now) {
      await expireLocked(tx, s, reg, now, fx);
      await saveCounters(tx, s);
      return { ok: false, state: 'expired', effects: fx };
    }
    if (input.accept) {
      await tx
        .update(trainingRegistrations)
        .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(trainingRegistrations.id, reg.id));
      shift(s, 'offered', 'confirmed');
      await recordMove(tx, fx, { registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'accepted', actorId: input.actorId, mail: 'training-confirmed' });
    } else {
      await tx
        .update(trainingRegistrations)
        .set({ status: 'declined', cancelledAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(trainingRegistrations.id, reg.id));
      shift(s, 'offered', null);
      await recordMove(tx, fx, { registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'declined', actorId: input.actorId });
      await fillSeats(tx, s, now, fx);
    }
    await saveCounters(tx, s);
    return { ok: true, state: input.accept ? 'accepted' : 'declined', effects: fx };
  });
  return out ?? { ok: false, state: 'invalid', effects: noEffects() };
}

async function expireLocked(tx: Tx, s: LockedSession, reg: RegRow, now: Date, fx: Effects) {
  await tx
    .update(trainingRegistrations)
    .set({ status: 'expired', cancelledAt: now, updatedAt: now })
    .where(eq(trainingRegistrations.id, reg.id));
  shift(s, 'offered', null);
  await recordMove(tx, fx, {
    registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'expired', actorId: null,
    details: { round: reg.offerRound }, mail: 'training-offer-expired',
  });
  await fillSeats(tx, s, now, fx);
}

/** Expires one offer if it is still the current one and its time is up; otherwise does nothing (idempotent). */
export async function expireOffer(db: Database, input: { registrationId: string; round: number; now?: Date }): Promise<{ expired: boolean; notDue?: boolean; effects: Effects }> {
  const now = input.now ?? new Date();
  const out = await withLockedRegistration(db, input.registrationId, async (tx, s, reg) => {
    const fx = noEffects();
    if (reg.status !== 'offered' || reg.offerRound !== input.round || !reg.offerExpiresAt) return { expired: false, effects: fx };
    if (reg.offerExpiresAt > now) return { expired: false, notDue: true, effects: fx };
    await expireLocked(tx, s, reg, now, fx);
    await saveCounters(tx, s);
    return { expired: true, effects: fx };
  });
  return out ?? { expired: false, effects: noEffects() };
}

/** Offers whose time is up (the sweeper's safety net for lost delayed jobs). */
export async function listOverdueOffers(db: Database, now = new Date(), limit: number = TRAINING_SCHEDULE.overdueOffersPerSweep) {
  return db
    .select({ registrationId: trainingRegistrations.id, round: trainingRegistrations.offerRound })
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.status, 'offered'), lte(trainingRegistrations.offerExpiresAt, now)))
    .limit(limit);
}
