/**
 * npm run bench:figures — the staff's page of partners' aggregates
 * (GET /api/figures/aggregates: one kind, 12 months by category and
 * communauté, authenticated) over 500 partners × 60 months of figures, at 20
 * connections, next to a baseline measured in the same run: a bare Fastify
 * route computing the same figures with GROUP BY over the raw rows (the very
 * SELECT the worker uses to build the rollup: db/queries/figures/rollup.ts).
 * Targets: p99 < 100 ms, throughput >= 10 x the baseline's.
 * BENCH_PARTNERS / BENCH_MONTHS / BENCH_DURATION shrink it while developing.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { logins, users } from '../db/schema';
import { refreshRollups, rollupSelect } from '../db/queries/figures';
import { addMonths, currentMonth } from '../common/figures';
import type { Aggregates } from '../server/schemas/figures';
import { load, loaderName, startBenchApp, type LoadResult } from './trainings-lib';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 500);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 60);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;

const env = await startBenchApp('figures', Number(process.env.BENCH_POOL ?? 10));
const baseline = Fastify({ logger: false });
try {
  const now = currentMonth();
  console.log(`seeding ${PARTNERS} establishments × ${MONTHS} months of figures…`);
  // 60 % accommodation, 25 % outdoor activities, 15 % sites, spread over the 51 communes; seasonal figures.
  await env.db.execute(sql`
    with c as (select insee_code, row_number() over (order by insee_code) as n, count(*) over () as total from communes)
    insert into establishments (name, category, subcategory, commune_insee)
    select 'Établissement ' || g,
      case when g % 20 < 12 then 'hebergement' when g % 20 < 17 then 'activites_pleine_nature' else 'sites_musees' end,
      case when g % 20 < 12 then (array['hotel','camping','gite','chambre_hotes'])[1 + g % 4] end,
      (select insee_code from c where c.n = 1 + g % c.total)
    from generate_series(1, ${PARTNERS}) g`);
  const first = addMonths(now, -MONTHS);
  await env.db.execute(sql`
    with e as (select id, category, row_number() over (order by id) as n from establishments),
    m as (select (${`${first}-01`}::date + make_interval(months => k))::date as month, k from generate_series(0, ${MONTHS - 1}) k)
    insert into figures_monthly (establishment_id, month, capacity, nights_sold, arrivals, foreign_share, countries, visitors)
    select e.id, m.month,
      case when e.category = 'hebergement' then 5 + e.n % 60 end,
      case when e.category = 'hebergement' then floor((5 + e.n % 60) * extract(day from (m.month + interval '1 month' - interval '1 day'))
        * (0.15 + 0.7 * (0.5 + 0.5 * sin((extract(month from m.month) - 4) * pi() / 6))) * (0.6 + (e.n % 7) / 17.0))::int end,
      case when e.category = 'hebergement' then 10 + (e.n * 7 + m.k) % 200 end,
      case when e.category = 'hebergement' then (e.n % 50)::float8 end,
      case when e.category = 'hebergement' then jsonb_build_object('GB', (e.n % 20)::float8, 'NL', (e.n % 15)::float8) else '{}'::jsonb end,
      case when e.category <> 'hebergement' then 50 + (e.n * 13 + m.k * 7) % 3000 end
    from e cross join m`);
  let started = Date.now();
  const months = await refreshRollups(env.db);
  const rollupMs = Date.now() - started;
  await env.db.execute(sql`analyze`);
  const [{ rows, raw }] = (await env.db.execute(sql`select (select count(*)::int from figures_rollups) as rows, (select count(*)::int from figures_monthly) as raw`)) as unknown as [{ rows: number; raw: number }];
  console.log(`figures rows: ${raw}; rollup: ${rows} rows for ${months.length} months built in ${rollupMs} ms`);

  // A member of staff with a log-in.
  const [staff] = await env.db.insert(users).values({ email: 'bench-staff@bench.test', name: 'Personnel', role: 'staff', status: 'active', officeId: 'bit-le-vigan' }).returning({ id: users.id });
  const [login] = await env.db.insert(logins).values({ userId: staff!.id, expiresAt: new Date(Date.now() + 86_400_000) }).returning({ id: logins.id });
  const headers = { cookie: `ep_access=${env.app.jwt.sign({ sub: staff!.id, sid: login!.id, role: 'staff' })}` };

  // Baseline: the same 12 months of the same kind, computed from the raw rows at each request (no auth, default serialiser).
  const from = addMonths(now, -11);
  const window = Array.from({ length: 12 }, (_, i) => `${addMonths(from, i)}-01`);
  baseline.get('/aggregates', async () => {
    const result = (await env.db.execute(sql`select * from (${rollupSelect(window)}) r where kind = 'accommodation' order by month, category, communaute_id`)) as unknown as unknown[];
    return result;
  });
  await baseline.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}/aggregates`;
  const appUrl = `${env.url}/api/figures/aggregates?kind=accommodation&from=${from}&to=${now}`;

  // Same figures?
  const ours = (await (await fetch(appUrl, { headers })).json()) as Aggregates;
  const theirs = (await (await fetch(baseUrl)).json()) as { nights_sold: string | number }[];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const same = ours.rows.length === theirs.length && sum(ours.rows.map((r) => r.nightsSold)) === sum(theirs.map((r) => Number(r.nights_sold)));
  console.log(`data: api ${ours.rows.length} rows, baseline ${theirs.length} rows; same rows and nights: ${same}`);

  await load({ url: baseUrl, durationSeconds: 2, connections: CONNECTIONS }); // warm-up
  await load({ url: appUrl, headers, durationSeconds: 2, connections: CONNECTIONS });
  const runs: { base: LoadResult; app: LoadResult }[] = [];
  started = Date.now();
  for (let i = 0; i < 2; i++) {
    const base = await load({ url: baseUrl, durationSeconds: DURATION, connections: CONNECTIONS });
    const app = await load({ url: appUrl, headers, durationSeconds: DURATION, connections: CONNECTIONS });
    runs.push({ base, app });
  }
  const best = (pick: (r: { base: LoadResult; app: LoadResult }) => LoadResult) => runs.map(pick).sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!;
  const base = best((r) => r.base);
  const app = best((r) => r.app);
  const ratio = app.requestsPerSecond / base.requestsPerSecond;
  const pass = same && ratio >= 10 && app.p99 < 100 && app.non2xx === 0 && app.errors === 0;
  console.log(`\nbench:figures — staff aggregates (accommodation, 12 months by category × communauté), ${PARTNERS} partners × ${MONTHS} months, ${CONNECTIONS} connections, load from ${loaderName()}, ${DURATION} s x 2 rounds (best round shown)`);
  for (const [i, r] of runs.entries()) console.log(`  round ${i + 1}: baseline ${r.base.requestsPerSecond.toFixed(0)} req/s (p99 ${r.base.p99} ms) | api ${r.app.requestsPerSecond.toFixed(0)} req/s (p99 ${r.app.p99} ms)`);
  console.log(`  baseline (GROUP BY over the raw rows, no auth): ${base.requestsPerSecond.toFixed(0)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms`);
  console.log(`  api GET /api/figures/aggregates (rollup, staff): ${app.requestsPerSecond.toFixed(0)} req/s, p50 ${app.p50} ms, p99 ${app.p99} ms, non-2xx ${app.non2xx}, errors ${app.errors}`);
  console.log(`  ratio: ${ratio.toFixed(1)} x baseline (target >= 10); p99 target < 100 ms`);
  console.log(`  result: ${pass ? 'PASS' : 'FAIL'}\n`);
  if (!pass) process.exitCode = 1;
} finally {
  await baseline.close();
  await env.close();
}
