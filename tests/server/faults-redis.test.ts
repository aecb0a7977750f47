import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REDIS_TARGET_FILE, resolveRedis, type RedisTarget } from '../../server/lib/redis';
import { TEST_REDIS_URL } from '../helpers/env';
import { freePort } from '../helpers/ports';

/**
 * Issue 9, item 5: `npm start` switched Redis on a restart under load (the
 * 500 ms probe of 127.0.0.1:6379 gave up and a child redis-server was
 * started on 6390, stranding queued jobs and rate-limit counters).
 *
 * The fault injector is a TCP front that accepts connections and says
 * nothing for a while (a Redis too busy to answer), then relays to the
 * machine's real Redis; the child redis-server is a real one.
 */

const dirs: string[] = [];
const servers: Server[] = [];
const targets: RedisTarget[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ep-faults-redis-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const t of targets.splice(0)) await t.stop();
});
afterAll(async () => {
  for (const s of servers) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A Redis that answers nothing for `silentMs` (connections made meanwhile stay mute), then relays to the real one; `silence(ms)` makes it busy again. */
async function slowRedis(silentMs: number): Promise<{ url: string; connections: () => number; silence(ms: number): void }> {
  const real = new URL(TEST_REDIS_URL);
  let until = Date.now() + silentMs;
  let connections = 0;
  const server = createServer((client: Socket) => {
    connections++;
    client.on('error', () => {});
    if (Date.now() < until) return; // accepted, never answered
    const upstream = connect(Number(real.port || 6379), real.hostname);
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`,
    connections: () => connections,
    silence: (ms) => void (until = Date.now() + ms),
  };
}

const remembered = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, REDIS_TARGET_FILE), 'utf8'));

async function resolve(options: Partial<Parameters<typeof resolveRedis>[0]> & { dataDir: string }) {
  const logs: string[] = [];
  const target = await resolveRedis({ log: (m) => logs.push(m), ...options });
  targets.push(target);
  return { target, logs };
}

describe('which Redis npm start uses', () => {
  it('waits for a local Redis slow to answer instead of starting another, remembers it, and a restart under load keeps it', async () => {
    const dataDir = newDataDir();
    const busy = await slowRedis(1500); // the old probe gave up after 500 ms
    const childPort = await freePort();
    const first = await resolve({ dataDir, localUrl: busy.url, childPort });
    expect(first.target.url).toBe(busy.url);
    expect(first.logs.join('\n')).not.toContain('redis-server');
    expect(remembered(dataDir)).toMatchObject({ kind: 'local', url: busy.url });
    expect(first.target.description).toContain(`(the local Redis, remembered in ${dataDir}/${REDIS_TARGET_FILE})`);
    expect(first.target.description).toContain(`${busy.url}/0`);

    // Restart while that Redis is busy again: still the same one.
    busy.silence(1500);
    const before = busy.connections();
    const second = await resolve({ dataDir, localUrl: busy.url, childPort });
    expect(second.target.url).toBe(busy.url);
    expect(busy.connections() - before).toBeGreaterThanOrEqual(2); // waited through the silent attempt
    const client = new Redis(second.target.url, { maxRetriesPerRequest: 1 });
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });

  it('a remembered Redis that does not answer stops the start with an explanation; no other Redis is started', async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    writeFileSync(join(dataDir, REDIS_TARGET_FILE), JSON.stringify({ kind: 'local', url: `redis://127.0.0.1:${port}`, chosenAt: '2026-11-01T08:00:00.000Z' }));
    const logs: string[] = [];
    const started = Date.now();
    await expect(resolveRedis({ dataDir, log: (m) => logs.push(m), patienceMs: 1500, attemptMs: 500, childPort: await freePort() }))
      .rejects.toThrow(/refuses connections after 2 s[\s\S]*start it again rather than another one[\s\S]*REDIS_URL/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400); // retried for the whole patience, not given up at once
    expect(logs).toEqual([]);
    expect(existsSync(join(dataDir, 'redis'))).toBe(false);
  });

  it('something that accepts connections but never answers is not replaced at the first start either', async () => {
    const dataDir = newDataDir();
    const mute = await slowRedis(60_000);
    await expect(resolveRedis({ dataDir, log: () => {}, localUrl: mute.url, patienceMs: 1500, attemptMs: 500, childPort: await freePort() }))
      .rejects.toThrow(/has not answered PING/);
    expect(existsSync(join(dataDir, REDIS_TARGET_FILE))).toBe(false);
  });

  it('with no local Redis a redis-server child is started and remembered; a restart uses it again, with its data, even when a local Redis answers', async () => {
    const dataDir = newDataDir();
    const childPort = await freePort();
    const nothing = `redis://127.0.0.1:${await freePort()}`;
    const first = await resolve({ dataDir, localUrl: nothing, childPort });
    expect(first.target.url).toBe(`redis://127.0.0.1:${childPort}`);
    expect(first.logs.join('\n')).toContain(`Started a local redis-server on port ${childPort}`);
    expect(remembered(dataDir)).toMatchObject({ kind: 'child', port: childPort });
    expect(first.target.description).toContain('redis-server started by this process');
    const client = new Redis(first.target.url, { maxRetriesPerRequest: 1 });
    await client.set('ep:queued-job', 'kept');
    client.disconnect();
    await first.target.stop();

    const second = await resolve({ dataDir, localUrl: TEST_REDIS_URL, childPort: await freePort() });
    expect(second.target.url).toBe(`redis://127.0.0.1:${childPort}`);
    const again = new Redis(second.target.url, { maxRetriesPerRequest: 1 });
    expect(await again.get('ep:queued-job')).toBe('kept');
    again.disconnect();
  });

  it('REDIS_URL wins and is printed without its password', async () => {
    const dataDir = newDataDir();
    const { target } = await resolve({ dataDir, url: 'redis://:s3cret@127.0.0.1:6379/2' });
    expect(target.url).toBe('redis://:s3cret@127.0.0.1:6379/2');
    expect(target.description).toBe('redis://:***@127.0.0.1:6379/2 (REDIS_URL)');
    expect(existsSync(join(dataDir, REDIS_TARGET_FILE))).toBe(false);
  });
});
