/**
 * npm run bench:stats — the statistics under load, each figure next to a
 * baseline measured in the same run on the same machine:
 * 1. the staff dashboard (one year by month and office with the year before,
 *    and the year's breakdowns) over 1,000,000 contacts, 5 years, 8 offices,
 *    at 20 connections: p99 < 100 ms and >= 10 x the throughput of a bare
 *    Fastify route computing the same figures with GROUP BY over the raw rows;
 * 2. the partners' aggregates of that dashboard (500 partners x 60 months of
 *    figures), same targets against the rollup's GROUP BY over the raw rows;
 * 3. counter entry through the api (staff, one new contact per request):
 *    >= 1,000 contacts/s, p99 < 50 ms, each stored once.
 * The rollup is built by the same function the worker's job runs. Sizes:
 * BENCH_CONTACTS, BENCH_DURATION (seconds per measure), BENCH_POOL.
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import postgres from 'postgres';
import { rollUpVisits } from '../db/queries/visits';
import { accessCookieFor, createUser } from '../tests/helpers/app';
import { dbUrl, load, loaderName, startBenchApp, type LoadResult } from './trainings-lib';
import { addMonths, currentMonth } from '../common/figures';
import type { Aggregates } from '../server/schemas/figures';
import { aggregatesFromRawRows, dashboardFromRawRows, loadCounter, seedContacts, seedPartnerFigures, settledContactCount } from './stats-lib';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const YEARS = 5;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const CONNECTIONS = 20;

const env = await startBenchApp('stats', POOL);
const sql = postgres(dbUrl(env.dbName), { max: POOL, onnotice: () => {} });
const baseline = Fastify({ logger: false });
let pass = false;
try {
  const t0 = performance.now();
  await seedContacts(sql, CONTACTS, YEARS);
  const seeded = performance.now() - t0;
  const partners = await seedPartnerFigures(env);
  const t1 = performance.now();
  let officeMonths = 0;
  for (let n = -1; n !== 0; officeMonths += n) n = (await rollUpVisits(env.db)).officeMonths;
  const rolled = performance.now() - t1;

  const staff = await createUser(env, 'staff', { officeId: 'bit-ganges' });
  const cookie = await accessCookieFor(env, staff);
  const year = new Date().getFullYear() - 1; // a full year, with the year before
  const aggFrom = addMonths(currentMonth(), -11);
  baseline.get('/dashboard', async () => dashboardFromRawRows(sql, year));
  baseline.get('/aggregates', async () => aggregatesFromRawRows(env, 'accommodation', aggFrom));
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}`;

  // The same figures from both (sorted the same way by both queries).
  const ours = (await (await fetch(`${env.url}/api/visits/dashboard?year=${year}`, { headers: { cookie } })).json()) as { months: unknown[]; breakdown: unknown[] };
  const theirs = (await (await fetch(`${base}/dashboard`)).json()) as { months: unknown[]; breakdown: unknown[] };
  const same = JSON.stringify(ours.months) === JSON.stringify(theirs.months) && JSON.stringify(ours.breakdown) === JSON.stringify(theirs.breakdown) && ours.months.length > 0;

  const dashUrl = `${env.url}/api/visits/dashboard?year=${year}`;
  // One request's time when the statistics cache is empty (as after each rollup run): the cost of reading the rollup.
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sql`notify statistics, 'bench'`; // what a rollup run sends: the cache is emptied
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    await (await fetch(dashUrl, { headers: { cookie } })).arrayBuffer();
    cold.push(performance.now() - t);
  }
  await load({ url: dashUrl, headers: { cookie }, connections: CONNECTIONS, durationSeconds: 2 }); // warm-up
  const raw: LoadResult = await load({ url: `${base}/dashboard`, connections: CONNECTIONS, durationSeconds: DURATION });
  const api: LoadResult = await load({ url: dashUrl, headers: { cookie }, connections: CONNECTIONS, durationSeconds: DURATION });

  // The partners' aggregates of the staff dashboard (accommodation, 12 months by category and communauté).
  const aggUrl = `${env.url}/api/figures/aggregates?kind=accommodation&from=${aggFrom}&to=${currentMonth()}`;
  const aggOurs = (await (await fetch(aggUrl, { headers: { cookie } })).json()) as Aggregates;
  const aggTheirs = (await (await fetch(`${base}/aggregates`)).json()) as { nights_sold: string | number }[];
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const aggSame = aggOurs.rows.length > 0 && aggOurs.rows.length === aggTheirs.length
    && total(aggOurs.rows.map((r) => r.nightsSold)) === total(aggTheirs.map((r) => Number(r.nights_sold)));
  await load({ url: aggUrl, headers: { cookie }, connections: CONNECTIONS, durationSeconds: 2 }); // warm-up
  const aggRaw: LoadResult = await load({ url: `${base}/aggregates`, connections: CONNECTIONS, durationSeconds: DURATION });
  const aggApi: LoadResult = await load({ url: aggUrl, headers: { cookie }, connections: CONNECTIONS, durationSeconds: DURATION });

  const before = await settledContactCount(sql);
  await loadCounter({ url: env.url, cookie, connections: CONNECTIONS, durationSeconds: 2 }); // warm-up
  // Counted once the warm-up's last requests are stored (they were counted in the measured run before: 3 rows too many).
  const afterWarmup = await settledContactCount(sql);
  const counter = await loadCounter({ url: env.url, cookie, connections: CONNECTIONS, durationSeconds: DURATION });
  const stored = (await settledContactCount(sql)) - afterWarmup;

  const checks: boolean[] = [];
  const mark = (ok: boolean) => (checks.push(ok), ok ? 'ok' : 'FAILED');
  const ratio = api.requestsPerSecond / raw.requestsPerSecond;
  console.log(`\nbench:stats — load from ${loaderName()} (dashboard) and autocannon (counter), ${CONNECTIONS} connections, ${DURATION} s each; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`  data: ${CONTACTS.toLocaleString('en')} contacts over ${YEARS} years and 8 offices, generated in ${(seeded / 1000).toFixed(1)} s; rollup of ${officeMonths} office-months in ${(rolled / 1000).toFixed(1)} s (${before.toLocaleString('en')} rows)`);
  console.log(`  partners' figures: ${partners.partners} partners x ${partners.months} months, rollup of ${partners.rollupMonths} months in ${(partners.rollupMs / 1000).toFixed(1)} s`);
  console.log(`  1. staff dashboard, year ${year} by month and office with ${year - 1}, and its breakdowns`);
  console.log(`     same figures from the rollup and from GROUP BY over the raw rows: ${same} ${mark(same)}`);
  console.log(`     baseline (bare Fastify + postgres.js, GROUP BY over the raw rows): ${raw.requestsPerSecond.toFixed(1)} req/s, p50 ${raw.p50} ms, p99 ${raw.p99} ms`);
  console.log(`     api GET /api/visits/dashboard (staff, rollup): ${api.requestsPerSecond.toFixed(0)} req/s, p50 ${api.p50} ms, p99 ${api.p99} ms, non-2xx ${api.non2xx}, errors ${api.errors} ${mark(api.non2xx === 0 && api.errors === 0)}`);
  console.log(`     ratio ${ratio.toFixed(1)} x baseline (target >= 10) ${mark(ratio >= 10)}; p99 ${api.p99} ms (target < 100 ms) ${mark(api.p99 < 100)}`);
  console.log(`     one request with the cache just emptied (as after a rollup run), 5 times: ${cold.map((c) => c.toFixed(0)).join(', ')} ms`);
  const aggRatio = aggApi.requestsPerSecond / aggRaw.requestsPerSecond;
  console.log(`  2. staff dashboard, partners' aggregates (accommodation, 12 months by category and communauté)`);
  console.log(`     same rows and nights from the rollup and from the raw rows: ${aggSame} (${aggOurs.rows.length} rows) ${mark(aggSame)}`);
  console.log(`     baseline (bare Fastify, the rollup's GROUP BY over the raw rows): ${aggRaw.requestsPerSecond.toFixed(1)} req/s, p50 ${aggRaw.p50} ms, p99 ${aggRaw.p99} ms`);
  console.log(`     api GET /api/figures/aggregates (staff, rollup): ${aggApi.requestsPerSecond.toFixed(0)} req/s, p50 ${aggApi.p50} ms, p99 ${aggApi.p99} ms, non-2xx ${aggApi.non2xx}, errors ${aggApi.errors} ${mark(aggApi.non2xx === 0 && aggApi.errors === 0)}`);
  console.log(`     ratio ${aggRatio.toFixed(1)} x baseline (target >= 10) ${mark(aggRatio >= 10)}; p99 ${aggApi.p99} ms (target < 100 ms) ${mark(aggApi.p99 < 100)}`);
  console.log(`  3. counter entry, POST /api/visits/contacts (staff, a new contact per request)`);
  console.log(`     ${counter.requestsPerSecond.toFixed(0)} contacts/s (target >= 1000) ${mark(counter.requestsPerSecond >= 1000)}; p50 ${counter.p50} ms, p99 ${counter.p99} ms (target < 50 ms) ${mark(counter.p99 < 50)}; non-2xx ${counter.non2xx}, errors ${counter.errors} ${mark(counter.non2xx === 0 && counter.errors === 0)}`);
  // Requests still in flight when the load ends are stored but not counted as answered: between the answered and the sent.
  console.log(`     stored ${stored} rows for ${counter.total} answered requests and ${counter.sent} sent ${mark(stored >= counter.total && stored <= counter.sent && counter.sent <= counter.total + CONNECTIONS)}`);
  pass = checks.every(Boolean);
  console.log(`  result: ${pass ? 'PASS' : 'FAIL'}\n`);
} finally {
  await baseline.close();
  await sql.end({ timeout: 5 });
  await env.close();
}
setTimeout(() => process.exit(pass ? 0 : 1), 2_000).unref();
