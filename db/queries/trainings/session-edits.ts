import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { trainingSessions, trainingSlots } from '../../schema';
import { lockSession, noEffects, saveCounters, type Effects, type LockedSession } from './locked';
import { activePeople, fillSeats, seatsHeld } from './seats';
import { insertNotice } from './notices';

// ---------- sessions (staff) ----------

export interface SessionInput {
  slots: { startsAt: Date; endsAt: Date }[];
  placeKind: 'office' | 'address' | 'online';
  officeId: string | null;
  communeInsee: string | null;
  address: string | null;
  onlineUrl: string | null;
  capacity: number;
  perEstablishmentCap: number | null;
  signupDeadline: Date;
  waitlistMode: 'offer' | 'direct';
  offerHours: number;
  notes: string | null;
  status: 'draft' | 'open';
}

function span(slots: { startsAt: Date; endsAt: Date }[]) {
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { sorted, startsAt: sorted[0]!.startsAt, endsAt: new Date(Math.max(...sorted.map((x) => x.endsAt.getTime()))) };
}

export async function createSession(db: Database, trainingId: string, input: SessionInput, actorId: string): Promise<string> {
  const { sorted, startsAt, endsAt } = span(input.slots);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        trainingId, status: input.status, startsAt, endsAt, slotCount: sorted.length, placeKind: input.placeKind, officeId: input.officeId,
        communeInsee: input.communeInsee, address: input.address, onlineUrl: input.onlineUrl, capacity: input.capacity,
        perEstablishmentCap: input.perEstablishmentCap, signupDeadline: input.signupDeadline, waitlistMode: input.waitlistMode,
        offerHours: input.offerHours, notes: input.notes, createdBy: actorId,
      })
      .returning({ id: trainingSessions.id });
    await tx.insert(trainingSlots).values(sorted.map((x, i) => ({ sessionId: row!.id, position: i, startsAt: x.startsAt, endsAt: x.endsAt })));
    return row!.id;
  });
}

export type SessionPatch = Partial<Omit<SessionInput, 'status'>> & { status?: 'draft' | 'open' | 'closed' | 'cancelled' | 'done'; cancelReason?: string | null };

export type UpdateSessionOutcome =
  | { ok: true; effects: Effects }
  | { ok: false; reason: 'sessionNotFound' | 'capacityTooLow' | 'cancelledFinal' | 'backToDraft' };

/** Place of a session as a readable line for notices (ids are resolved by the mail loader). */
function placeKey(s: Pick<LockedSession, 'placeKind' | 'officeId' | 'communeInsee' | 'address' | 'onlineUrl'>) {
  return JSON.stringify([s.placeKind, s.officeId, s.communeInsee, s.address, s.onlineUrl]);
}

/**
 * Staff edit a session. A change of time or place (or a cancellation) of a
 * session that people signed up to records a notice, fanned out by a job; a
 * larger capacity or the switch to direct promotion fills seats at once.
 */
export async function updateSession(db: Database, sessionId: string, patch: SessionPatch, actorId: string, now = new Date()): Promise<UpdateSessionOutcome> {
  const out = await db.transaction(async (tx): Promise<UpdateSessionOutcome> => {
    const s = await lockSession(tx, sessionId);
    if (!s) return { ok: false, reason: 'sessionNotFound' };
    if (s.status === 'cancelled' && (patch.status ?? 'cancelled') !== 'cancelled') return { ok: false, reason: 'cancelledFinal' };
    if (patch.status === 'draft' && s.status !== 'draft' && activePeople(s) > 0) return { ok: false, reason: 'backToDraft' };
    if (patch.capacity !== undefined && patch.capacity < seatsHeld(s)) return { ok: false, reason: 'capacityTooLow' };
    const fx = noEffects();
    const before = { startsAt: s.startsAt, endsAt: s.endsAt, place: placeKey(s), placeKind: s.placeKind, officeId: s.officeId, communeInsee: s.communeInsee, address: s.address };
    const set: Partial<typeof trainingSessions.$inferInsert> = { updatedAt: now };

    let slotsChanged = false;
    if (patch.slots) {
      const { sorted, startsAt, endsAt } = span(patch.slots);
      const old = await tx.select({ startsAt: trainingSlots.startsAt, endsAt: trainingSlots.endsAt }).from(trainingSlots).where(eq(trainingSlots.sessionId, s.id)).orderBy(asc(trainingSlots.position));
      slotsChanged = old.length !== sorted.length || old.some((o, i) => o.startsAt.getTime() !== sorted[i]!.startsAt.getTime() || o.endsAt.getTime() !== sorted[i]!.endsAt.getTime());
      if (slotsChanged) {
        await tx.delete(trainingSlots).where(eq(trainingSlots.sessionId, s.id));
        await tx.insert(trainingSlots).values(sorted.map((x, i) => ({ sessionId: s.id, position: i, startsAt: x.startsAt, endsAt: x.endsAt })));
        Object.assign(set, { startsAt, endsAt, slotCount: sorted.length });
        s.startsAt = startsAt;
        s.endsAt = endsAt;
      }
    }
    if (patch.placeKind !== undefined) {
      Object.assign(set, { placeKind: patch.placeKind, officeId: patch.officeId ?? null, communeInsee: patch.communeInsee ?? null, address: patch.address ?? null, onlineUrl: patch.onlineUrl ?? null });
      Object.assign(s, { placeKind: patch.placeKind, officeId: patch.officeId ?? null, communeInsee: patch.communeInsee ?? null, address: patch.address ?? null, onlineUrl: patch.onlineUrl ?? null });
    }
    const placeChanged = placeKey(s) !== before.place;
    for (const key of ['capacity', 'perEstablishmentCap', 'signupDeadline', 'waitlistMode', 'offerHours', 'notes'] as const) {
      if (patch[key] !== undefined) {
        (set as Record<string, unknown>)[key] = patch[key];
        (s as Record<string, unknown>)[key] = patch[key];
      }
    }
    const cancelling = patch.status === 'cancelled' && s.status !== 'cancelled';
    if (patch.status !== undefined) {
      set.status = patch.status;
      s.status = patch.status;
    }
    if (patch.cancelReason !== undefined) set.cancelReason = patch.cancelReason;

    const hasPeople = activePeople(s) > 0;
    if ((slotsChanged || placeChanged) && !cancelling) {
      set.revision = s.revision + 1;
      if (slotsChanged && s.startsAt.getTime() !== before.startsAt.getTime()) set.reminderSentFor = null;
      if (hasPeople && s.status !== 'draft') {
        fx.notices.push(await insertNotice(tx, s.id, 'changed', actorId, {
          oldStartsAt: before.startsAt.toISOString(), oldEndsAt: before.endsAt.toISOString(), timeChanged: slotsChanged ? 'yes' : null,
          placeChanged: placeChanged ? 'yes' : null, oldPlaceKind: before.placeKind, oldOfficeId: before.officeId, oldCommuneInsee: before.communeInsee, oldAddress: before.address,
        }));
      }
    }
    if (cancelling) {
      set.revision = s.revision + 1;
      if (hasPeople) fx.notices.push(await insertNotice(tx, s.id, 'cancelled', actorId, { reason: patch.cancelReason ?? null }));
    }
    await tx.update(trainingSessions).set(set).where(eq(trainingSessions.id, s.id));
    if (!cancelling) {
      await fillSeats(tx, s, now, fx);
      await saveCounters(tx, s);
    }
    return { ok: true, effects: fx };
  });
  return out;
}
