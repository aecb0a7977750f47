import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { rowsOf } from '../rows';
import type { Database } from '../../client';
import { trainingRegistrations } from '../../schema';
import { lockSessionWithClock } from './locked';
import type { RegistrationRow } from './registrations';
import { admit } from './seats';
import { activeRegistration } from './shared';
import { isUuid } from '../../../common/ids';

/**
 * Sign-up: a batch of people (in arrival order) for one session, in one
 * transaction. A lone sign-up is a batch of one.
 */

export interface SignUpItem {
  userId: string;
  establishmentId: string | null;
  actorId: string;
}

export type SignUpResult =
  | { ok: true; registrationId: string; messageId: string | null; registration: RegistrationRow }
  | { ok: false; reason: 'duplicate' | 'sessionNotFound' | 'closed' | 'cap' };


interface InsertedRow {
  ord: number | string; id: string; status: 'confirmed' | 'waiting'; queue_seq: number | string | null; message_id: string | null;
  user_name: string; user_email: string; establishment_name: string | null; establishment_commune: string | null; actor_name: string | null;
  created_at: string | Date; confirmed_at: string | Date | null;
}

/** A PostgreSQL array literal of uuids, sent as ONE bound parameter. */
function uuidArray(ids: (string | null)[]): string {
  for (const id of ids) if (id !== null && !isUuid(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}
/** The same for numbers and booleans. */
const valueArray = (values: (number | boolean | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

/**
 * Signs up a batch of people for one session: the session row is locked
 * first; one read (which sees everything committed before the lock) finds
 * who of them is already active in the session and what their
 * establishments hold; the seat rules (./seats.ts `admit`, the same rules as
 * every single move) decide for each person; then ONE set-based statement
 * updates the counters and inserts the registrations, their history events
 * and their mails, and returns the registrations as lists show them.
 *
 * One lock and one commit (one WAL flush) for the whole batch: a burst is
 * not serialised behind one flushed commit per person (a row lock is held
 * until its commit is on disk). The api gathers the sign-ups that arrive
 * while a batch runs (server/services/trainings/sign-up.ts).
 */
export async function signUpBatch(db: Database, sessionId: string, items: SignUpItem[]): Promise<SignUpResult[]> {
  if (!isUuid(sessionId)) return items.map(() => ({ ok: false, reason: 'sessionNotFound' }));
  const userIds = uuidArray(items.map((i) => i.userId));
  const establishmentIds = [...new Set(items.map((i) => i.establishmentId).filter((id): id is string => id !== null))];
  return db.transaction(async (tx): Promise<SignUpResult[]> => {
    const s = await lockSessionWithClock(tx, sessionId);
    if (!s || s.status === 'draft') return items.map(() => ({ ok: false, reason: 'sessionNotFound' }));
    const now = s.nowMs;
    if (s.status !== 'open' || s.signupDeadline.getTime() <= now || s.startsAt.getTime() <= now) return items.map(() => ({ ok: false, reason: 'closed' }));

    const capped = s.perEstablishmentCap !== null && establishmentIds.length > 0;
    const active = await tx
      .select({ userId: trainingRegistrations.userId, establishmentId: trainingRegistrations.establishmentId })
      .from(trainingRegistrations)
      .where(and(
        eq(trainingRegistrations.sessionId, sessionId),
        sql`${trainingRegistrations.status} in ${activeRegistration}`,
        capped
          ? or(sql`${trainingRegistrations.userId} = any(${userIds}::uuid[])`, inArray(trainingRegistrations.establishmentId, establishmentIds))
          : sql`${trainingRegistrations.userId} = any(${userIds}::uuid[])`,
      ));
    const perEstablishment = new Map<string, number>();
    for (const r of active) if (r.establishmentId) perEstablishment.set(r.establishmentId, (perEstablishment.get(r.establishmentId) ?? 0) + 1);
    const admissions = admit(s, items, { userIds: active.map((r) => r.userId), perEstablishment });

    const accepted = items.flatMap((item, i) => {
      const a = admissions[i]!;
      return a.ok ? [{ ...item, ord: i + 1, confirmed: a.status === 'confirmed', ticket: a.ticket, position: a.position }] : [];
    });
    const inserted = new Map<number, InsertedRow>();
    if (accepted.length > 0) {
      const result = await tx.execute(sql`
        with d as (
          select d.user_id, d.est_id, d.actor_id, d.confirmed, d.ticket, d.position, d.ord
          from unnest(${uuidArray(accepted.map((a) => a.userId))}::uuid[], ${uuidArray(accepted.map((a) => a.establishmentId))}::uuid[],
            ${uuidArray(accepted.map((a) => a.actorId))}::uuid[], ${valueArray(accepted.map((a) => a.confirmed))}::boolean[],
            ${valueArray(accepted.map((a) => a.ticket))}::bigint[], ${valueArray(accepted.map((a) => a.position))}::int[],
            ${valueArray(accepted.map((a) => a.ord))}::int[]) as d(user_id, est_id, actor_id, confirmed, ticket, position, ord)
        ),
        upd as (
          update training_sessions t set confirmed_count = ${s.confirmedCount}, waiting_count = ${s.waitingCount}, wait_seq = ${s.waitSeq}
          where t.id = ${sessionId}
          returning t.id
        ),
        r as (
          insert into training_registrations (session_id, user_id, establishment_id, status, queue_seq, registered_by, confirmed_at)
          select ${sessionId}, d.user_id, d.est_id, (case when d.confirmed then 'confirmed' else 'waiting' end)::training_registration_status,
            d.ticket, d.actor_id, case when d.confirmed then now() end
          from d order by d.ord
          returning id, user_id, status, queue_seq, created_at, confirmed_at
        ),
        e as (
          insert into training_registration_events (registration_id, session_id, kind, actor_id, details)
          select r.id, ${sessionId}, 'joined', d.actor_id, jsonb_build_object('status', r.status::text, 'position', d.position)
          from r join d on d.user_id = r.user_id order by d.ord
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
        select d.ord, r.id::text as id, r.status::text as status, r.queue_seq, m.id::text as message_id, r.created_at, r.confirmed_at,
          u.name as user_name, u.email as user_email, x.name as establishment_name, c.name as establishment_commune, a.name as actor_name
        from d join r on r.user_id = d.user_id
          left join m on m.user_id = r.user_id
          join users u on u.id = d.user_id
          left join establishments x on x.id = d.est_id
          left join communes c on c.insee_code = x.commune_insee
          left join users a on a.id = d.actor_id
        order by d.ord`);
      for (const row of rowsOf<InsertedRow>(result)) inserted.set(Number(row.ord), row);
    }

    return items.map((item, i): SignUpResult => {
      const a = admissions[i]!;
      if (!a.ok) return a;
      const row = inserted.get(i + 1);
      if (!row) throw new Error('sign-up: a registration was not inserted');
      return {
        ok: true, registrationId: row.id, messageId: row.message_id,
        registration: {
          id: row.id, sessionId, userId: item.userId, userName: row.user_name, userEmail: row.user_email,
          establishmentId: item.establishmentId, personEstablishmentId: item.establishmentId, establishmentName: row.establishment_name, establishmentCommune: row.establishment_commune,
          status: row.status, queueSeq: row.queue_seq === null ? null : Number(row.queue_seq), offerExpiresAt: null, attendance: null,
          registeredById: item.actorId, registeredByName: row.actor_name,
          createdAt: new Date(row.created_at), confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null, cancelledAt: null,
          position: a.position,
        },
      };
    });
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
