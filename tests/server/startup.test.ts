import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../helpers/env';
import { freePort } from '../helpers/ports';
import { startServer, type ServerProcess } from '../helpers/processes';

/**
 * `npm start` on a fresh machine: no DATABASE_URL (embedded PGlite in the data
 * directory), no SMTP (captured mail); the first administrator's one-time
 * link is printed; a restart keeps the data.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ep-startup-'));
let port = 0;
let base = '';
// A prefix of this run only: a prefix is claimed for its database in Redis and the claim outlives the run.
const prefix = `ep_startup_${randomBytes(4).toString('hex')}`;
let server: ServerProcess | undefined;

beforeAll(async () => {
  // A port nothing listens on (the same for both starts): a random one in a fixed range could hit another service.
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
});

async function start(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn', SERVE_CLIENT: 'false' };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'NODE_ENV', 'JWT_SECRET', 'PUBLIC_URL', 'ADMIN_EMAIL']) delete env[key];
  server = await startServer(env);
  await new Promise((r) => setTimeout(r, 200));
  return server.out;
}

const stop = async () => server?.stop();

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('npm start with no configuration', () => {
  it('serves health, lets the first administrator set a password, and keeps data across a restart', async () => {
    const out = await start();
    // It says which database and which Redis it uses (issue 9, item 5), and remembers that Redis.
    expect(out).toContain(`database: embedded PGlite in ${join(dataDir, 'pglite')}`);
    // The start banner names the mail mode too (issue 10, item 14): no SMTP_URL, so mail is captured.
    expect(/^Espace Pro Sud Cévennes — (\S+)$/m.exec(out)?.[1]).toBe(`http://localhost:${port}`);
    expect(/mail: +(.+)/.exec(out)?.[1]).toBe("captured, see « Boîte d'envoi »");
    const redisLine = /redis: +(.+)/.exec(out)?.[1];
    expect(redisLine).toBe(`redis://127.0.0.1:6379/0 (the local Redis, remembered in ${dataDir}/redis-target.json)`);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });

    const link = /(https?:\/\/\S+\/invitation\/(\S+))/.exec(out);
    expect(link, out).not.toBeNull();
    const token = link![2]!;
    const password = 'Aigoual-Observatoire-1894';
    const accept = await fetch(`${base}/api/auth/invitation/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password, name: 'Sylvie Teissier' }) });
    expect(accept.status).toBe(200);
    const again = await fetch(`${base}/api/auth/invitation/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password, name: 'Sylvie Teissier' }) });
    expect([400, 404, 410]).toContain(again.status);

    await stop();
    const second = await start();
    expect(second).not.toContain('/invitation/');
    expect(/redis: +(.+)/.exec(second)?.[1]).toBe(redisLine);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@localhost', password }) });
    expect(login.status).toBe(200);
    const body = (await login.json()) as { user: { role: string } };
    expect(body.user.role).toBe('admin');
    expect(login.headers.get('set-cookie')).toContain('ep_access=');
  }, 300_000);
});
