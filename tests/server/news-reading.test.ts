import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { Database } from '../../db/client';
import { readShares } from '../../db/queries/news/feed';
import { postThroughApi } from '../helpers/news-participation';
import { createEstablishment, createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { parseIcs } from '../helpers/trainings';
import { audienceOf, CAMPSITES } from '../helpers/audience';

/**
 * Reading the news, beyond the feed: news events in the personal calendar
 * feed (audience applied, stable UIDs), and the staff's read share of a page
 * of posts counted in one query whatever the number of posts.
 */

let ctx: TestContext;
let staff: TestUser;
let camper: TestUser;
let cook: TestUser;
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { name: 'Camping du Mas', category: 'hebergement', subcategory: 'camping' });
  const restaurant = await createEstablishment(ctx, { name: 'Auberge du Pont', category: 'restauration', subcategory: 'restaurant' });
  camper = await createUser(ctx, 'partner', { establishmentId: camping.id });
  cook = await createUser(ctx, 'partner', { establishmentId: restaurant.id });
});
afterAll(() => ctx?.close());

const post = (body: Record<string, unknown>) => postThroughApi(ctx, staff, { categoryId: 'evenements', ...body });

async function feedOf(user: TestUser) {
  const as = await injectAs(ctx, user);
  const { url } = (await as({ method: 'POST', url: '/api/trainings/me/calendar-feed' })).json();
  const res = await (await injectAs(ctx, null))({ method: 'GET', url: new URL(url).pathname });
  expect(res.statusCode).toBe(200);
  return parseIcs(res.body);
}

describe('news in the personal calendar feed', () => {
  it('a campsite partner’s feed has the campsites’ event, a restaurant partner’s does not; UIDs stay, SEQUENCE grows', async () => {
    const forCampsites = await post({
      title: 'Réunion des campings', audience: CAMPSITES,
      event: { start: soon(12), end: soon(12.1), place: { kind: 'office', officeId: 'bit-le-vigan' } },
    });
    const forAll = await post({ title: 'Salon du randonneur', event: { start: soon(20), place: { kind: 'online', onlineUrl: 'https://visio.example.org/salon' } } });
    const draft = await post({ title: 'Brouillon d’événement', status: 'draft', event: { start: soon(5) } });
    const expired = await post({ title: 'Annonce expirée', expiresAt: new Date(Date.now() + 1500).toISOString(), event: { start: soon(6) } });
    await new Promise((r) => setTimeout(r, 2000)); // the post has expired
    const uid = (id: string) => `news-${id}-0@espace-pro.sud-cevennes`;

    const camperCal = await feedOf(camper);
    const camperUids = camperCal.events.map((e) => e.uid);
    expect(camperUids).toEqual(expect.arrayContaining([uid(forCampsites), uid(forAll)]));
    expect(camperUids).not.toContain(uid(draft));
    expect(camperUids).not.toContain(uid(expired));
    expect(camperCal.events.find((e) => e.uid === uid(forCampsites))!.location).toContain('Vigan');

    const cookUids = (await feedOf(cook)).events.map((e) => e.uid);
    expect(cookUids).toContain(uid(forAll));
    expect(cookUids).not.toContain(uid(forCampsites));

    // Moving the event keeps its UID with a higher SEQUENCE.
    const moved = await (await injectAs(ctx, staff))({ method: 'PATCH', url: `/api/news/posts/${forCampsites}`, payload: { event: { start: soon(13), place: { kind: 'office', officeId: 'bit-ganges' } } } });
    expect(moved.statusCode, moved.body).toBe(200);
    const again = (await feedOf(camper)).events.find((e) => e.uid === uid(forCampsites));
    expect(again).toMatchObject({ sequence: 1 });
  });
});

describe('feed totals kept in memory', () => {
  it('a new post, a read mark and a withdrawn post show in the next feed’s totals', async () => {
    const as = await injectAs(ctx, cook);
    const feed = async () => (await as({ method: 'GET', url: '/api/news/feed' })).json() as { total: number; unreadCount: number };
    const before = await feed();
    await feed(); // served from memory now
    const id = await post({ title: 'Nouveau guide des producteurs' });
    const added = await feed();
    expect(added).toMatchObject({ total: before.total + 1, unreadCount: before.unreadCount + 1 });
    expect((await as({ method: 'GET', url: `/api/news/posts/${id}` })).statusCode).toBe(200);
    expect(await feed()).toMatchObject({ total: before.total + 1, unreadCount: before.unreadCount });
    const withdrawn = await (await injectAs(ctx, staff))({ method: 'PATCH', url: `/api/news/posts/${id}`, payload: { status: 'draft' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await feed()).toMatchObject({ total: before.total, unreadCount: before.unreadCount });
  });
});

describe('staff read share', () => {
  it('counts readers and audience of every post of a page in one query', async () => {
    const ids = [
      await post({ title: 'Pour tous' }),
      await post({ title: 'Pour les campings', audience: CAMPSITES }),
      await post({ title: 'Pour l’équipe', audience: audienceOf('staff') }),
    ];
    // The camper opens the first two; the cook the first.
    for (const [user, read] of [[camper, ids.slice(0, 2)], [cook, ids.slice(0, 1)]] as const) {
      const as = await injectAs(ctx, user);
      for (const id of read) expect((await as({ method: 'GET', url: `/api/news/posts/${id}` })).statusCode).toBe(200);
    }
    const client = postgres(ctx.database.url, { max: 1, onnotice: () => {} });
    let queries = 0;
    const counted = drizzle(client, { schema, logger: { logQuery: () => void queries++ } }) as unknown as Database;
    try {
      const shares = await readShares(counted, ids);
      expect(queries).toBe(1);
      const active = (await ctx.db.select({ role: schema.users.role, status: schema.users.status }).from(schema.users)).filter((u) => u.status === 'active');
      const people = active.filter((u) => u.role !== 'partner').length;
      // Everyone: all active people (the two partners and staff); campsites: the camper only; staff only: staff and admins.
      expect(shares.get(ids[0]!)).toEqual({ readers: 2, audienceSize: active.length });
      expect(shares.get(ids[1]!)).toEqual({ readers: 1, audienceSize: 1 });
      expect(shares.get(ids[2]!)).toEqual({ readers: 0, audienceSize: people });
    } finally {
      await client.end();
    }
    // The staff list shows them.
    const list = (await (await injectAs(ctx, staff))({ method: 'GET', url: '/api/news/posts?pageSize=50' })).json();
    expect(list.items.find((p: { id: string }) => p.id === ids[1]).readShare).toMatchObject({ readers: 1, audienceSize: 1 });
  });
});
