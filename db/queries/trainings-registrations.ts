import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import {
  mailMessages, trainingRegistrationEvents, trainingRegistrations, trainingSessionNotices, trainingSessions, trainingSlots,
  trainingSurveyResponses, users,
} from '../schema';
import { queueMail } from './mailings';

/**
 * Every move of people between seats and the waiting list. Each function
 * owns a short transaction that first locks the session row (SELECT … FOR
 * UPDATE), so counters, caps, offers and positions never race; statements
 * after the lock see everything committed before it (READ COMMITTED takes a
 * snapshot per statement). Functions return the work to enqueue after
 * commit (mail ids, offer expiries, notices).
 */

export interface Effects {
  mailIds: string[];
  offers: { registrationId: string; round: number; expiresAt: string }[];
  notices: string[];
}
export const noEffects = (): Effects => ({ mailIds: [], offers: [], notices: [] });

type RegStatus = 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'declined' | 'expired';
type EventKind = 'joined' | 'offered' | 'accepted' | 'declined' | 'expired' | 'promoted' | 'cancelled';

const lockedColumns = {
  id: trainingSessions.id, status: trainingSessions.status, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt,
  capacity: trainingSessions.capacity, confirmedCount: trainingSessions.confirmedCount, offeredCount: trainingSessions.offeredCount,
  waitingCount: trainingSessions.waitingCount,
  signupDeadline: trainingSessions.signupDeadline, waitlistMode: trainingSessions.waitlistMode, offerHours: trainingSessions.offerHours,
  perEstablishmentCap: trainingSessions.perEstablishmentCap, placeKind: trainingSessions.placeKind, officeId: trainingSessions.officeId,
  communeInsee: trainingSessions.communeInsee, address: trainingSessions.address, onlineUrl: trainingSessions.onlineUrl,
  revision: trainingSessions.revision, reminderSentFor: trainingSessions.reminderSentFor,
};
export type LockedSession = Pick<typeof trainingSessions.$inferSelect, keyof typeof lockedColumns>;

export async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession | null> {
  const [row] = await tx.select(lockedColumns).from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
  return row ?? null;
}

async function saveCounters(tx: Tx, s: LockedSession) {
  await tx
    .update(trainingSessions)
    .set({ confirmedCount: s.confirmedCount, offeredCount: s.offeredCount, waitingCount: s.waitingCount, updatedAt: sql`now()` })
    .where(eq(trainingSessions.id, s.id));
}

function leaveState(s: LockedSession, from: RegStatus) {
  if (from === 'confirmed') s.confirmedCount -= 1;
  else if (from === 'offered') s.offeredCount -= 1;
  else if (from === 'waiting') s.waitingCount -= 1;
}

/** Records a move and, when asked, the mail it causes (deduplicated on the event). */
async function recordMove(
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

/**
 * How long an offer stays open: the session's offerHours (48 h by default),
 * shrinking to a third of the time left before the sign-up deadline (at
 * least 2 h), and never past the deadline itself.
 */
export function offerExpiry(now: Date, s: Pick<LockedSession, 'offerHours' | 'signupDeadline'>): Date {
  const hour = 3_600_000;
  const left = s.signupDeadline.getTime() - now.getTime();
  const window = Math.min(s.offerHours * hour, Math.max(2 * hour, left / 3));
  return new Date(Math.min(now.getTime() + window, s.signupDeadline.getTime()));
}

/**
 * Gives free seats to the waiting list, first come first served: an offer
 * by e-mail (mode 'offer', until the sign-up deadline) or a confirmation
 * at once (mode 'direct', until the session starts).
 */
export async function fillSeats(tx: Tx, s: LockedSession, now: Date, fx: Effects): Promise<void> {
  while (s.capacity - s.confirmedCount - s.offeredCount > 0 && s.waitingCount > 0) {
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
    s.waitingCount -= 1;
    if (s.waitlistMode === 'direct') {
      await tx
        .update(trainingRegistrations)
        .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(trainingRegistrations.id, next.id));
      s.confirmedCount += 1;
      await recordMove(tx, fx, { registrationId: next.id, sessionId: s.id, userId: next.userId, kind: 'promoted', actorId: null, mail: 'training-confirmed' });
    } else {
      const round = next.offerRound + 1;
      const expiresAt = offerExpiry(now, s);
      await tx
        .update(trainingRegistrations)
        .set({ status: 'offered', offerRound: round, offerExpiresAt: expiresAt, updatedAt: now })
        .where(eq(trainingRegistrations.id, next.id));
      s.offeredCount += 1;
      await recordMove(tx, fx, {
        registrationId: next.id, sessionId: s.id, userId: next.userId, kind: 'offered', actorId: null,
        details: { expiresAt: expiresAt.toISOString(), round }, mail: 'training-offer',
      });
      fx.offers.push({ registrationId: next.id, round, expiresAt: expiresAt.toISOString() });
    }
  }
}

// ---------- sign-up ----------

export interface SignUpItem {
  userId: string;
  establishmentId: string | null;
  actorId: string;
}

export type SignUpResult =
  | {
      ok: true; registrationId: string; status: 'confirmed' | 'waiting'; position: number | null; messageId: string | null;
      userName: string; userEmail: string; establishmentName: string | null; actorName: string | null; createdAt: string; confirmedAt: string | null;
    }
  | { ok: false; reason: 'duplicate' | 'notFound' | 'closed' | 'cap' };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

interface SignUpRow {
  ord: number | string; session_status: string; status_ok: boolean; new_ok: boolean; cap_ok: boolean;
  id: string | null; status: 'confirmed' | 'waiting' | null; position: number | string | null; message_id: string | null;
  user_name: string | null; user_email: string | null; establishment_name: string | null; actor_name: string | null;
  created_at: string | Date | null; confirmed_at: string | Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A PostgreSQL array literal of uuids, sent as ONE bound parameter. */
function uuidArray(ids: (string | null)[]): string {
  for (const id of ids) if (id !== null && !UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}

/**
 * Signs up a batch of people (in arrival order) for one session, in one
 * transaction: the session row is locked first, then ONE set-based
 * statement, whose reads all see everything committed before the lock,
 * decides for each person: already registered (also twice in the batch),
 * over the establishment cap, confirmed (the first arrivals, while seats are
 * free and nobody waits) or waiting (tickets and positions that follow the
 * list), then updates the counters once and inserts the registrations,
 * their history events and their mails.
 *
 * One lock and one commit (one WAL flush) for the whole batch: a burst is
 * not serialised behind one flushed commit per person (a row lock is held
 * until its commit is on disk). The api gathers the sign-ups that arrive
 * while a batch runs (server/services/trainings.ts); a lone one is a batch of one.
 */
export async function signUpBatch(db: Database, sessionId: string, items: SignUpItem[]): Promise<SignUpResult[]> {
  if (!UUID.test(sessionId)) return items.map(() => ({ ok: false, reason: 'notFound' }));
  const users = uuidArray(items.map((i) => i.userId));
  const ests = uuidArray(items.map((i) => i.establishmentId));
  const actors = uuidArray(items.map((i) => i.actorId));
  const active = sql.raw(`('confirmed', 'waiting', 'offered')`);
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select id from training_sessions where id = ${sessionId} for update`);
    const result = await tx.execute(sql`
      with input as (
        select i.user_id, i.est_id, i.actor_id, i.ord
        from unnest(${users}::uuid[], ${ests}::uuid[], ${actors}::uuid[]) with ordinality as i(user_id, est_id, actor_id, ord)
      ),
      sess as (
        select t.id, t.status::text as session_status, (t.status = 'open' and t.signup_deadline > now() and t.starts_at > now()) as status_ok,
          t.capacity, t.confirmed_count, t.offered_count, t.waiting_count, t.wait_seq, t.per_establishment_cap
        from training_sessions t where t.id = ${sessionId}
      ),
      newcomers as (
        select f.*, f.first_in_batch and not exists (
            select 1 from training_registrations x where x.session_id = ${sessionId} and x.user_id = f.user_id and x.status in ${active}
          ) as new_ok
        from (select input.*, row_number() over (partition by input.user_id order by input.ord) = 1 as first_in_batch from input) f
      ),
      capped as (
        select n.*, case
            when not n.new_ok then false
            when n.est_id is null or (select per_establishment_cap from sess) is null then true
            else (select count(*) from training_registrations x where x.session_id = ${sessionId} and x.establishment_id = n.est_id and x.status in ${active})
              + row_number() over (partition by n.est_id, n.new_ok order by n.ord) <= (select per_establishment_cap from sess)
          end as cap_ok
        from newcomers n
      ),
      accepted as (
        select c.*, row_number() over (order by c.ord) as rnk
        from capped c, sess where sess.status_ok and c.cap_ok
      ),
      decided as (
        select a.user_id, a.est_id, a.actor_id, a.ord, a.rnk <= f.free as confirmed,
          case when a.rnk > f.free then sess.wait_seq + (a.rnk - f.free) end as ticket,
          case when a.rnk > f.free then sess.waiting_count + (a.rnk - f.free) end as position
        from accepted a, sess,
          (select case when waiting_count = 0 then greatest(0, capacity - confirmed_count - offered_count) else 0 end as free from sess) f
      ),
      upd as (
        update training_sessions t set
          confirmed_count = t.confirmed_count + (select count(*) from decided where confirmed),
          waiting_count = t.waiting_count + (select count(*) from decided where not confirmed),
          wait_seq = t.wait_seq + (select count(*) from decided where not confirmed)
        where t.id = ${sessionId} and exists (select 1 from decided)
        returning t.id
      ),
      r as (
        insert into training_registrations (session_id, user_id, establishment_id, status, queue_seq, registered_by, confirmed_at)
        select ${sessionId}, d.user_id, d.est_id, (case when d.confirmed then 'confirmed' else 'waiting' end)::training_registration_status,
          d.ticket, d.actor_id, case when d.confirmed then now() end
        from decided d order by d.ord
        returning id, user_id, status, created_at, confirmed_at
      ),
      e as (
        insert into training_registration_events (registration_id, session_id, kind, actor_id, details)
        select r.id, ${sessionId}, 'joined', d.actor_id, jsonb_build_object('status', r.status::text, 'position', d.position)
        from r join decided d on d.user_id = r.user_id order by d.ord
        returning id, registration_id
      ),
      m as (
        insert into mail_messages (template, user_id, to_address, language, params, dedupe_key)
        select case when r.status = 'confirmed' then 'training-confirmed' else 'training-waiting' end, u.id, u.email, u.language,
          jsonb_build_object('registrationId', r.id, 'eventId', e.id), 'training-event:' || e.id
        from r join e on e.registration_id = r.id join users u on u.id = r.user_id
        where u.status = 'active'
        returning id, user_id
      )
      select c.ord, sess.session_status, sess.status_ok, c.new_ok, c.cap_ok,
        r.id::text as id, r.status::text as status, d.position, m.id::text as message_id, r.created_at, r.confirmed_at,
        u.name as user_name, u.email as user_email, x.name as establishment_name, a.name as actor_name
      from capped c cross join sess
        left join decided d on d.ord = c.ord
        left join r on r.user_id = d.user_id
        left join m on m.user_id = r.user_id
        left join users u on u.id = c.user_id
        left join establishments x on x.id = c.est_id
        left join users a on a.id = c.actor_id
      order by c.ord`);
    return rowsOf<SignUpRow>(result);
  });
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return items.map((_, i): SignUpResult => {
    const row = byOrd.get(i + 1);
    if (!row || row.session_status === 'draft') return { ok: false, reason: 'notFound' };
    if (!row.id || !row.status) return { ok: false, reason: !row.status_ok ? 'closed' : !row.new_ok ? 'duplicate' : 'cap' };
    return {
      ok: true, registrationId: row.id, status: row.status, position: row.position === null ? null : Number(row.position), messageId: row.message_id,
      userName: row.user_name ?? '', userEmail: row.user_email ?? '', establishmentName: row.establishment_name, actorName: row.actor_name,
      createdAt: new Date(row.created_at!).toISOString(), confirmedAt: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    };
  });
}

export async function signUp(db: Database, input: SignUpItem & { sessionId: string }): Promise<SignUpResult> {
  try {
    return (await signUpBatch(db, input.sessionId, [input]))[0]!;
  } catch (err) {
    // The partial unique index: only reachable if a writer skipped the session lock.
    if (isUniqueViolation(err)) return { ok: false, reason: 'duplicate' };
    throw err;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

// ---------- moves of one registration ----------

const regColumns = {
  id: trainingRegistrations.id, sessionId: trainingRegistrations.sessionId, userId: trainingRegistrations.userId,
  establishmentId: trainingRegistrations.establishmentId, status: trainingRegistrations.status, offerRound: trainingRegistrations.offerRound,
  offerExpiresAt: trainingRegistrations.offerExpiresAt, attendance: trainingRegistrations.attendance,
};
type RegRow = Pick<typeof trainingRegistrations.$inferSelect, keyof typeof regColumns>;

async function findSessionOf(db: Database | Tx, registrationId: string): Promise<string | null> {
  const [row] = await db.select({ sessionId: trainingRegistrations.sessionId }).from(trainingRegistrations).where(eq(trainingRegistrations.id, registrationId));
  return row?.sessionId ?? null;
}

/** Runs `fn` with the session row locked and the registration re-read under that lock. */
async function withLockedRegistration<T>(db: Database, registrationId: string, fn: (tx: Tx, s: LockedSession, reg: RegRow) => Promise<T>): Promise<T | null> {
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

export type CancelOutcome = { ok: true; from: RegStatus; effects: Effects } | { ok: false; reason: 'notFound' | 'notActive' | 'deadline' | 'started' };

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
    leaveState(s, reg.status);
    await recordMove(tx, fx, {
      registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'cancelled', actorId: input.actorId, details: { from: reg.status },
      ...(input.notifyPerson ? { mail: 'training-registration-cancelled' } : {}),
    });
    if (reg.status !== 'waiting') await fillSeats(tx, s, now, fx);
    await saveCounters(tx, s);
    return { ok: true, from: reg.status, effects: fx };
  });
  return out ?? { ok: false, reason: 'notFound' };
}

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
    s.offeredCount -= 1;
    if (input.accept) {
      await tx
        .update(trainingRegistrations)
        .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(trainingRegistrations.id, reg.id));
      s.confirmedCount += 1;
      await recordMove(tx, fx, { registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'accepted', actorId: input.actorId, mail: 'training-confirmed' });
    } else {
      await tx
        .update(trainingRegistrations)
        .set({ status: 'declined', cancelledAt: now, offerExpiresAt: null, updatedAt: now })
        .where(eq(trainingRegistrations.id, reg.id));
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
  s.offeredCount -= 1;
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
export async function listOverdueOffers(db: Database, now = new Date(), limit = 500) {
  return db
    .select({ registrationId: trainingRegistrations.id, round: trainingRegistrations.offerRound })
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.status, 'offered'), lte(trainingRegistrations.offerExpiresAt, now)))
    .limit(limit);
}

export type PromoteOutcome = { ok: true; effects: Effects } | { ok: false; reason: 'notFound' | 'notWaiting' | 'noSeat' };

/** Staff confirm a waiting (or offered) person now, out of turn if they wish; a seat must be free. */
export async function promoteRegistration(db: Database, input: { registrationId: string; actorId: string; now?: Date }): Promise<PromoteOutcome> {
  const now = input.now ?? new Date();
  const out = await withLockedRegistration(db, input.registrationId, async (tx, s, reg): Promise<PromoteOutcome> => {
    if (reg.status !== 'waiting' && reg.status !== 'offered') return { ok: false, reason: 'notWaiting' };
    if (s.status === 'cancelled') return { ok: false, reason: 'notWaiting' };
    if (reg.status === 'waiting' && s.confirmedCount + s.offeredCount >= s.capacity) return { ok: false, reason: 'noSeat' };
    const fx = noEffects();
    leaveState(s, reg.status);
    s.confirmedCount += 1;
    await tx
      .update(trainingRegistrations)
      .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
      .where(eq(trainingRegistrations.id, reg.id));
    await recordMove(tx, fx, { registrationId: reg.id, sessionId: s.id, userId: reg.userId, kind: 'promoted', actorId: input.actorId, details: { from: reg.status }, mail: 'training-confirmed' });
    await saveCounters(tx, s);
    return { ok: true, effects: fx };
  });
  return out ?? { ok: false, reason: 'notFound' };
}

export async function setAttendance(db: Database, registrationId: string, attendance: 'present' | 'absent' | null): Promise<'ok' | 'notFound' | 'notConfirmed'> {
  const [row] = await db
    .update(trainingRegistrations)
    .set({ attendance, updatedAt: sql`now()` })
    .where(and(eq(trainingRegistrations.id, registrationId), eq(trainingRegistrations.status, 'confirmed')))
    .returning({ id: trainingRegistrations.id });
  if (row) return 'ok';
  return (await findSessionOf(db, registrationId)) ? 'notConfirmed' : 'notFound';
}

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
  | { ok: false; reason: 'notFound' | 'capacityTooLow' | 'cancelledFinal' | 'backToDraft' };

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
    if (!s) return { ok: false, reason: 'notFound' };
    if (s.status === 'cancelled' && (patch.status ?? 'cancelled') !== 'cancelled') return { ok: false, reason: 'cancelledFinal' };
    if (patch.status === 'draft' && s.status !== 'draft' && s.confirmedCount + s.offeredCount + s.waitingCount > 0) return { ok: false, reason: 'backToDraft' };
    if (patch.capacity !== undefined && patch.capacity < s.confirmedCount + s.offeredCount) return { ok: false, reason: 'capacityTooLow' };
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

    const hasPeople = s.confirmedCount + s.offeredCount + s.waitingCount > 0;
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

async function insertNotice(tx: Tx, sessionId: string, kind: 'changed' | 'cancelled', actorId: string, details: Record<string, string | null>): Promise<string> {
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
        .where(and(eq(trainingRegistrations.sessionId, notice.sessionId), inArray(trainingRegistrations.status, ['confirmed', 'offered', 'waiting']), eq(users.status, 'active')));
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

export async function listPendingNotices(db: Database, olderThanSeconds = 30) {
  return db
    .select({ id: trainingSessionNotices.id })
    .from(trainingSessionNotices)
    .where(and(isNull(trainingSessionNotices.fannedOutAt), sql`${trainingSessionNotices.createdAt} < now() - make_interval(secs => ${olderThanSeconds})`))
    .limit(200);
}

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
      sql`${trainingSessions.startsAt} <= ${now.toISOString()}::timestamptz + interval '48 hours'`,
      sql`${trainingSessions.reminderSentFor} is distinct from ${trainingSessions.startsAt}`,
    ))
    .limit(200);
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
      sql`${trainingSessions.endsAt} <= ${now.toISOString()}::timestamptz - interval '1 hour'`,
    ))
    .limit(200);
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

// ---------- survey answers ----------

export async function getSurveyTarget(db: Database, registrationId: string) {
  const [row] = await db
    .select({
      registrationId: trainingRegistrations.id, sessionId: trainingRegistrations.sessionId, status: trainingRegistrations.status,
      surveySentAt: trainingSessions.surveySentAt, answered: sql<boolean>`exists (select 1 from training_survey_responses a where a.registration_id = "training_registrations"."id")`,
    })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .where(eq(trainingRegistrations.id, registrationId));
  return row ?? null;
}

/** One answer per registration (the primary key makes a second one fail). */
export async function saveSurveyAnswer(db: Database, input: { registrationId: string; sessionId: string; rating: number; comment: string | null }): Promise<boolean> {
  const rows = await db
    .insert(trainingSurveyResponses)
    .values(input)
    .onConflictDoNothing({ target: trainingSurveyResponses.registrationId })
    .returning({ id: trainingSurveyResponses.registrationId });
  return rows.length === 1;
}
