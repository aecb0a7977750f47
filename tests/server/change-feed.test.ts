import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { trainingSessions, users } from '../../db/schema';
import { buildApp, type App } from '../../server/app';
import { CHANGE_FEED_APPLICATION } from '../../server/plugins/change-feed';
import { accessCookieFor, createTestApp, createUser, type TestContext, type TestUser } from '../helpers/app';
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
  ctx = await createTestApp();
  const stream = new Writable({ write(chunk, _enc, done) { logged.push(JSON.parse(String(chunk))); done(); } });
  b = await buildApp({ config: ctx.config, db: ctx.db, redis: ctx.redis, queues: ctx.queues }, { logger: { level: 'info', stream } });
  await b.ready();
  staff = await createUser(ctx, 'staff');
  bob = await createUser(ctx, 'partner');
  carol = await createUser(ctx, 'partner');
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
    for (let round = 0; round < rounds; round++) {
      expect(await until(async () => feed.listening)).toBe(true);
      const value = 100 + round;
      expect(await read(b, cookie)).toBe(value - 1); // page and principal cached in B
      const pid = feed.backend;
      // Ended and changed at the same moment; the change commits right after the backend is signalled.
      await ctx.db.transaction(async (tx) => {
        await tx.update(trainingSessions).set({ waitingCount: value }).where(eq(trainingSessions.id, sessionId));
        await tx.execute(sql`select pg_terminate_backend(${pid})`);
      });
      for (let i = 0; i < 5; i++, reads++) if ((await read(b, cookie)) !== value) stale++;
    }
    expect(stale, `${stale} stale reads of ${reads}`).toBe(0);

    // The principal: disabled at the moment the connection ends, refused at the next read.
    expect(await until(async () => feed.listening)).toBe(true);
    expect(await read(b, daveCookie)).toBe(100 + rounds - 1);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ status: 'disabled' }).where(eq(users.id, dave.id));
      await tx.execute(sql`select pg_terminate_backend(${feed.backend})`);
    });
    expect(await read(b, daveCookie)).toBe(401);

    // A warning for each loss; listening again without any request.
    expect(await until(async () => feed.listening)).toBe(true);
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
});
