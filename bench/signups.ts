/**
 * npm run bench:signups — contention on one session: 500 distinct signed-in
 * partners sign up at the same moment for a 20-seat session, through the
 * HTTP api (the real app on a fresh database of the machine's PostgreSQL,
 * Redis for the mail jobs). Expected: exactly 20 confirmed, 480 waiting with
 * positions 1..480, no error, the burst under 1.5 s on a 2-core machine.
 */
import { eq } from 'drizzle-orm';
import { trainingRegistrations, trainingSessions } from '../db/schema';
import { benchTraining, burst, percentile, signedInPartners, startBenchApp } from './trainings-lib';

const PEOPLE = Number(process.env.BENCH_SIGNUPS ?? 500);
const SEATS = 20;
const TARGET_MS = 1500;

const env = await startBenchApp('signups');
try {
  const partners = await signedInPartners(env, PEOPLE + 40);
  const staffId = partners[0]!.id; // only the creator column; any user will do
  const session = await benchTraining(env, staffId, 'Marketing numérique — session très demandée');

  // Warm-up on another session (JIT, prepared statements, connection pools), not measured.
  const warm = await session(5);
  const warmers = partners.slice(PEOPLE);
  await burst(env.url, warmers.map((p) => ({ method: 'POST', path: `/api/trainings/sessions/${warm}/registrations`, headers: { cookie: p.cookie, 'content-type': 'application/json' }, body: '{}' })));

  const target = await session(SEATS);
  const result = await burst(env.url, partners.slice(0, PEOPLE).map((p) => ({
    method: 'POST', path: `/api/trainings/sessions/${target}/registrations`, headers: { cookie: p.cookie, 'content-type': 'application/json' }, body: '{}',
  })));

  const ok = result.responses.filter((r) => r.status === 201).map((r) => JSON.parse(r.body) as { status: string; position: number | null });
  const errors = result.responses.filter((r) => r.status !== 201);
  const confirmed = ok.filter((r) => r.status === 'confirmed').length;
  const waiting = ok.filter((r) => r.status === 'waiting');
  const positions = waiting.map((r) => r.position!).sort((a, b) => a - b);
  const distinct = positions.every((p, i) => p === i + 1);
  const lat = [...result.latencies].sort((a, b) => a - b);

  // The database agrees with the answers.
  const rows = await env.db.select({ status: trainingRegistrations.status }).from(trainingRegistrations).where(eq(trainingRegistrations.sessionId, target));
  const [counters] = await env.db.select({ confirmed: trainingSessions.confirmedCount, waiting: trainingSessions.waitingCount }).from(trainingSessions).where(eq(trainingSessions.id, target));
  const dbConfirmed = rows.filter((r) => r.status === 'confirmed').length;
  const dbWaiting = rows.filter((r) => r.status === 'waiting').length;

  const pass = confirmed === SEATS && waiting.length === PEOPLE - SEATS && distinct && errors.length === 0 && dbConfirmed === SEATS && dbWaiting === PEOPLE - SEATS
    && counters!.confirmed === SEATS && counters!.waiting === PEOPLE - SEATS;
  console.log(`\nbench:signups — ${PEOPLE} simultaneous sign-ups for one ${SEATS}-seat session (HTTP, authenticated, distinct partners)`);
  console.log(`  confirmed: ${confirmed} (database ${dbConfirmed}, counter ${counters!.confirmed})`);
  console.log(`  waiting:   ${waiting.length} (database ${dbWaiting}, counter ${counters!.waiting}); positions ${distinct ? `distinct 1..${positions.length}` : 'NOT distinct 1..n'}`);
  console.log(`  errors:    ${errors.length}${errors.length ? ` (${[...new Set(errors.map((e) => e.status))].join(', ')})` : ''}`);
  console.log(`  burst:     ${result.elapsedMs.toFixed(0)} ms (target < ${TARGET_MS} ms) — ${(PEOPLE / (result.elapsedMs / 1000)).toFixed(0)} sign-ups/s`);
  console.log(`  latency:   p50 ${percentile(lat, 50).toFixed(0)} ms, p99 ${percentile(lat, 99).toFixed(0)} ms, max ${lat[lat.length - 1]!.toFixed(0)} ms`);
  console.log(`  result:    ${pass && result.elapsedMs < TARGET_MS ? 'PASS' : 'FAIL'}\n`);
  if (!pass || result.elapsedMs >= TARGET_MS) process.exitCode = 1;
} finally {
  await env.close();
}
