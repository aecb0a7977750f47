import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { createDb, type DbHandle } from '../db/client';
import { seedTerritory } from '../db/seed/territory';
import { establishments, logins, users } from '../db/schema';
import { insertTraining } from '../db/queries/trainings/catalogue';
import { createSession } from '../db/queries/trainings/session-edits';
import { buildApp, type App, type AppDeps } from '../server/app';
import { loadConfig } from '../common/config';
import { createQueues } from '../workers/jobs';
import { discardQueues } from '../tests/helpers/queues';

/**
 * Shared set-up of the trainings benchmarks: a fresh database on the
 * machine's PostgreSQL (migrated, territory seeded), a Redis prefix of its
 * own, the real app listening on a port, signed-in partners; and a load
 * generator in a worker thread, so that it does not share the api's event loop.
 */

export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function dbUrl(name: string) {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface BenchEnv {
  app: App;
  url: string;
  db: DbHandle['db'];
  dbName: string;
  /** DATA_DIR of the app (stored files under `files/`), removed by close(). */
  dataDir: string;
  /** Another api over the same database, Redis and secret, with some settings changed (closed with the first). */
  twin(patch: Partial<AppDeps['config']>): Promise<string>;
  close(): Promise<void>;
}

async function listen(deps: AppDeps) {
  const app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** `settings`: more environment variables of the app (e.g. UPLOAD_MAX_BYTES). */
export async function startBenchApp(label: string, poolSize = 10, settings: Record<string, string> = {}): Promise<BenchEnv> {
  const dbName = `ep_bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const handle = await createDb({ url: dbUrl(dbName), poolSize });
  await handle.migrate();
  await seedTerritory(handle.db);
  const prefix = `epb_${randomBytes(4).toString('hex')}`;
  const dataDir = `/tmp/ep-bench/${prefix}`;
  const config = loadConfig(
    { NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: dbUrl(dbName), REDIS_URL, QUEUE_PREFIX: prefix, SERVE_CLIENT: 'false', DATA_DIR: dataDir, DATABASE_POOL_SIZE: String(poolSize), ...settings },
    { JWT_SECRET: randomBytes(32).toString('hex'), CRON_OWNER: false, secureCookies: false },
  );
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const deps: AppDeps = { config, db: handle.db, redis, queues };
  const { app, url } = await listen(deps);
  const twins: App[] = [];
  return {
    app, url, db: handle.db, dbName, dataDir,
    async twin(patch) {
      const twin = await listen({ ...deps, config: { ...config, ...patch } });
      twins.push(twin.app);
      return twin.url;
    },
    async close() {
      for (const t of twins) await t.close();
      await app.close();
      await discardQueues(queues, redis, prefix);
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
      if (process.env.BENCH_KEEP_DB) return console.log(`kept database ${dbName} (BENCH_KEEP_DB)`);
      const a = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** `count` active partners, each with an establishment of their own, a log-in session and an access cookie. */
export async function signedInPartners(env: BenchEnv, count: number, label = 'p') {
  const ests = await env.db
    .insert(establishments)
    .values(Array.from({ length: count }, (_, i) => ({ name: `Établissement ${label}${i}`, category: 'hebergement', communeInsee: '30350' })))
    .returning({ id: establishments.id });
  const rows = await env.db
    .insert(users)
    .values(ests.map((e, i) => ({ email: `${label}${i}-${randomBytes(3).toString('hex')}@bench.test`, name: `Partenaire ${label}${i}`, role: 'partner' as const, status: 'active' as const, establishmentId: e.id })))
    .returning({ id: users.id, establishmentId: users.establishmentId });
  const rowsOfLogins = await env.db
    .insert(logins)
    .values(rows.map((u) => ({ userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) })))
    .returning({ id: logins.id, userId: logins.userId });
  const sidOf = new Map(rowsOfLogins.map((s) => [s.userId, s.id]));
  return rows.map((u) => ({
    id: u.id,
    establishmentId: u.establishmentId,
    cookie: `ep_access=${env.app.jwt.sign({ sub: u.id, sid: sidOf.get(u.id)!, role: 'partner' })}`,
  }));
}

/** A training and a factory of open one-slot sessions of it at the office of Le Vigan, `daysAhead` days from now. */
export async function benchTraining(env: BenchEnv, staffId: string, title: string) {
  const trainingId = await insertTraining(env.db, {
    title, summary: 'Banc d’essai', descriptionHtml: '', theme: 'digital', targetCategories: [],
    durationMinutes: 180, trainer: null, priceMemberCents: null, priceNonMemberCents: null,
  }, staffId);
  return (capacity: number, daysAhead = 14) => {
    const start = new Date(Date.now() + daysAhead * 86_400_000);
    return createSession(env.db, trainingId, {
      slots: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000) }], placeKind: 'office', officeId: 'bit-le-vigan', communeInsee: null,
      address: null, onlineUrl: null, capacity, perEstablishmentCap: null, signupDeadline: new Date(start.getTime() - 86_400_000),
      waitlistMode: 'offer', offerHours: 48, notes: null, status: 'open',
    }, staffId);
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export interface BurstResult {
  elapsedMs: number;
  latencies: number[];
  responses: { status: number; body: string }[];
}

/**
 * Sends all requests at once from a worker thread (one keep-alive socket
 * each, opened before the burst so that TCP set-up is not timed) and
 * reports the burst time and each request's latency.
 */
export function burst(url: string, requests: { method: string; path: string; headers: Record<string, string>; body?: string }[]): Promise<BurstResult> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const { url, requests } = workerData;
    const agent = new http.Agent({ keepAlive: true, maxSockets: requests.length });
    const u = new URL(url);
    function send(r) {
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const req = http.request({ host: u.hostname, port: u.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode, body, ms: performance.now() - t0 }));
        });
        req.on('error', reject);
        if (r.body) req.write(r.body);
        req.end();
      });
    }
    (async () => {
      // Warm the sockets: one cheap request per connection, all at once.
      await Promise.all(requests.map(() => send({ method: 'GET', path: '/api/health', headers: {} })));
      const t0 = performance.now();
      const results = await Promise.all(requests.map(send));
      const elapsedMs = performance.now() - t0;
      agent.destroy();
      parentPort.postMessage({ elapsedMs, latencies: results.map((r) => r.ms), responses: results.map((r) => ({ status: r.status, body: r.body })) });
    })().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
  `;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { url, requests } });
    w.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    w.once('error', reject);
  });
}

/**
 * Other partners signing up and cancelling, from a worker thread, at about
 * `perSecond` writes a second in all: each cookie in turn signs up to one of
 * `sessionIds`, then cancels that registration.
 */
export function startWriter(url: string, cookies: string[], sessionIds: string[], perSecond: number) {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { url, cookies, sessionIds, perSecond } = workerData;
    let stopping = false, writes = 0, errors = 0;
    parentPort.on('message', () => (stopping = true));
    const post = (path, cookie) => fetch(url + path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    // Four loops, so that a slow write does not hold the others back.
    const t0 = performance.now();
    const pace = () => sleep(Math.max(0, (writes * 1000) / perSecond - (performance.now() - t0)));
    async function loop(k) {
      for (let i = k; !stopping; i += 4) {
        const cookie = cookies[i % cookies.length];
        const signed = await post('/api/trainings/sessions/' + sessionIds[i % sessionIds.length] + '/registrations', cookie);
        writes++;
        if (signed.status !== 201) { errors++; await signed.text(); await pace(); continue; }
        const { id } = await signed.json();
        await pace();
        const cancelled = await post('/api/trainings/registrations/' + id + '/cancel', cookie);
        writes++;
        if (cancelled.status !== 200) errors++;
        await cancelled.text();
        await pace();
      }
    }
    Promise.all([0, 1, 2, 3].map(loop))
      .then(() => parentPort.postMessage({ writes, errors, perSecond: writes / ((performance.now() - t0) / 1000) }))
      .catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
  `;
  return stoppableWorker<{ writes: number; errors: number; perSecond: number }>(code, { url, cookies, sessionIds, perSecond });
}

/** Runs `code` in a worker thread until stop(): it posts 'stop' and resolves with the worker's last message (or rejects with its `error`). */
export function stoppableWorker<T>(code: string, workerData: unknown) {
  const w = new Worker(code, { eval: true, workerData });
  const done = new Promise<T>((resolve, reject) => {
    w.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    w.once('error', reject);
  });
  return {
    async stop() {
      w.postMessage('stop');
      const result = await done;
      await w.terminate();
      return result;
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  /** Requests sent, answered or not (a load's end leaves some in flight); autocannon's loads only. */
  sent?: number;
}

/**
 * HTTP load against one URL, 50 connections by default, from a separate
 * process: wrk (C, from Debian's `wrk` package) when it is on the PATH —
 * it leaves far more of the 2 cores to the servers being measured — else
 * autocannon (Node) in a child process. Both figures name the tool used.
 */
export function load(opts: { url: string; headers?: Record<string, string>; connections?: number; durationSeconds?: number }): Promise<LoadResult> {
  return hasWrk() ? loadWithWrk(opts) : loadWithAutocannon(opts);
}

export type LoadOptions = Parameters<typeof load>[0];

/** Rounds of a baseline and the api, and the best round of each. */
export interface AgainstBaseline {
  rounds: { base: LoadResult; app: LoadResult }[];
  base: LoadResult;
  app: LoadResult;
  /** The api's best throughput over the baseline's. */
  ratio: number;
}

/**
 * The api against its baseline, as every bench measures it: both warmed up
 * (2 s), then `count` rounds of the baseline then the api; the best round of
 * each by throughput is kept (the machine is shared: the better round is the
 * less disturbed one).
 */
export async function againstBaseline(base: LoadOptions, app: LoadOptions, durationSeconds: number, count = 2): Promise<AgainstBaseline> {
  await load({ ...base, durationSeconds: 2 });
  await load({ ...app, durationSeconds: 2 });
  const rounds: AgainstBaseline['rounds'] = [];
  for (let i = 0; i < count; i++) rounds.push({ base: await load({ ...base, durationSeconds }), app: await load({ ...app, durationSeconds }) });
  const best = (pick: (r: AgainstBaseline['rounds'][number]) => LoadResult) => rounds.map(pick).sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!;
  const [bestBase, bestApp] = [best((r) => r.base), best((r) => r.app)];
  return { rounds, base: bestBase, app: bestApp, ratio: bestApp.requestsPerSecond / bestBase.requestsPerSecond };
}

/** One line per round of againstBaseline: both throughputs and p99s. */
export const roundLines = (rounds: AgainstBaseline['rounds'], indent = '  ') =>
  rounds.map((r, i) => `${indent}round ${i + 1}: baseline ${r.base.requestsPerSecond.toFixed(0)} req/s (p99 ${r.base.p99} ms) | api ${r.app.requestsPerSecond.toFixed(0)} req/s (p99 ${r.app.p99} ms)`);

/** A bench's last line: PASS or FAIL, and a failing exit code when it fails. */
export function verdict(pass: boolean): void {
  console.log(`  result: ${pass ? 'PASS' : 'FAIL'}\n`);
  if (!pass) process.exitCode = 1;
}

let wrkFound: boolean | null = null;
function hasWrk(): boolean {
  if (process.env.BENCH_LOADER === 'autocannon') return false;
  wrkFound ??= spawnSync('wrk', ['--version']).error === undefined;
  return wrkFound;
}
export const loaderName = () => (hasWrk() ? 'wrk' : 'autocannon');

function loadWithWrk(opts: { url: string; headers?: Record<string, string>; connections?: number; durationSeconds?: number }): Promise<LoadResult> {
  const args = ['-t2', `-c${opts.connections ?? 50}`, `-d${opts.durationSeconds ?? 10}s`, '--latency'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
  args.push(opts.url);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}`));
      const ms = (line: RegExp) => {
        const m = line.exec(out);
        if (!m) return NaN;
        const value = Number(m[1]);
        return m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value;
      };
      const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
      const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      resolve({
        requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
        p50: ms(/\s50%\s+([\d.]+)(us|ms|s)/),
        p99: ms(/\s99%\s+([\d.]+)(us|ms|s)/),
        non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
        errors: errs ? errs.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
        total,
      });
    });
  });
}

function loadWithAutocannon(opts: { url: string; headers?: Record<string, string>; connections?: number; durationSeconds?: number }): Promise<LoadResult> {
  const code = `
    const autocannon = require('autocannon');
    const o = JSON.parse(process.argv[1]);
    autocannon({ url: o.url, headers: o.headers, connections: o.connections, duration: o.duration, pipelining: 1 }, ${AUTOCANNON_DONE});
  `;
  return runAutocannon(code, { url: opts.url, headers: opts.headers ?? {}, connections: opts.connections ?? 50, duration: opts.durationSeconds ?? 10 });
}

/** The callback that ends a script run by runAutocannon: prints autocannon's result as a LoadResult in JSON. */
export const AUTOCANNON_DONE = `(err, r) => {
      if (err) { console.error(String(err)); process.exit(1); }
      process.stdout.write(JSON.stringify({ requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total, sent: r.requests.sent }));
    }`;

/** Runs an autocannon script (CommonJS, `arg` as JSON in process.argv[1], ending with AUTOCANNON_DONE) in a child process. */
export function runAutocannon(code: string, arg: unknown): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code, JSON.stringify(arg)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (exitCode) => (exitCode === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`autocannon exited with ${exitCode}`))));
  });
}
