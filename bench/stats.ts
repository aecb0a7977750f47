/**
 * npm run bench:stats — the statistics under load, each figure next to a
 * baseline measured in the same run on the same machine:
 * 1. the staff dashboard (one year by month and office with the year before,
 *    and the year's breakdowns) over 1,000,000 contacts, 5 years, 8 offices,
 *    at 20 connections: p99 < 100 ms and >= 10 x the throughput of a bare
 *    Fastify route computing the same figures with GROUP BY over the raw rows;
 * 2. counter entry through the api (staff, one new contact per request):
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
import { dashboardFromRawRows, loadCounter, seedContacts, seedPartnerFigures } from './stats-lib';

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
  const partners = await seedPartnerFigures(env, sql);
  const t1 = performance.now();
  let officeMonths = 0;
  for (let n = -1; n !== 0; officeMonths += n) n = (await rollUpVisits(env.db)).officeMonths;
  const rolled = performance.now() - t1;

  const staff = await createUser(env, 'staff', { officeId: 'bit-ganges' });
  const cookie = await accessCookieFor(env, staff);
  const year = new Date().getFullYear() - 1; // a full year, with the year before
  baseline.get('/dashboard', async () => dashboardFromRawRows(sql, year));
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}`;

  // The same figures from both (sorted the same way by both queries).
  const ours = (await (await fetch(`${env.url}/api/visits/dashboard?year=${year}`, { headers: { cookie } })).json()) as { months: unknown[]; breakdown: unknown[] };
  const theirs = (await (await fetch(`${base}/dashboard`)).json()) as { months: unknown[]; breakdown: unknown[] };
  const same = JSON.stringify(ours.months) === JSON.stringify(theirs.months) && JSON.stringify(ours.breakdown) === JSON.stringify(theirs.breakdown) && ours.months.length > 0;

  const dashUrl = `${env.url}/api/visits/dashboard?year=${year}`;
  await load({ url: dashUrl, headers: { cookie }, connections: CONNECTIONS, durationSeconds: 2 }); // warm-up
  const raw: LoadResult = await load({ url: `${base}/dashboard`, connections: CONNECTIONS, durationSeconds: DURATION });
  const api: LoadResult = await load({ url: dashUrl, headers: { cookie }, connections: CONNECTIONS, durationSeconds: DURATION });

  const before = Number((await sql`select count(*)::int as n from visit_contacts`)[0]!.n);
  await loadCounter({ url: env.url, cookie, connections: CONNECTIONS, durationSeconds: 2 }); // warm-up
  const afterWarmup = Number((await sql`select count(*)::int as n from visit_contacts`)[0]!.n);
  const counter = await loadCounter({ url: env.url, cookie, connections: CONNECTIONS, durationSeconds: DURATION });
  const stored = Number((await sql`select count(*)::int as n from visit_contacts`)[0]!.n) - afterWarmup;

  const checks: boolean[] = [];
  const mark = (ok: boolean) => (checks.push(ok), ok ? 'ok' : 'FAILED');
  const ratio = api.requestsPerSecond / raw.requestsPerSecond;
  console.log(`\nbench:stats — load from ${loaderName()} (dashboard) and autocannon (counter), ${CONNECTIONS} connections, ${DURATION} s each; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`  data: ${CONTACTS.toLocaleString('en')} contacts over ${YEARS} years and 8 offices, generated in ${(seeded / 1000).toFixed(1)} s; rollup of ${officeMonths} office-months in ${(rolled / 1000).toFixed(1)} s (${before.toLocaleString('en')} rows)`);
  console.log(partners ? `  partners' figures: ${partners.partners} partners x ${partners.months} months` : `  partners' figures: not seeded (hook seedPartnerFigures in bench/stats-lib.ts, feature figures)`);
  console.log(`  1. staff dashboard, year ${year} by month and office with ${year - 1}, and its breakdowns`);
  console.log(`     same figures from the rollup and from GROUP BY over the raw rows: ${same} ${mark(same)}`);
  console.log(`     baseline (bare Fastify + postgres.js, GROUP BY over the raw rows): ${raw.requestsPerSecond.toFixed(1)} req/s, p50 ${raw.p50} ms, p99 ${raw.p99} ms`);
  console.log(`     api GET /api/visits/dashboard (staff, rollup): ${api.requestsPerSecond.toFixed(0)} req/s, p50 ${api.p50} ms, p99 ${api.p99} ms, non-2xx ${api.non2xx}, errors ${api.errors} ${mark(api.non2xx === 0 && api.errors === 0)}`);
  console.log(`     ratio ${ratio.toFixed(1)} x baseline (target >= 10) ${mark(ratio >= 10)}; p99 ${api.p99} ms (target < 100 ms) ${mark(api.p99 < 100)}`);
  console.log(`  2. counter entry, POST /api/visits/contacts (staff, a new contact per request)`);
  console.log(`     ${counter.requestsPerSecond.toFixed(0)} contacts/s (target >= 1000) ${mark(counter.requestsPerSecond >= 1000)}; p50 ${counter.p50} ms, p99 ${counter.p99} ms (target < 50 ms) ${mark(counter.p99 < 50)}; non-2xx ${counter.non2xx}, errors ${counter.errors} ${mark(counter.non2xx === 0 && counter.errors === 0)}`);
  // Requests still in flight when the load ends are stored but not counted as answered: at most one per connection.
  console.log(`     stored ${stored} rows for ${counter.total} answered requests (+ at most ${CONNECTIONS} in flight at the end) ${mark(stored >= counter.total && stored <= counter.total + CONNECTIONS)}`);
  pass = checks.every(Boolean);
  console.log(`  result: ${pass ? 'PASS' : 'FAIL'}\n`);
} finally {
  await baseline.close();
  await sql.end({ timeout: 5 });
  await env.close();
}
setTimeout(() => process.exit(pass ? 0 : 1), 2_000).unref();
