import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { activeRegistration, isoSql, listedSession, waitingPosition } from './shared';
import { freeSeatsSql } from './seats';

type ListFilter = 'theme' | 'month' | 'officeId' | 'communeInsee' | 'seatsLeft' | 'trainingId';
const listFilters: ListFilter[] = ['theme', 'month', 'officeId', 'communeInsee', 'seatsLeft', 'trainingId'];

/**
 * The OpenStreetMap link of a place, exactly as the one TypeScript function
 * writes it (`mapUrl`, common/places.ts: the detail page and the
 * e-mails use it): a search on "address, postal code commune", percent-encoded
 * as encodeURIComponent does (UTF-8 bytes; letters, digits and - _ . ! ~ * ' ( ) kept).
 * tests/server/trainings-session-list-json.test.ts holds the two together.
 */
const mapQuerySql = sql`concat_ws(', ', nullif(p.address, ''), nullif(concat_ws(' ', nullif(p.postal_code, ''), nullif(p.commune_name, '')), ''))`;
const mapUrlSql = sql`'https://www.openstreetmap.org/search?query=' || (
  select string_agg(case
      when ascii(c.ch) between 48 and 57 or ascii(c.ch) between 65 and 90 or ascii(c.ch) between 97 and 122 or c.ch in ('-', '_', '.', '!', '~', '*', '''', '(', ')') then c.ch
      else upper(regexp_replace(encode(convert_to(c.ch, 'UTF8'), 'hex'), '(..)', '%\\1', 'g'))
    end, '' order by c.i)
  from regexp_split_to_table(${mapQuerySql}, '') with ordinality as c(ch, i))`;

/**
 * The partner's list of upcoming sessions (the hot read path), in two parts
 * so that the api can cache the first one (server/services/trainings/
 * session-list.ts):
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
      ${on('seatsLeft', sql`${freeSeatsSql('s')} > 0`)}
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
      'mapUrl', case when p.place_kind <> 'online' and (nullif(p.address, '') is not null or nullif(p.commune_name, '') is not null) then ${mapUrlSql} end),
    'capacity', p.capacity, 'seatsLeft', ${freeSeatsSql('p')}, 'waitingCount', p.waiting_count,
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
