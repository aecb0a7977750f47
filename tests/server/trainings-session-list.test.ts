import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { SessionList } from '../../server/schemas/trainings';
import { offices, trainingSessions, trainingSlots, trainings } from '../../db/schema';
import { createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining } from '../helpers/trainings';
import { until } from '../helpers/until';

/**
 * The partners' session list keeps the shared part of each page in memory
 * (server/services/trainings/session-list.ts). What must hold: a change made
 * through the api shows at the next request; one made elsewhere (a worker,
 * another api process, psql) within the milliseconds a notification takes;
 * a session leaves the list when it ends; the caller's own registration is
 * never another partner's.
 */

let ctx: TestContext;
let staff: TestUser;
let alice: TestUser;
let bob: TestUser;
let trainingId: string;
const sessionIds: string[] = [];

type Item = { id: string; title: string; seatsLeft: number; waitingCount: number; myRegistration: { status: string } | null; place: { officeName: string | null } };
const list = async (user: TestUser, qs = `trainingId=${trainingId}`) => {
  const res = await (await injectAs(ctx, user))({ method: 'GET', url: `/api/trainings/sessions?${qs}` });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(Value.Check(SessionList, body)).toBe(true);
  return body.items as Item[];
};
const item = async (user: TestUser, id: string) => (await list(user)).find((i) => i.id === id);

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  alice = await createUser(ctx, 'partner');
  bob = await createUser(ctx, 'partner');
  trainingId = await makeTraining(ctx, staff.id, { title: 'Accueil vélo' });
  for (let d = 5; d < 8; d++) sessionIds.push(await makeSession(ctx, trainingId, staff.id, { startsInDays: d, capacity: 2 }));
});
afterAll(async () => ctx?.close());

describe('the cached session list', () => {
  it('shows a sign-up and a cancellation through the api at the next request, to everyone', async () => {
    const id = sessionIds[0]!;
    expect((await item(bob, id))!.seatsLeft).toBe(2); // page now cached
    const signed = await (await injectAs(ctx, alice))({ method: 'POST', url: `/api/trainings/sessions/${id}/registrations`, payload: {} });
    expect(signed.statusCode).toBe(201);
    expect((await item(bob, id))!.seatsLeft).toBe(1);
    expect((await item(bob, id))!.myRegistration).toBeNull();
    expect((await item(alice, id))!.myRegistration?.status).toBe('confirmed');

    const cancelled = await (await injectAs(ctx, alice))({ method: 'POST', url: `/api/trainings/registrations/${signed.json().id}/cancel` });
    expect(cancelled.statusCode).toBe(200);
    expect((await item(bob, id))!.seatsLeft).toBe(2);
    expect((await item(alice, id))!.myRegistration).toBeNull();
  });

  it('shows a change made outside the api (a worker, psql) within moments', async () => {
    const id = sessionIds[1]!;
    expect((await item(bob, id))!.waitingCount).toBe(0);
    await ctx.db.update(trainingSessions).set({ waitingCount: 7 }).where(eq(trainingSessions.id, id));
    expect(await until(async () => (await item(bob, id))!.waitingCount === 7)).toBe(true);

    await ctx.db.update(trainings).set({ title: 'Accueil vélo et randonnée' }).where(eq(trainings.id, trainingId));
    expect(await until(async () => (await item(bob, id))!.title === 'Accueil vélo et randonnée')).toBe(true);

    const [office] = await ctx.db.select({ name: offices.name }).from(offices).where(eq(offices.id, 'bit-le-vigan'));
    await ctx.db.update(offices).set({ name: `${office!.name} (rénové)` }).where(eq(offices.id, 'bit-le-vigan'));
    expect(await until(async () => (await item(bob, id))!.place.officeName === `${office!.name} (rénové)`)).toBe(true);
    await ctx.db.update(offices).set({ name: office!.name }).where(eq(offices.id, 'bit-le-vigan'));
  });

  it('a staff edit through the api (cancelling a session) shows at the next request', async () => {
    const id = sessionIds[2]!;
    expect(await item(bob, id)).toBeDefined();
    const res = await (await injectAs(ctx, staff))({ method: 'POST', url: `/api/trainings/sessions/${id}/cancel`, payload: { reason: 'Formatrice malade' } });
    expect(res.statusCode).toBe(200);
    expect(await item(bob, id)).toBeUndefined();
  });

  it('drops a session from the list when it ends, with no write to tell', async () => {
    const soon = await makeSession(ctx, trainingId, staff.id, { startsInDays: 3 });
    const endsAt = new Date(Date.now() + 3_000);
    await ctx.db.execute(sql`update ${trainingSessions} set starts_at = now() - interval '1 hour', ends_at = ${endsAt.toISOString()}::timestamptz where id = ${soon}`);
    await ctx.db.update(trainingSlots).set({ startsAt: new Date(Date.now() - 3_600_000), endsAt }).where(eq(trainingSlots.sessionId, soon));
    expect(await until(async () => (await item(bob, soon)) !== undefined, 2_500)).toBe(true); // cached with it
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt.getTime() - Date.now() + 50)));
    expect(await item(bob, soon)).toBeUndefined();
  });

  it('serves many readers at once with one answer per reader', async () => {
    const readers = await Promise.all(Array.from({ length: 8 }, () => createUser(ctx, 'partner')));
    const id = await makeSession(ctx, trainingId, staff.id, { startsInDays: 4 });
    await (await injectAs(ctx, readers[0]!))({ method: 'POST', url: `/api/trainings/sessions/${id}/registrations`, payload: {} });
    const pages = await Promise.all(readers.map(async (r) => (await item(r, id))!));
    expect(pages.map((p) => p.myRegistration?.status ?? null)).toEqual(['confirmed', ...readers.slice(1).map(() => null)]);
    expect(new Set(pages.map((p) => p.seatsLeft)).size).toBe(1);
  });
});
