import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadAudienceViewer } from '../../db/queries/audience';
import { feedPage, feedReadCount, feedTotalQuery } from '../../db/queries/news/feed';
import { toPostListItem } from '../../server/services/news/mapping';
import type { NewsFeed } from '../../server/schemas/news';
import { postThroughApi } from '../helpers/news-participation';
import { createEstablishment, createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { CAMPSITES } from '../helpers/audience';

/**
 * The feed's pages kept in memory (server/services/news/feed-pages.ts) hold
 * the same as the query read at each request: for partners of different
 * audiences, after a comment, when a post goes live, expires or stops being
 * pinned by itself (time bounds), and after a read mark, which changes that
 * reader's marks and unread count only (another reader's count stays in
 * memory) and leaves the shared page in memory.
 */

let ctx: TestContext;
let staff: TestUser;
let camper: TestUser;
let camper2: TestUser;
let cook: TestUser;
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { name: 'Camping du Mas', category: 'hebergement', subcategory: 'camping' });
  const camping2 = await createEstablishment(ctx, { name: 'Camping des Pins', category: 'hebergement', subcategory: 'camping' });
  const restaurant = await createEstablishment(ctx, { name: 'Auberge du Pont', category: 'restauration', subcategory: 'restaurant' });
  camper = await createUser(ctx, 'partner', { establishmentId: camping.id });
  camper2 = await createUser(ctx, 'partner', { establishmentId: camping2.id });
  cook = await createUser(ctx, 'partner', { establishmentId: restaurant.id });
  for (let i = 0; i < 25; i++) await post({ title: `Actualité n° ${i}`, categoryId: i % 2 ? 'formations' : 'vie-du-reseau' });
});
afterAll(() => ctx?.close());

const post = (body: Record<string, unknown>) => postThroughApi(ctx, staff, { categoryId: 'evenements', ...body });

type Query = { categoryId?: string; unreadOnly?: boolean; page?: number };
const queryString = (q: Query) => new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

/** The feed through the api, read twice: the second answer comes from memory (the first loaded it). */
async function cached(user: TestUser, q: Query = {}): Promise<NewsFeed> {
  const as = await injectAs(ctx, user);
  const read = async () => {
    const res = await as({ method: 'GET', url: `/api/news/feed?${queryString(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NewsFeed;
  };
  const first = await read();
  const second = await read();
  expect(second).toEqual(first);
  return second;
}

/** The same feed from the queries, nothing kept in memory. */
async function uncached(user: TestUser, q: Query = {}): Promise<NewsFeed> {
  const viewer = await loadAudienceViewer(ctx.db, { role: 'partner', establishmentId: user.establishmentId });
  const page = q.page ?? 1;
  const { items } = await feedPage(ctx.db, { viewer, userId: user.id, categoryId: q.categoryId, unreadOnly: q.unreadOnly, page, pageSize: 20 });
  const [totals] = await feedTotalQuery(ctx.db, viewer, q.categoryId);
  const unread = totals!.total - (await feedReadCount(ctx.db, viewer, user.id, q.categoryId));
  return JSON.parse(JSON.stringify({ items: items.map((r) => toPostListItem(r)), total: q.unreadOnly ? unread : totals!.total, page, pageSize: 20, unreadCount: unread }));
}

async function expectSame(user: TestUser, q: Query = {}): Promise<NewsFeed> {
  const feed = await cached(user, q);
  expect(feed).toEqual(await uncached(user, q));
  return feed;
}

const ids = (feed: NewsFeed) => feed.items.map((i) => i.id);

describe('feed pages kept in memory', () => {
  it('equal the query for partners of different audiences: a campsites’ post is not in a restaurant’s feed', async () => {
    const forCampsites = await post({ title: 'Réunion des campings', audience: CAMPSITES });
    for (const user of [camper, camper2, cook]) {
      for (const q of [{}, { page: 2 }, { categoryId: 'formations' }, { unreadOnly: true }]) await expectSame(user, q);
    }
    expect(ids(await cached(camper))).toContain(forCampsites);
    expect(ids(await cached(cook))).not.toContain(forCampsites);
  });

  it('show a new comment in the post’s count at the next read', async () => {
    const id = await post({ title: 'Venez commenter' });
    const before = (await expectSame(cook)).items.find((i) => i.id === id)!;
    const res = await (await injectAs(ctx, camper))({ method: 'POST', url: `/api/news/posts/${id}/comments`, payload: { body: 'Très utile, merci !' } });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await expectSame(cook)).items.find((i) => i.id === id)!;
    expect(after.commentCount).toBe(before.commentCount + 1);
  });

  it('follow a post going live, expiring and its pin ending by themselves (time bounds)', async () => {
    const scheduled = await post({ title: 'Bientôt en ligne', publishAt: inMs(1500) });
    const expiring = await post({ title: 'Bientôt retirée', expiresAt: inMs(1500) });
    const pinned = await post({ title: 'Épinglée un instant', pinnedUntil: inMs(1500) });
    const now = await expectSame(camper);
    expect(ids(now)).not.toContain(scheduled);
    expect(ids(now)).toContain(expiring);
    expect(now.items[0]).toMatchObject({ id: pinned, pinned: true });
    await sleep(2000);
    const later = await expectSame(camper);
    expect(later.items[0]).toMatchObject({ id: scheduled, pinned: false });
    expect(ids(later)).not.toContain(expiring);
    expect(later.items.find((i) => i.id === pinned)).toMatchObject({ pinned: false });
    expect(later.total).toBe(now.total);
  });

  it('take a read mark for that reader only, without emptying the shared page', async () => {
    const id = await post({ title: 'À lire' });
    const mine = await expectSame(camper);
    const theirs = await expectSame(camper2);
    expect(mine.items.find((i) => i.id === id)).toMatchObject({ unread: true });
    // A change no trigger reports (replica mode skips triggers): it shows only once the page is loaded again.
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update news_posts set title = 'Titre changé en silence' where id = ${id}`);
    });
    expect((await (await injectAs(ctx, camper))({ method: 'GET', url: `/api/news/posts/${id}` })).statusCode).toBe(200);
    const read = await cached(camper);
    expect(read.items.find((i) => i.id === id)).toMatchObject({ unread: false, title: 'À lire' });
    expect(read.unreadCount).toBe(mine.unreadCount - 1);
    expect(read.total).toBe(mine.total);
    const other = await cached(camper2);
    expect(other).toEqual(theirs);
    expect((await cached(camper, { unreadOnly: true })).items.map((i) => i.id)).not.toContain(id);
    // A mark of camper2's that no trigger reports stays unseen in their count while camper reads: camper's mark drops camper's count only.
    const silent = await post({ title: 'Lue en silence' });
    const counted = await cached(camper2);
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`insert into news_reads (user_id, post_id) values (${camper2.id}, ${silent})`);
    });
    const next = (await cached(camper)).items.find((i) => i.unread && i.id !== silent)!;
    expect((await (await injectAs(ctx, camper))({ method: 'GET', url: `/api/news/posts/${next.id}` })).statusCode).toBe(200);
    expect((await cached(camper2)).unreadCount).toBe(counted.unreadCount);
    expect((await (await injectAs(ctx, camper2))({ method: 'GET', url: `/api/news/posts/${next.id}` })).statusCode).toBe(200);
    expect((await cached(camper2)).unreadCount).toBe(counted.unreadCount - 2);
    // The reader's view otherwise equals the query once the page is loaded again (any post write empties it).
    await post({ title: 'Une de plus' });
    await expectSame(camper);
    await expectSame(camper, { unreadOnly: true });
    await expectSame(camper2);
  });
});
