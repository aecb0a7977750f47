import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { trainingSessions, users } from '../../db/schema';
import { CHANGE_FEED_APPLICATION } from '../../server/plugins/change-feed';
import { createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining } from '../helpers/trainings';
import { until } from '../helpers/until';

/**
 * The change feed (server/plugins/change-feed.ts) when its LISTEN
 * connection is lost: notifications sent meanwhile are lost too, so the
 * caches it feeds must be emptied and bypassed until it listens again.
 */

let ctx: TestContext;
let staff: TestUser;
let bob: TestUser;
let carol: TestUser;
let sessionId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  bob = await createUser(ctx, 'partner');
  carol = await createUser(ctx, 'partner');
  sessionId = await makeSession(ctx, await makeTraining(ctx, staff.id), staff.id);
});
afterAll(async () => ctx?.close());

const waitingShown = async (reader = carol) => {
  const res = await (await injectAs(ctx, reader))({ method: 'GET', url: '/api/trainings/sessions' });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string; waitingCount: number }[]).find((i) => i.id === sessionId)!.waitingCount;
};
const setWaiting = (n: number) => ctx.db.update(trainingSessions).set({ waitingCount: n }).where(eq(trainingSessions.id, sessionId));

describe('change feed', () => {
  it('empties and bypasses the caches while its connection is down, then listens again', async () => {
    const feed = ctx.app.changes!;
    expect(feed.listening).toBe(true);
    expect(await waitingShown(bob)).toBe(0); // page and principals now cached
    expect(await waitingShown(carol)).toBe(0);

    const [{ n }] = (await ctx.db.execute(sql`select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = ${CHANGE_FEED_APPLICATION}) t`)) as unknown as [{ n: number }];
    expect(n).toBe(1);
    expect(await until(async () => !feed.listening)).toBe(true);

    // Changes whose notifications nobody hears: seen at once all the same
    // (the principal bob had in cache went with the connection).
    await ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, bob.id));
    expect((await (await injectAs(ctx, bob))({ method: 'GET', url: '/api/trainings/sessions' })).statusCode).toBe(401);
    await setWaiting(4);
    expect(await waitingShown()).toBe(4);

    // Reading reconnected it; notifications flow again.
    expect(await until(async () => feed.listening)).toBe(true);
    expect(await waitingShown()).toBe(4);
    await setWaiting(6);
    expect(await until(async () => (await waitingShown()) === 6)).toBe(true);
  });
});
