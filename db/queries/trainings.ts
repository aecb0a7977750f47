import { and, asc, count, desc, eq, gte, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../client';
import {
  communes, establishments, offices, trainingCalendarFeeds, trainingRegistrationEvents, trainingRegistrations, trainingSessionNotices,
  trainingSessions, trainingSlots, trainingSurveyResponses, trainings, users,
} from '../schema';

/**
 * Reads of the trainings feature (catalogue, sessions, registrations,
 * history, exports). Writes that move people between seats and the waiting
 * list are in ./trainings-registrations.ts.
 */

export const ACTIVE_STATUSES = ['confirmed', 'waiting', 'offered'] as const;
/**
 * Status lists as SQL literals, not bound parameters: the partial indexes
 * (active registrations, open/closed sessions) are only usable when the
 * planner sees the values, which a prepared statement's generic plan does not.
 */
const activeRegistration = sql.raw(`('confirmed', 'waiting', 'offered')`);
const listedSession = sql.raw(`('open', 'closed')`);
type Executor = Database | Tx;

// ---------- catalogue ----------

// Qualified by hand: drizzle leaves columns unqualified in single-table selects, which a subquery would capture.
const upcomingCount = sql<number>`(select count(*)::int from training_sessions us where us.training_id = "trainings"."id" and us.status in ('open', 'closed') and us.ends_at >= now())`;

export const trainingColumns = {
  id: trainings.id, title: trainings.title, summary: trainings.summary, descriptionHtml: trainings.descriptionHtml,
  theme: trainings.theme, targetCategories: trainings.targetCategories, durationMinutes: trainings.durationMinutes,
  trainer: trainings.trainer, priceMemberCents: trainings.priceMemberCents, priceNonMemberCents: trainings.priceNonMemberCents,
  archived: trainings.archived, createdAt: trainings.createdAt, updatedAt: trainings.updatedAt, upcomingSessionCount: upcomingCount,
};
export type TrainingRow = Omit<typeof trainings.$inferSelect, 'createdBy'> & { upcomingSessionCount: number };

export async function listTrainings(db: Database, q: { search?: string; theme?: string; includeArchived?: boolean; page: number; pageSize: number }) {
  const where = and(
    q.includeArchived ? undefined : eq(trainings.archived, false),
    q.theme ? eq(trainings.theme, q.theme as 'other') : undefined,
    q.search ? or(ilike(trainings.title, `%${escapeLike(q.search)}%`), ilike(trainings.summary, `%${escapeLike(q.search)}%`)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db.select(trainingColumns).from(trainings).where(where).orderBy(asc(trainings.title), asc(trainings.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ value: count() }).from(trainings).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

export async function getTraining(db: Executor, id: string) {
  const [row] = await db.select(trainingColumns).from(trainings).where(eq(trainings.id, id));
  return row ?? null;
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---------- sessions ----------

const placeCommune = sql`coalesce(${trainingSessions.communeInsee}, ${offices.communeInsee})`;

/** The columns every session view shares (place resolved through the office when the session is at one). */
const sessionColumns = {
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
  onlineUrl: trainingSessions.onlineUrl,
  capacity: trainingSessions.capacity,
  confirmedCount: trainingSessions.confirmedCount,
  offeredCount: trainingSessions.offeredCount,
  waitingCount: trainingSessions.waitingCount,
  signupDeadline: trainingSessions.signupDeadline,
  status: trainingSessions.status,
};

/** A waiting registration's place in the queue (1 = next); null for any other status. `reg` names the registrations row. */
const waitingPosition = (reg: SQL) =>
  sql<number | null>`case when ${reg}.status = 'waiting' then (select count(*)::int from training_registrations w
    where w.session_id = ${reg}.session_id and w.status = 'waiting' and w.queue_seq <= ${reg}.queue_seq) end`;

const myRegistrationColumns = {
  regId: trainingRegistrations.id,
  regStatus: trainingRegistrations.status,
  regOfferExpiresAt: trainingRegistrations.offerExpiresAt,
  regAttendance: trainingRegistrations.attendance,
  regPosition: waitingPosition(sql.raw('"training_registrations"')),
};

const myRegistrationJoin = (userId: SQL | string) =>
  and(eq(trainingRegistrations.sessionId, trainingSessions.id), sql`${trainingRegistrations.userId} = ${userId}`, sql`${trainingRegistrations.status} in ${activeRegistration}`);

type ListFilter = 'theme' | 'month' | 'officeId' | 'communeInsee' | 'seatsLeft' | 'trainingId';
const listFilters: ListFilter[] = ['theme', 'month', 'officeId', 'communeInsee', 'seatsLeft', 'trainingId'];

/** ISO 8601 in UTC with milliseconds, like Date.prototype.toISOString. */
const isoSql = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The OpenStreetMap search link of a place, escaped as an IRI (what a browser needs in a query string). */
const mapUrlSql = sql`'https://www.openstreetmap.org/search?query=' || replace(replace(replace(replace(replace(replace(replace(replace(
  concat_ws(', ', nullif(p.address, ''), nullif(concat_ws(' ', p.postal_code, p.commune_name), '')),
  '%', '%25'), '&', '%26'), '#', '%23'), '+', '%2B'), '"', '%22'), '<', '%3C'), '>', '%3E'), ' ', '%20')`;

/**
 * The partner's list of upcoming sessions (the hot read path), in two parts
 * so that the api can cache the first one (server/services/
 * trainings-session-list.ts):
 *  - one page of sessions as everyone sees it, each item's JSON built by
 *    PostgreSQL in the SessionListItem shape, but for `myRegistration`;
 *  - the caller's own registrations to those sessions, also as JSON.
 * One prepared statement per combination of filters (a catch-all
 * "(param is null or …)" query gets a poor generic plan); keyset pagination
 * on (starts_at, id) over a partial index of open/closed sessions; the
 * cursor carries microseconds, as stored.
 */
export function sessionListPageQuery(db: Database, filters: ListFilter[]) {
  const p = (name: string) => sql.placeholder(name);
  const on = (f: ListFilter, condition: SQL) => (filters.includes(f) ? sql` and ${condition}` : sql``);
  const page = sql`
    select s.id, s.training_id, t.title, t.theme, t.summary, s.starts_at, s.ends_at, s.slot_count, s.place_kind, s.office_id,
      o.name as office_name,
      case s.place_kind when 'office' then o.address when 'address' then s.address end as address,
      case when s.place_kind <> 'online' then coalesce(s.commune_insee, o.commune_insee) end as commune_insee,
      case when s.place_kind <> 'online' then c.name end as commune_name,
      case when s.place_kind <> 'online' then c.postal_code end as postal_code,
      s.capacity, s.confirmed_count, s.offered_count, s.waiting_count, s.signup_deadline, s.status
    from training_sessions s
      join trainings t on t.id = s.training_id
      left join offices o on o.id = s.office_id
      left join communes c on c.insee_code = coalesce(s.commune_insee, o.commune_insee)
    where s.status in ${listedSession} and s.ends_at >= now()
      and (s.starts_at, s.id) > (coalesce(timestamptz 'epoch' + ${p('afterUs')}::bigint * interval '1 microsecond', '-infinity'), ${p('afterId')}::uuid)
      ${on('theme', sql`t.theme::text = ${p('theme')}::text`)}
      ${on('month', sql`s.starts_at >= ((${p('month')}::text || '-01')::timestamp at time zone 'Europe/Paris') and s.starts_at < ((((${p('month')}::text || '-01')::timestamp) + interval '1 month') at time zone 'Europe/Paris')`)}
      ${on('officeId', sql`s.office_id = ${p('officeId')}::text`)}
      ${on('communeInsee', sql`coalesce(s.commune_insee, o.commune_insee) = ${p('communeInsee')}::text`)}
      ${on('seatsLeft', sql`s.confirmed_count + s.offered_count < s.capacity`)}
      ${on('trainingId', sql`s.training_id = ${p('trainingId')}::uuid`)}
    order by s.starts_at, s.id
    limit ${p('fetch')}`;
  const item = sql`json_build_object(
    'id', p.id, 'trainingId', p.training_id, 'title', p.title, 'theme', p.theme, 'summary', p.summary,
    'startsAt', ${isoSql(sql`p.starts_at`)}, 'endsAt', ${isoSql(sql`p.ends_at`)}, 'slotCount', p.slot_count,
    'place', json_build_object(
      'kind', p.place_kind, 'officeId', case when p.place_kind = 'office' then p.office_id end,
      'officeName', case when p.place_kind = 'office' then p.office_name end, 'address', p.address,
      'communeInsee', p.commune_insee, 'communeName', p.commune_name, 'onlineUrl', null,
      'mapUrl', case when p.place_kind <> 'online' and (p.address is not null or p.commune_name is not null) then ${mapUrlSql} end),
    'capacity', p.capacity, 'seatsLeft', greatest(0, p.capacity - p.confirmed_count - p.offered_count), 'waitingCount', p.waiting_count,
    'signupDeadline', ${isoSql(sql`p.signup_deadline`)}, 'status', p.status)`;
  return db
    .select({
      id: sql<string>`p.id`,
      cursor: sql<string>`(extract(epoch from p.starts_at) * 1000000)::bigint::text || '_' || p.id::text`,
      endsAtMs: sql<string>`(extract(epoch from p.ends_at) * 1000)::bigint::text`,
      item: sql<string>`${item}::text`,
    })
    .from(sql`(${page}) p`)
    .orderBy(sql`p.starts_at`, sql`p.id`);
}

const prepareList = (db: Database, filters: ListFilter[]) =>
  sessionListPageQuery(db, filters).prepare(`trainings_session_list_${filters.length ? filters.join('_') : 'all'}`);
const preparedLists = new WeakMap<Database, Map<string, ReturnType<typeof prepareList>>>();

export interface SessionListFilters {
  theme?: string | null;
  month?: string | null;
  officeId?: string | null;
  communeInsee?: string | null;
  seatsLeft?: boolean | null;
  trainingId?: string | null;
  /** `${startsAt in epoch microseconds}_${id}` of the last row of the previous page. */
  cursor?: string | null;
  limit: number;
}

/** One page of the list as everyone sees it: each item's JSON (no `myRegistration`), and the next page's cursor. */
export interface SessionListPage {
  ids: string[];
  /** JSON objects, in order. */
  items: string[];
  /** When the first of these sessions ends (epoch ms): it leaves the list then. */
  firstEndMs: number;
  nextCursor: string | null;
}

export async function loadSessionListPage(db: Database, q: SessionListFilters): Promise<SessionListPage> {
  const filters = listFilters.filter((f) => (f === 'seatsLeft' ? q.seatsLeft === true : q[f] != null));
  const key = filters.join(',');
  let byShape = preparedLists.get(db);
  if (!byShape) preparedLists.set(db, (byShape = new Map()));
  let statement = byShape.get(key);
  if (!statement) byShape.set(key, (statement = prepareList(db, filters)));
  const [afterUs, afterId] = q.cursor ? q.cursor.split('_') : [null, null];
  const values: Record<string, unknown> = { afterUs: afterUs ?? null, afterId: afterId ?? '00000000-0000-0000-0000-000000000000', fetch: q.limit + 1 };
  for (const f of filters) if (f !== 'seatsLeft') values[f] = q[f];
  const rows = await statement.execute(values);
  const shown = rows.slice(0, q.limit);
  return {
    ids: shown.map((r) => r.id),
    items: shown.map((r) => r.item),
    firstEndMs: shown.reduce((min, r) => Math.min(min, Number(r.endsAtMs)), Infinity),
    nextCursor: rows.length > q.limit ? shown[shown.length - 1]!.cursor : null,
  };
}

const myRegistrationsQuery = (db: Database) =>
  db
    .select({
      sessionId: sql<string>`r.session_id`,
      json: sql<string>`json_build_object('id', r.id, 'status', r.status,
        'position', ${waitingPosition(sql.raw('r'))},
        'offerExpiresAt', ${isoSql(sql`r.offer_expires_at`)}, 'attendance', r.attendance)::text`,
    })
    .from(sql`training_registrations r`)
    .where(sql`r.user_id = ${sql.placeholder('userId')}::uuid and r.status in ${activeRegistration}
      and r.session_id = any(string_to_array(${sql.placeholder('sessionIds')}::text, ',')::uuid[])`)
    .prepare('trainings_my_registrations');
const preparedMine = new WeakMap<Database, ReturnType<typeof myRegistrationsQuery>>();

/** The caller's active registrations (MyRegistration JSON) to some sessions, by session id. */
export async function myRegistrationsJson(db: Database, userId: string, sessionIds: string[]): Promise<Map<string, string>> {
  if (sessionIds.length === 0) return new Map();
  let statement = preparedMine.get(db);
  if (!statement) preparedMine.set(db, (statement = myRegistrationsQuery(db)));
  const rows = await statement.execute({ userId, sessionIds: sessionIds.join(',') });
  return new Map(rows.map((r) => [r.sessionId, r.json]));
}

/** One session with the caller's registration (staff may read drafts: filtering is the caller's job). */
export async function getSessionRow(db: Executor, sessionId: string, userId: string) {
  const [row] = await db
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
    .where(eq(trainingSessions.id, sessionId));
  return row ?? null;
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

// ---------- registrations ----------

const registrant = alias(users, 'registrant');
const registrar = alias(users, 'registrar');

const registrationColumns = {
  id: trainingRegistrations.id,
  sessionId: trainingRegistrations.sessionId,
  userId: trainingRegistrations.userId,
  userName: registrant.name,
  userEmail: registrant.email,
  establishmentId: trainingRegistrations.establishmentId,
  establishmentName: establishments.name,
  establishmentCommune: communes.name,
  status: trainingRegistrations.status,
  queueSeq: trainingRegistrations.queueSeq,
  offerExpiresAt: trainingRegistrations.offerExpiresAt,
  attendance: trainingRegistrations.attendance,
  registeredById: trainingRegistrations.registeredBy,
  registeredByName: registrar.name,
  createdAt: trainingRegistrations.createdAt,
  confirmedAt: trainingRegistrations.confirmedAt,
  cancelledAt: trainingRegistrations.cancelledAt,
  position: waitingPosition(sql.raw('"training_registrations"')),
};

export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof registrationQuery>['execute']>>[number];

function registrationQuery(db: Executor) {
  return db
    .select(registrationColumns)
    .from(trainingRegistrations)
    .innerJoin(registrant, eq(registrant.id, trainingRegistrations.userId))
    .leftJoin(establishments, eq(establishments.id, trainingRegistrations.establishmentId))
    .leftJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(registrar, eq(registrar.id, trainingRegistrations.registeredBy));
}

export async function getRegistration(db: Executor, id: string): Promise<RegistrationRow | null> {
  const [row] = await registrationQuery(db).where(eq(trainingRegistrations.id, id));
  return row ?? null;
}

/** All registrations of a session: active ones in list order, then the inactive history. */
export async function listSessionRegistrations(db: Executor, sessionId: string): Promise<RegistrationRow[]> {
  return registrationQuery(db)
    .where(eq(trainingRegistrations.sessionId, sessionId))
    .orderBy(
      sql`case ${trainingRegistrations.status} when 'confirmed' then 0 when 'offered' then 1 when 'waiting' then 2 else 3 end`,
      asc(trainingRegistrations.queueSeq),
      asc(registrant.name),
      asc(trainingRegistrations.createdAt),
    );
}

/** The active users of an establishment, with their registration to the session. */
export async function listColleagues(db: Database, sessionId: string, establishmentId: string) {
  return db
    .select({ userId: users.id, name: users.name, ...myRegistrationColumns })
    .from(users)
    .leftJoin(trainingSessions, eq(trainingSessions.id, sessionId))
    .leftJoin(
      trainingRegistrations,
      and(eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.userId, users.id), sql`${trainingRegistrations.status} in ${activeRegistration}`),
    )
    .where(and(eq(users.establishmentId, establishmentId), eq(users.status, 'active')))
    .orderBy(asc(users.name));
}

/** The people a partner may sign up: themselves and the active users of their establishment. */
export async function getUserForSignUp(db: Database, userId: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, establishmentId: users.establishmentId, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

const actor = alias(users, 'actor');
export async function listSessionHistory(db: Database, sessionId: string) {
  return db
    .select({
      id: trainingRegistrationEvents.id, registrationId: trainingRegistrationEvents.registrationId, kind: trainingRegistrationEvents.kind,
      userId: registrant.id, userName: registrant.name, actorId: actor.id, actorName: actor.name,
      details: trainingRegistrationEvents.details, createdAt: trainingRegistrationEvents.createdAt,
    })
    .from(trainingRegistrationEvents)
    .innerJoin(trainingRegistrations, eq(trainingRegistrations.id, trainingRegistrationEvents.registrationId))
    .innerJoin(registrant, eq(registrant.id, trainingRegistrations.userId))
    .leftJoin(actor, eq(actor.id, trainingRegistrationEvents.actorId))
    .where(eq(trainingRegistrationEvents.sessionId, sessionId))
    .orderBy(asc(trainingRegistrationEvents.id));
}

// ---------- me ----------

/** Every registration of the user (active ones and past confirmed ones), with the session. */
export async function listMyRegistrations(db: Database, userId: string) {
  return db
    .select({ ...sessionColumns, ...myRegistrationColumns })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(and(eq(trainingRegistrations.userId, userId), sql`${trainingRegistrations.status} in ${activeRegistration}`, ne(trainingSessions.status, 'draft')))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}

/** Dashboard: the user's confirmed or offered sessions that have not ended, soonest first. */
export async function listMyNextSessions(db: Database, userId: string, limit: number) {
  return db
    .select({ ...sessionColumns, ...myRegistrationColumns })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(and(
      eq(trainingRegistrations.userId, userId), inArray(trainingRegistrations.status, ['confirmed', 'offered']),
      sql`${trainingSessions.status} in ${listedSession}`, sql`${trainingSessions.endsAt} >= now()`,
    ))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(limit);
}

/** Confirmed sessions of a user for the calendar feed (recent past included, so calendars keep them). */
export async function listCalendarSessions(db: Database, userId: string) {
  return db
    .select({ sessionId: trainingSessions.id })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .where(and(
      eq(trainingRegistrations.userId, userId), eq(trainingRegistrations.status, 'confirmed'),
      inArray(trainingSessions.status, ['open', 'closed', 'done', 'cancelled']), sql`${trainingSessions.endsAt} >= now() - interval '180 days'`,
    ))
    .orderBy(asc(trainingSessions.startsAt));
}

export async function getCalendarFeed(db: Executor, userId: string) {
  const [row] = await db.select({ feedId: trainingCalendarFeeds.feedId }).from(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
  return row?.feedId ?? null;
}

/** Creates the user's feed or replaces it (the old secret URL stops working). */
export async function resetCalendarFeed(db: Database, userId: string): Promise<string> {
  const feedId = crypto.randomUUID();
  await db
    .insert(trainingCalendarFeeds)
    .values({ userId, feedId })
    .onConflictDoUpdate({ target: trainingCalendarFeeds.userId, set: { feedId, createdAt: sql`now()` } });
  return feedId;
}

export async function deleteCalendarFeed(db: Database, userId: string): Promise<void> {
  await db.delete(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
}

export async function findFeedOwner(db: Database, feedId: string) {
  const [row] = await db
    .select({ userId: users.id, language: users.language })
    .from(trainingCalendarFeeds)
    .innerJoin(users, eq(users.id, trainingCalendarFeeds.userId))
    .where(and(eq(trainingCalendarFeeds.feedId, feedId), eq(users.status, 'active')));
  return row ?? null;
}

// ---------- survey ----------

export async function surveySummary(db: Database, sessionId: string) {
  const [[sent], responses] = await Promise.all([
    db
      .select({ value: count() })
      .from(trainingRegistrations)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
      .where(and(
        eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.status, 'confirmed'),
        sql`${trainingSessions.surveySentAt} is not null`, sql`${trainingRegistrations.attendance} is distinct from 'absent'`,
      )),
    db
      .select({ rating: trainingSurveyResponses.rating, comment: trainingSurveyResponses.comment, createdAt: trainingSurveyResponses.createdAt })
      .from(trainingSurveyResponses)
      .where(eq(trainingSurveyResponses.sessionId, sessionId))
      .orderBy(desc(trainingSurveyResponses.createdAt)),
  ]);
  const distribution = [0, 0, 0, 0, 0];
  for (const r of responses) distribution[r.rating - 1]! += 1;
  const average = responses.length ? Math.round((responses.reduce((a, r) => a + r.rating, 0) / responses.length) * 100) / 100 : null;
  return {
    sent: sent?.value ?? 0,
    responses: responses.length,
    average,
    distribution,
    comments: responses.filter((r) => r.comment && r.comment.trim()).map((r) => ({ rating: r.rating, comment: r.comment!, createdAt: r.createdAt })),
  };
}

// ---------- catalogue writes ----------

export interface TrainingInput {
  title: string;
  summary: string;
  descriptionHtml: string;
  theme: TrainingRow['theme'];
  targetCategories: string[];
  durationMinutes: number;
  trainer: string | null;
  priceMemberCents: number | null;
  priceNonMemberCents: number | null;
}

export async function insertTraining(db: Database, input: TrainingInput, actorId: string): Promise<string> {
  const [row] = await db.insert(trainings).values({ ...input, createdBy: actorId }).returning({ id: trainings.id });
  return row!.id;
}

export async function updateTraining(db: Database, id: string, patch: Partial<TrainingInput> & { archived?: boolean }): Promise<boolean> {
  const rows = await db.update(trainings).set({ ...patch, updatedAt: sql`now()` }).where(eq(trainings.id, id)).returning({ id: trainings.id });
  return rows.length === 1;
}

// ---------- documents (mails, calendars, PDFs) ----------

/** Everything a mail, a calendar file or a PDF needs about a session. */
export async function getSessionDocument(db: Executor, sessionId: string) {
  const [row] = await db
    .select({
      id: trainingSessions.id, status: trainingSessions.status, title: trainings.title, summary: trainings.summary, trainer: trainings.trainer,
      durationMinutes: trainings.durationMinutes, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt,
      placeKind: trainingSessions.placeKind, officeName: offices.name, sessionAddress: trainingSessions.address, officeAddress: offices.address,
      communeName: communes.name, postalCode: communes.postalCode, lat: communes.lat, lon: communes.lon, onlineUrl: trainingSessions.onlineUrl,
      revision: trainingSessions.revision, signupDeadline: trainingSessions.signupDeadline, cancelReason: trainingSessions.cancelReason,
    })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(eq(trainingSessions.id, sessionId));
  if (!row) return null;
  const slots = await getSlots(db, sessionId);
  return {
    ...row,
    slots,
    place: {
      kind: row.placeKind, officeName: row.officeName, address: row.placeKind === 'office' ? row.officeAddress : row.sessionAddress,
      communeName: row.communeName, postalCode: row.postalCode, lat: row.lat, lon: row.lon,
    },
  };
}
export type SessionDocument = NonNullable<Awaited<ReturnType<typeof getSessionDocument>>>;

/** Place of an office or an address, resolved for notices (old place of a changed session). */
export async function resolvePlace(db: Executor, p: { kind: 'office' | 'address' | 'online'; officeId: string | null; communeInsee: string | null; address: string | null }) {
  let officeName: string | null = null;
  let address = p.address;
  let insee = p.communeInsee;
  if (p.kind === 'office' && p.officeId) {
    const [o] = await db.select({ name: offices.name, address: offices.address, communeInsee: offices.communeInsee }).from(offices).where(eq(offices.id, p.officeId));
    officeName = o?.name ?? null;
    address = o?.address ?? null;
    insee = o?.communeInsee ?? null;
  }
  const [c] = insee ? await db.select({ name: communes.name, postalCode: communes.postalCode, lat: communes.lat, lon: communes.lon }).from(communes).where(eq(communes.inseeCode, insee)) : [];
  return { kind: p.kind, officeName, address, communeName: c?.name ?? null, postalCode: c?.postalCode ?? null, lat: c?.lat ?? null, lon: c?.lon ?? null };
}

/** The registration a mail is about, with its person and establishment. */
export async function getRegistrationForMail(db: Executor, registrationId: string) {
  const [row] = await db
    .select({
      id: trainingRegistrations.id, sessionId: trainingRegistrations.sessionId, status: trainingRegistrations.status,
      offerRound: trainingRegistrations.offerRound, offerExpiresAt: trainingRegistrations.offerExpiresAt, attendance: trainingRegistrations.attendance,
      userId: users.id, userName: users.name, userStatus: users.status, establishmentName: establishments.name,
    })
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.userId))
    .leftJoin(establishments, eq(establishments.id, trainingRegistrations.establishmentId))
    .where(eq(trainingRegistrations.id, registrationId));
  return row ?? null;
}

export async function getEvent(db: Executor, eventId: number) {
  const [row] = await db
    .select({ id: trainingRegistrationEvents.id, registrationId: trainingRegistrationEvents.registrationId, kind: trainingRegistrationEvents.kind, details: trainingRegistrationEvents.details })
    .from(trainingRegistrationEvents)
    .where(eq(trainingRegistrationEvents.id, eventId));
  return row ?? null;
}

export async function getNotice(db: Executor, noticeId: string) {
  const [row] = await db
    .select({ id: trainingSessionNotices.id, sessionId: trainingSessionNotices.sessionId, kind: trainingSessionNotices.kind, details: trainingSessionNotices.details })
    .from(trainingSessionNotices)
    .where(eq(trainingSessionNotices.id, noticeId));
  return row ?? null;
}
