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
import { addMonths, currentMonth } from '../common/figures';
import type { Aggregates } from '../server/schemas/figures';
import { againstBaseline, loaderName, roundLines, startBenchApp, verdict } from './trainings-lib';
import { aggregatesFromRawRows, seedPartnerFigures } from './stats-lib';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 500);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 60);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;

const env = await startBenchApp('figures', Number(process.env.BENCH_POOL ?? 10));
const baseline = Fastify({ logger: false });
try {
  const now = currentMonth();
  console.log(`seeding ${PARTNERS} establishments × ${MONTHS} months of figures…`);
  const seeded = await seedPartnerFigures(env, PARTNERS, MONTHS);
  const [{ rows, raw }] = (await env.db.execute(sql`select (select count(*)::int from figures_rollups) as rows, (select count(*)::int from figures_monthly) as raw`)) as unknown as [{ rows: number; raw: number }];
  console.log(`figures rows: ${raw}; rollup: ${rows} rows for ${seeded.rollupMonths} months built in ${seeded.rollupMs.toFixed(0)} ms`);

  // A member of staff with a log-in.
  const [staff] = await env.db.insert(users).values({ email: 'bench-staff@bench.test', name: 'Personnel', role: 'staff', status: 'active', officeId: 'bit-le-vigan' }).returning({ id: users.id });
  const [login] = await env.db.insert(logins).values({ userId: staff!.id, expiresAt: new Date(Date.now() + 86_400_000) }).returning({ id: logins.id });
  const headers = { cookie: `ep_access=${env.app.jwt.sign({ sub: staff!.id, sid: login!.id, role: 'staff' })}` };

  // Baseline: the same 12 months of the same kind, computed from the raw rows at each request (no auth, default serialiser).
  const from = addMonths(now, -11);
  baseline.get('/aggregates', async () => aggregatesFromRawRows(env, 'accommodation', from));
  await baseline.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}/aggregates`;
  const appUrl = `${env.url}/api/figures/aggregates?kind=accommodation&from=${from}&to=${now}`;

  // Same figures?
  const ours = (await (await fetch(appUrl, { headers })).json()) as Aggregates;
  const theirs = (await (await fetch(baseUrl)).json()) as { nights_sold: string | number }[];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const same = ours.rows.length === theirs.length && sum(ours.rows.map((r) => r.nightsSold)) === sum(theirs.map((r) => Number(r.nights_sold)));
  console.log(`data: api ${ours.rows.length} rows, baseline ${theirs.length} rows; same rows and nights: ${same}`);

  const { rounds, base, app, ratio } = await againstBaseline({ url: baseUrl, connections: CONNECTIONS }, { url: appUrl, headers, connections: CONNECTIONS }, DURATION);
  const pass = same && ratio >= 10 && app.p99 < 100 && app.non2xx === 0 && app.errors === 0;
  console.log(`\nbench:figures — staff aggregates (accommodation, 12 months by category × communauté), ${PARTNERS} partners × ${MONTHS} months, ${CONNECTIONS} connections, load from ${loaderName()}, ${DURATION} s x 2 rounds (best round shown)`);
  for (const line of roundLines(rounds)) console.log(line);
  console.log(`  baseline (GROUP BY over the raw rows, no auth): ${base.requestsPerSecond.toFixed(0)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms`);
  console.log(`  api GET /api/figures/aggregates (rollup, staff): ${app.requestsPerSecond.toFixed(0)} req/s, p50 ${app.p50} ms, p99 ${app.p99} ms, non-2xx ${app.non2xx}, errors ${app.errors}`);
  console.log(`  ratio: ${ratio.toFixed(1)} x baseline (target >= 10); p99 target < 100 ms`);
  verdict(pass);
} finally {
  await baseline.close();
  await env.close();
}
