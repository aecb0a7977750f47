import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { TEST_PG_URL, TEST_REDIS_URL } from '../helpers/env';
import { freePort } from '../helpers/ports';
import { startServer, type ServerProcess } from '../helpers/processes';

/**
 * Issue 9, item 1: PostgreSQL connections lost while the api is under load.
 *
 * The real api runs as a child process (`server/main.ts`, PROCESS_ROLE=api)
 * on a database of its own; 8 clients read (and two of them write) as fast as
 * they can while every backend of the pool is terminated, 16 times.
 * Unpatched postgres.js 3.4.9 throws `Cannot read properties of null (reading
 * 'write')` from a setImmediate (porsager/postgres #1154 / #1208) and the
 * process dies. With the patch (patches/postgres+3.4.9.patch) it survives,
 * `/api/health` says degraded while PostgreSQL refuses connections, and the
 * same process serves again once it accepts them, without a restart.
 */

let database: TestDatabase;
let admin: postgres.Sql;
let api: ServerProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'ep-faults-pg-'));
let base = '';
const prefix = `ept_faults_pg_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase(2);
  // A port nothing listens on: a random one in a fixed range could hit NATS on 4222.
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  const env: NodeJS.ProcessEnv = {
    ...process.env, PROCESS_ROLE: 'api', NODE_ENV: 'test', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '10', REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'fatal',
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  api = await startServer(env);
}, 150_000);

afterAll(async () => {
  await api?.stop();
  await admin?.unsafe(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS true`).catch(() => {});
  await admin?.end();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  const redis = new (await import('ioredis')).Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function terminateBackends(): Promise<number> {
  const rows = await admin`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = ${database.name} and pid <> pg_backend_pid()`;
  return rows.length;
}

async function health(): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.json() };
}

const alive = () => api!.child.exitCode === null && api!.child.signalCode === null;

describe('PostgreSQL connections lost under load', () => {
  it('the process survives, reports degraded health while PostgreSQL refuses, then recovers without restart', async () => {
    const staff = await createUser(database, 'staff');
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: staff.email, password: staff.password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // 8 clients: 6 read the territory (three queries per request), 2 rename
    // themselves (a transaction: SELECT … FOR UPDATE, UPDATE, SELECT).
    const counts = { ok: 0, failed: 0, refused: 0 };
    let running = true;
    const request = (i: number) => i < 6
      ? fetch(`${base}/api/territory`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) })
      : fetch(`${base}/api/me`, {
        method: 'PATCH', body: JSON.stringify({ name: `Agent ${i} ${Date.now()}` }), signal: AbortSignal.timeout(10_000),
        headers: { cookie, origin: base, 'content-type': 'application/json' },
      });
    const clients = Array.from({ length: 8 }, async (_, i) => {
      while (running) {
        try {
          const res = await request(i);
          await res.arrayBuffer();
          if (res.status === 200) counts.ok++;
          else counts.failed++;
        } catch {
          counts.refused++; // the process is gone (or did not answer)
          await sleep(20);
        }
      }
    });
    try {
      const served = async (n: number) => {
        const from = counts.ok;
        for (let i = 0; i < 300 && counts.ok - from < n; i++) await sleep(50);
        return counts.ok - from;
      };
      expect(await served(30)).toBeGreaterThanOrEqual(30);

      // Every backend of the pool terminated, 16 times while the load runs.
      let terminated = 0;
      for (let round = 0; round < 16; round++) {
        terminated += await terminateBackends();
        await sleep(150);
        expect(alive(), `the api process died:\n${api!.out}`).toBe(true);
      }
      expect(terminated).toBeGreaterThanOrEqual(32);

      // PostgreSQL refuses new connections: health says so, the process stays up.
      await admin.unsafe(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS false`);
      await terminateBackends();
      let degraded: { status: number; body: unknown } | null = null;
      for (let i = 0; i < 100 && !degraded; i++) {
        const h = await health();
        if (h.status === 503) degraded = h;
        else await sleep(50);
      }
      expect(degraded, 'health never reported the lost database').not.toBeNull();
      expect(degraded!.body).toEqual({ status: 'degraded', database: 'error', redis: 'ok' });
      await sleep(1000);
      expect(alive(), `the api process died:\n${api!.out}`).toBe(true);
      expect((await health()).status).toBe(503);

      // PostgreSQL is back: the same process serves again.
      await admin.unsafe(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS true`);
      let recovered = false;
      for (let i = 0; i < 200 && !recovered; i++) {
        const h = await health();
        if (h.status === 200) recovered = true;
        else await sleep(50);
      }
      expect(recovered, 'health never recovered').toBe(true);
      expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'ok', redis: 'ok' } });
      expect(await served(30), 'requests not served after recovery').toBeGreaterThanOrEqual(30);
      expect(alive(), `the api process died:\n${api!.out}`).toBe(true);
    } finally {
      running = false;
      await Promise.all(clients);
    }
    // No connection of the pool was left broken: a burst that needs all of them succeeds.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => request(i % 8).then((r) => r.status)));
    expect(burst).toEqual(Array(40).fill(200));
    console.log(`faults-postgres: ${counts.ok} served, ${counts.failed} answered with an error, ${counts.refused} not answered`);
  }, 120_000);
});
