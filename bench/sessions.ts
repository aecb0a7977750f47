/**
 * npm run bench:sessions — the partner's list of upcoming sessions (20 per
 * page, seats left, the caller's own registration; authenticated) over
 * 2,000 sessions and 50,000 registrations, at 50 connections, next to a
 * baseline measured in the same run: a bare Fastify route reading the same
 * 20 rows with postgres.js and no authentication.
 * Targets: >= 0.7 x the baseline's throughput, p99 < 50 ms.
 *
 * The api keeps the shared part of a page in memory until a change is
 * notified (server/services/trainings/session-list.ts); the baseline reads
 * PostgreSQL every time. So the bench also checks that a sign-up shows at
 * once in the list, and measures the list a third time while other partners
 * keep signing up and cancelling (each write empties the cache): printed,
 * not part of the targets.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import type { SessionListItem } from '../server/schemas/trainings';
import { againstBaseline, dbUrl, load, loaderName, roundLines, signedInPartners, startBenchApp, startWriter, verdict } from './trainings-lib';

const SESSIONS = 2_000;
const REGISTRATIONS = 50_000;
const PARTNERS = 2_500;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WRITES_PER_SECOND = 20;

const env = await startBenchApp('sessions', Number(process.env.BENCH_POOL ?? 10));
const baselineSql = postgres(dbUrl(env.dbName), { max: Number(process.env.BENCH_POOL ?? 10), onnotice: () => {} });
const baseline = Fastify({ logger: false });
try {
  console.log(`seeding ${SESSIONS} sessions, ${REGISTRATIONS} registrations, ${PARTNERS} partners…`);
  const partners = await signedInPartners(env, PARTNERS);
  const me = partners[0]!;
  await env.db.execute(sql`
    insert into trainings (title, summary, description_html, theme, target_categories, duration_minutes, trainer)
    select 'Formation ' || g, 'Résumé de la formation ' || g, '<p>Programme</p>',
      (array['digital','welcome','regulations','sustainable','eductour','other'])[1 + g % 6]::training_theme, '{hebergement}', 180, 'Formateur ' || g
    from generate_series(1, 40) g`);
  await env.db.execute(sql`
    with t as (select id, row_number() over (order by id) as n from trainings),
    o as (select id, row_number() over (order by id) as n, count(*) over () as total from offices),
    c as (select insee_code, row_number() over (order by insee_code) as n, count(*) over () as total from communes)
    insert into training_sessions (training_id, status, starts_at, ends_at, place_kind, office_id, commune_insee, address, capacity, signup_deadline)
    select t.id, (case when g % 10 = 0 then 'closed' else 'open' end)::training_session_status,
      now() + make_interval(hours => 6 + g * 4), now() + make_interval(hours => 9 + g * 4),
      (case when g % 3 = 0 then 'address' else 'office' end)::training_place_kind,
      case when g % 3 = 0 then null else (select id from o where o.n = 1 + g % o.total) end,
      case when g % 3 = 0 then (select insee_code from c where c.n = 1 + g % c.total) end,
      case when g % 3 = 0 then 'Salle communale' end,
      20 + g % 21, now() + make_interval(hours => 3 + g * 4)
    from generate_series(1, ${SESSIONS}) g join t on t.n = 1 + g % 40`);
  await env.db.execute(sql`insert into training_slots (session_id, position, starts_at, ends_at) select id, 0, starts_at, ends_at from training_sessions`);
  // 25 distinct partners per session; the first `capacity` confirmed, the others waiting in order.
  await env.db.execute(sql`
    with s as (select id, capacity, row_number() over (order by starts_at) as n from training_sessions),
    u as (select id, establishment_id, row_number() over (order by created_at, id) - 1 as n from users where role = 'partner'),
    pairs as (
      select s.id as session_id, s.capacity, u.id as user_id, u.establishment_id, k
      from s cross join generate_series(0, ${REGISTRATIONS / SESSIONS - 1}) k
      join u on u.n = ((s.n * 37 + k * 101) % ${PARTNERS})
    )
    insert into training_registrations (session_id, user_id, establishment_id, status, queue_seq, confirmed_at, registered_by)
    select session_id, user_id, establishment_id,
      (case when k < capacity then 'confirmed' else 'waiting' end)::training_registration_status,
      case when k < capacity then null else k - capacity + 1 end, case when k < capacity then now() end, user_id
    from pairs`);
  await env.db.execute(sql`
    update training_sessions t set confirmed_count = c.confirmed, waiting_count = c.waiting, wait_seq = c.waiting
    from (select session_id, count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waiting')::int as waiting
          from training_registrations group by session_id) c
    where c.session_id = t.id`);
  // The benchmark partner is registered to some of the first sessions (so the page shows their status).
  await env.db.execute(sql`
    insert into training_registrations (session_id, user_id, establishment_id, status, queue_seq, registered_by)
    select id, ${me.id}, ${me.establishmentId}, 'waiting', wait_seq + 1, ${me.id} from training_sessions
    where id not in (select session_id from training_registrations where user_id = ${me.id})
    order by starts_at limit 5`);
  await env.db.execute(sql`update training_sessions t set waiting_count = waiting_count + 1, wait_seq = wait_seq + 1 where id in (select session_id from training_registrations where user_id = ${me.id} and status = 'waiting' and queue_seq = t.wait_seq + 1)`);
  await env.db.execute(sql`analyze`);
  const [{ n }] = (await env.db.execute(sql`select count(*)::int as n from training_registrations`)) as unknown as [{ n: number }];

  // Baseline: the same 20 rows (same columns, joins, filter and order), no auth, no per-user join, default serialiser.
  baseline.get('/sessions', async () =>
    baselineSql`
      select s.id, s.training_id, t.title, t.theme, t.summary, s.starts_at, s.ends_at, s.slot_count, s.place_kind, s.office_id, o.name as office_name,
        s.address, o.address as office_address, coalesce(s.commune_insee, o.commune_insee) as commune_insee, c.name as commune_name, s.online_url,
        s.capacity, s.confirmed_count, s.offered_count, s.waiting_count, s.signup_deadline, s.status
      from training_sessions s
      join trainings t on t.id = s.training_id
      left join offices o on o.id = s.office_id
      left join communes c on c.insee_code = coalesce(s.commune_insee, o.commune_insee)
      where s.status in ('open', 'closed') and s.ends_at >= now()
      order by s.starts_at, s.id
      limit 20`,
  );
  await baseline.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}/sessions`;
  const appUrl = `${env.url}/api/trainings/sessions`;

  // Same rows?
  const readPage = async () => (await (await fetch(appUrl, { headers: { cookie: me.cookie } })).json()) as { items: SessionListItem[] };
  const ours = await readPage();
  const theirs = (await (await fetch(baseUrl)).json()) as { id: string }[];
  const same = ours.items.length === 20 && ours.items.every((it, i) => it.id === theirs[i]?.id);
  console.log(`data: ${n} registrations; first page identical in both: ${same}; own registrations shown on page 1: ${ours.items.filter((i) => i.myRegistration).length}`);

  // A change is seen at the next request: a partner signs up to the first session on page 1.
  const writers = await signedInPartners(env, 41, 'w');
  const first = ours.items[0]!;
  const signed = await fetch(`${env.url}/api/trainings/sessions/${first.id}/registrations`, { method: 'POST', headers: { cookie: writers[40]!.cookie, 'content-type': 'application/json' }, body: '{}' });
  const reg = signed.status === 201 ? ((await signed.json()) as { status: string }) : null;
  const next = (await readPage()).items[0]!;
  const fresh = reg?.status === 'confirmed' ? next.seatsLeft === first.seatsLeft - 1 : next.waitingCount === first.waitingCount + 1;
  console.log(`a sign-up (${reg?.status}) shows in the next read of the list: ${fresh} (seats left ${first.seatsLeft} -> ${next.seatsLeft}, waiting ${first.waitingCount} -> ${next.waitingCount})`);

  const headers = { cookie: me.cookie };
  const { rounds, base, app, ratio } = await againstBaseline({ url: baseUrl }, { url: appUrl, headers }, DURATION);
  // The list while other partners sign up and cancel on page 1 (every write empties the cached pages).
  const writer = startWriter(env.url, writers.slice(0, 40).map((w) => w.cookie), ours.items.filter((i) => i.status === 'open').slice(0, 10).map((i) => i.id), WRITES_PER_SECOND);
  const busy = await load({ url: appUrl, headers, durationSeconds: DURATION });
  const written = await writer.stop();
  const pass = same && fresh && ratio >= 0.7 && app.p99 < 50 && app.non2xx === 0 && app.errors === 0;
  console.log(`\nbench:sessions — partner list, 20 per page, ${SESSIONS} sessions / ${n} registrations, 50 connections, load from ${loaderName()}, ${DURATION} s x 2 rounds (best round shown)`);
  for (const line of roundLines(rounds)) console.log(line);
  console.log(`  baseline (bare Fastify + postgres.js, no auth): ${base.requestsPerSecond.toFixed(0)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms`);
  console.log(`  api GET /api/trainings/sessions (authenticated):  ${app.requestsPerSecond.toFixed(0)} req/s, p50 ${app.p50} ms, p99 ${app.p99} ms, non-2xx ${app.non2xx}, errors ${app.errors}`);
  console.log(`  api, while ${written.perSecond.toFixed(0)} sign-ups or cancellations per second (${written.errors} errors) change page 1: ${busy.requestsPerSecond.toFixed(0)} req/s, p50 ${busy.p50} ms, p99 ${busy.p99} ms (printed, no target)`);
  console.log(`  ratio: ${ratio.toFixed(2)} x baseline (target >= 0.70); p99 target < 50 ms`);
  verdict(pass);
} finally {
  await baseline.close();
  await baselineSql.end();
  await env.close();
}
