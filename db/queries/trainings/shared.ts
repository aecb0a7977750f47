import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { communes, offices, trainingRegistrations, trainingSessions, trainings } from '../../schema';
import { ACTIVE_REGISTRATION_STATUSES } from '../../../common/trainings';

/**
 * Status lists as SQL literals, not bound parameters: the partial indexes
 * (active registrations, open/closed sessions) are only usable when the
 * planner sees the values, which a prepared statement's generic plan does not.
 */
export const activeRegistration = sql.raw(`(${ACTIVE_REGISTRATION_STATUSES.map((s) => `'${s}'`).join(', ')})`);
export const listedSession = sql.raw(`('open', 'closed')`);
export type Executor = Database | Tx;

// ---------- sessions ----------

export const placeCommune = sql`coalesce(${trainingSessions.communeInsee}, ${offices.communeInsee})`;

/** The columns every session view shares (place resolved through the office when the session is at one). */
export const sessionColumns = {
  id: trainingSessions.id,
  trainingId: trainingSessions.trainingId,
  title: trainings.title,
  theme: trainings.theme,
  summary: trainings.summary,
  startsAt: trainingSessions.startsAt,
  endsAt: trainingSessions.endsAt,
  slotCount: trainingSessions.slotCount,
  placeKind: trainingSessions.placeKind,
  officeId: trainingSessions.officeId,
  officeName: offices.name,
  sessionAddress: trainingSessions.address,
  officeAddress: offices.address,
  communeInsee: sql<string | null>`${placeCommune}`,
  communeName: communes.name,
  postalCode: communes.postalCode,
  onlineUrl: trainingSessions.onlineUrl,
  capacity: trainingSessions.capacity,
  confirmedCount: trainingSessions.confirmedCount,
  offeredCount: trainingSessions.offeredCount,
  waitingCount: trainingSessions.waitingCount,
  signupDeadline: trainingSessions.signupDeadline,
  status: trainingSessions.status,
};

/** A waiting registration's place in the queue (1 = next); null for any other status. `reg` names the registrations row. */
export const waitingPosition = (reg: SQL) =>
  sql<number | null>`case when ${reg}.status = 'waiting' then (select count(*)::int from training_registrations w
    where w.session_id = ${reg}.session_id and w.status = 'waiting' and w.queue_seq <= ${reg}.queue_seq) end`;

export const myRegistrationColumns = {
  regId: trainingRegistrations.id,
  regStatus: trainingRegistrations.status,
  regOfferExpiresAt: trainingRegistrations.offerExpiresAt,
  regAttendance: trainingRegistrations.attendance,
  regPosition: waitingPosition(sql.raw('"training_registrations"')),
};

export const myRegistrationJoin = (userId: SQL | string) =>
  and(eq(trainingRegistrations.sessionId, trainingSessions.id), sql`${trainingRegistrations.userId} = ${userId}`, sql`${trainingRegistrations.status} in ${activeRegistration}`);

/** ISO 8601 in UTC with milliseconds, like Date.prototype.toISOString. */
export const isoSql = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
