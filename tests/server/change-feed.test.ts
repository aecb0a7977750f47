import { connect, createServer, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { trainingSessions, users } from '../../db/schema';
import { buildApp, type App } from '../../server/app';
import { CHANGE_FEED_APPLICATION, ROUND_TRIP_TIMEOUT_MS, createChangeFeed } from '../../server/plugins/change-feed';
import { accessCookieFor, appWithUsers, createUser, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining } from '../helpers/trainings';
import { until } from '../helpers/until';

/**
 * The change feed (server/plugins/change-feed.ts): a cached entry is served
 * only once the feed has caught up with every change committed before the
 * read, so a change made anywhere is seen at the next read — also when its
 * LISTEN connection is lost at that very moment (notifications sent
 * meanwhile are lost too): the caches are then emptied and bypassed, a
 * warning is logged and it listens again by itself.
 *
 * `ctx.app` is api process A; `b` is a second api process on the same database,
 * with its own change feed and a log we read.
 */

let ctx: TestContext;
let b: App;
const logged: { level: number; msg: string }[] = [];
let staff: TestUser;
let bob: TestUser;
let carol: TestUser;
let sessionId: string;

beforeAll(async () => {
  ({ ctx, staff, bob, carol } = await appWithUsers({ staff: 'staff', bob: 'partner', carol: 'partner' }));
  const stream = new Writable({ write(chunk, _enc, done) { logged.push(JSON.parse(String(chunk))); done(); } });
  b = await buildApp({ config: ctx.config, db: ctx.db, redis: ctx.redis, queues: ctx.queues }, { logger: { level: 'info', stream } });
  await b.ready();
  sessionId = await makeSession(ctx, await makeTraining(ctx, staff.id), staff.id);
});
afterAll(async () => {
  await b?.close();
  await ctx?.close();
});

const read = async (app: App, cookie: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/trainings/sessions', headers: { cookie } });
  return res.statusCode === 200 ? (res.json().items as { id: string; waitingCount: number }[]).find((i) => i.id === sessionId)!.waitingCount : res.statusCode;
};
const waitingShown = async (reader = carol) => read(ctx.app, (await accessCookieFor(ctx, reader)));
const setWaiting = (n: number) => ctx.db.update(trainingSessions).set({ waitingCount: n }).where(eq(trainingSessions.id, sessionId));
const terminate = async (pid: number | null) => {
  const [{ ok }] = (await ctx.db.execute(sql`select pg_terminate_backend(pid) as ok from pg_stat_activity where pid = ${pid} and application_name = ${CHANGE_FEED_APPLICATION}`)) as unknown as [{ ok: boolean }];
  expect(ok).toBe(true);
};

describe('change feed', () => {
  it('empties and bypasses the caches while its connection is down, then listens again', async () => {
    const feed = ctx.app.changes!;
    expect(feed.listening).toBe(true);
    expect(await waitingShown(bob)).toBe(0); // page and principals now cached
    expect(await waitingShown(carol)).toBe(0);

    const [{ n }] = (await ctx.db.execute(sql`select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = ${CHANGE_FEED_APPLICATION} and pid = ${feed.backend}) t`)) as unknown as [{ n: number }];
    expect(n).toBe(1);

    // Changes whose notifications nobody hears: seen at once all the same
    // (the principal bob had in cache went with the connection).
    await ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, bob.id));
    expect(await waitingShown(bob)).toBe(401);
    await setWaiting(4);
    expect(await waitingShown()).toBe(4);

    // It listens again by itself; notifications flow again.
    expect(await until(async () => feed.listening)).toBe(true);
    expect(await waitingShown()).toBe(4);
    await setWaiting(6);
    expect(await waitingShown()).toBe(6);
  });

  it('a change committed through one process is seen by the next read through another, every time', async () => {
    const cookieA = await accessCookieFor(ctx, carol);
    const cookieB = await accessCookieFor({ db: ctx.db, app: b }, carol);
    let stale = 0;
    for (let i = 10; i < 60; i++) {
      expect(await read(b, cookieB)).toBe(i === 10 ? 6 : i - 1); // cached in B
      const res = await ctx.app.inject({ method: 'GET', url: '/api/trainings/sessions', headers: { cookie: cookieA } });
      expect(res.statusCode).toBe(200);
      await setWaiting(i); // committed: no waiting, no sleep before B reads
      if ((await read(b, cookieB)) !== i) stale++;
    }
    expect(stale).toBe(0);
  });

  it('when the LISTEN connection is ended while a change commits: no stale read, a warning, listening again by itself', async () => {
    const feed = b.changes!;
    const dave = await createUser(ctx, 'partner');
    const daveCookie = await accessCookieFor({ db: ctx.db, app: b }, dave);
    const cookie = await accessCookieFor({ db: ctx.db, app: b }, carol);
    await setWaiting(99);
    let stale = 0;
    let reads = 0;
    const rounds = 10;
    let ended: number | null = null; // the connection ended last: `listening` may not know yet
    const listeningAnew = () => until(async () => feed.listening && feed.backend !== ended);
    for (let round = 0; round < rounds; round++) {
      expect(await listeningAnew()).toBe(true);
      const value = 100 + round;
      expect(await read(b, cookie)).toBe(value - 1); // page cached in B
      const pid = (ended = feed.backend);
      // Ended and changed at the same moment; the change commits right after the backend is signalled.
      await ctx.db.transaction(async (tx) => {
        await tx.update(trainingSessions).set({ waitingCount: value }).where(eq(trainingSessions.id, sessionId));
        await tx.execute(sql`select pg_terminate_backend(${pid})`);
      });
      for (let i = 0; i < 5; i++, reads++) if ((await read(b, cookie)) !== value) stale++;
    }
    expect(stale, `${stale} stale reads of ${reads}`).toBe(0);

    // The principal: disabled at the moment the connection ends, refused at the next read.
    expect(await listeningAnew()).toBe(true);
    expect(await read(b, daveCookie)).toBe(100 + rounds - 1);
    ended = feed.backend;
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ status: 'disabled' }).where(eq(users.id, dave.id));
      await tx.execute(sql`select pg_terminate_backend(${ended})`);
    });
    expect(await read(b, daveCookie)).toBe(401);

    // A warning for each loss; listening again without any request — on a
    // new connection (the feed may not have noticed the loss yet, so
    // `listening` alone could still describe the ended one).
    expect(await listeningAnew()).toBe(true);
    const before = feed.backend;
    const warnings = () => logged.filter((l) => l.level === 40 && l.msg.startsWith('change feed: LISTEN connection lost')).length;
    const warned = warnings();
    expect(warned).toBeGreaterThanOrEqual(rounds);
    await terminate(before);
    expect(await until(async () => feed.listening && feed.backend !== before)).toBe(true);
    expect(warnings()).toBe(warned + 1);
    // and notifications flow on the new connection
    await setWaiting(7);
    expect(await until(async () => (await read(b, cookie)) === 7)).toBe(true);
  });

  it('a LISTEN connection gone silent (no answer, never closed) is given up after the round-trip timeout, then it listens on a new one', async () => {
    // A TCP proxy to PostgreSQL whose open connections can be frozen, as a firewall dropping them without a word would.
    const pairs: [Socket, Socket][] = [];
    const target = new URL(ctx.database.url);
    const proxy = createServer((down) => {
      const up = connect(Number(target.port || 5432), target.hostname);
      down.pipe(up).pipe(down);
      const end = () => (down.destroy(), up.destroy());
      down.on('close', end).on('error', end);
      up.on('close', end).on('error', end);
      pairs.push([down, up]);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const url = new URL(ctx.database.url);
    url.port = String((proxy.address() as { port: number }).port);
    const warnings: string[] = [];
    const log = { warn: (...args: unknown[]) => warnings.push(String(args.find((a) => typeof a === 'string'))), info: () => {}, error: () => {}, debug: () => {} } as unknown as FastifyBaseLogger;
    const feed = await createChangeFeed(url.toString(), log, ['trainings_list']);
    const notified: string[] = [];
    feed.subscribe('trainings_list', { onNotify: (p) => notified.push(p), onReset: () => {} });
    try {
      expect(await feed.caughtUp()).toBe(true);
      const before = feed.backend;
      const frozen = pairs.splice(0);
      pairs.push(...frozen); // destroyed at the end
      for (const [down, up] of frozen) {
        down.unpipe(up);
        up.unpipe(down);
        down.pause();
        up.pause();
      }
      const started = Date.now();
      expect(await feed.caughtUp()).toBe(false); // the reads waiting on it go to the database
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(ROUND_TRIP_TIMEOUT_MS - 50);
      expect(waited).toBeLessThan(ROUND_TRIP_TIMEOUT_MS + 1_500);
      expect(warnings).toContain(`change feed: LISTEN connection lost (no answer within ${ROUND_TRIP_TIMEOUT_MS} ms); caches emptied and bypassed, listening again`);
      expect(await until(async () => feed.listening && feed.backend !== before)).toBe(true);
      expect(await feed.caughtUp()).toBe(true);
      await ctx.db.execute(sql`select pg_notify('trainings_list', 'after')`);
      expect(await until(async () => notified.includes('after'))).toBe(true);
      expect(warnings).toHaveLength(1);
    } finally {
      await feed.close();
      for (const [down, up] of pairs) down.destroy(), up.destroy();
      await new Promise((r) => proxy.close(r));
    }
  }, 20_000);
});
