import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { NewsFeed } from '../../server/schemas/news';
import { postThroughApi } from '../helpers/news-participation';
import { createEstablishment, createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { audienceOf, CAMPSITES } from '../helpers/audience';

/**
 * Partners' audience viewers kept in memory per establishment
 * (server/services/audience-viewer.ts): a change to what the viewer is made
 * of shows at the next read of the feed, through the triggers of migration
 * 0038_audience_viewer_notify.
 */

let ctx: TestContext;
let staff: TestUser;
let camper: TestUser;
let establishmentId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { name: 'Camping du Mas', category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
  establishmentId = camping.id;
  camper = await createUser(ctx, 'partner', { establishmentId });
});
afterAll(() => ctx?.close());

const post = (body: Record<string, unknown>) => postThroughApi(ctx, staff, { categoryId: 'evenements', ...body });

async function feedIds(user: TestUser): Promise<string[]> {
  const res = await (await injectAs(ctx, user))({ method: 'GET', url: '/api/news/feed' });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as NewsFeed).items.map((i) => i.id);
}

describe('audience viewers kept in memory', () => {
  it('follow an establishment changing sub-category: a campsites’ post leaves its feed at once', async () => {
    const forCampsites = await post({ title: 'Réunion des campings', audience: CAMPSITES });
    expect(await feedIds(camper)).toContain(forCampsites);
    expect(await feedIds(camper)).toContain(forCampsites); // from memory

    await ctx.db.execute(sql`update establishments set subcategory = 'hotel' where id = ${establishmentId}`);
    expect(await feedIds(camper)).not.toContain(forCampsites);

    await ctx.db.execute(sql`update establishments set subcategory = 'camping' where id = ${establishmentId}`);
    expect(await feedIds(camper)).toContain(forCampsites);
  });

  it('follow a commune moving to another communauté: a communauté’s post leaves its partners’ feed at once', async () => {
    const forPv = await post({ title: 'Rencontre du Pays viganais', audience: audienceOf('partners', { communautes: ['pv'] }) });
    expect(await feedIds(camper)).toContain(forPv);
    expect(await feedIds(camper)).toContain(forPv);
    try {
      await ctx.db.execute(sql`update communes set communaute_id = 'cac' where insee_code = '30350'`);
      expect(await feedIds(camper)).not.toContain(forPv);
    } finally {
      await ctx.db.execute(sql`update communes set communaute_id = 'pv' where insee_code = '30350'`);
    }
    expect(await feedIds(camper)).toContain(forPv);
  });

  it('are served from memory (the check is not vacuous): without the trigger, a change stays unseen', async () => {
    const forCampsites = await post({ title: 'Campings : la saison', audience: CAMPSITES });
    expect(await feedIds(camper)).toContain(forCampsites);
    await ctx.db.execute(sql`alter table establishments disable trigger establishments_audience_viewer_notify`);
    try {
      await ctx.db.execute(sql`update establishments set subcategory = 'hotel' where id = ${establishmentId}`);
      expect(await feedIds(camper)).toContain(forCampsites);
    } finally {
      await ctx.db.execute(sql`alter table establishments enable trigger establishments_audience_viewer_notify`);
      await ctx.db.execute(sql`update establishments set subcategory = 'camping' where id = ${establishmentId}`);
    }
  });
});
