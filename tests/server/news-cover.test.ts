import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { multipart } from '../helpers/documents';

/**
 * The cover image of a news post goes through a real multipart upload (the
 * browser journey found every upload refused with 415 when the route did not
 * declare its multipart body): resized by sharp, served with its audience.
 */

let ctx: TestContext;
let asStaff: Injector;
let asCamper: Injector;
let asCook: Injector;

const partners = { kind: 'partners', categories: [], subcategories: ['camping'], communes: [], communautes: [], offices: [] };

beforeAll(async () => {
  ctx = await createTestApp();
  asStaff = await injectAs(ctx, await createUser(ctx, 'staff'));
  const camping = await createEstablishment(ctx, { name: 'Camping des Chênes', category: 'hebergement', subcategory: 'camping' });
  const restaurant = await createEstablishment(ctx, { name: 'Restaurant du Pont', category: 'restauration', subcategory: null });
  asCamper = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: camping.id }));
  asCook = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: restaurant.id }));
});
afterAll(async () => ctx?.close());

async function campsitePost(): Promise<string> {
  const res = await asStaff({ method: 'POST', url: '/api/news/posts', payload: { title: 'Salon des campings', summary: '', bodyHtml: '<p>Stand du réseau</p>', categoryId: 'evenements', audience: partners, status: 'published' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('news cover image', () => {
  it('a real multipart upload is resized and served to the post\'s audience only', async () => {
    const id = await campsitePost();
    const png = await sharp({ create: { width: 2400, height: 1350, channels: 3, background: { r: 60, g: 110, b: 70 } } }).png().toBuffer();
    const body = multipart([{ name: 'alt', value: 'Le stand du réseau au salon' }, { name: 'file', filename: 'salon.png', contentType: 'image/png', data: png }]);
    const res = await asStaff({ method: 'POST', url: `/api/news/posts/${id}/cover`, ...body });
    expect(res.statusCode, res.body).toBe(200);
    const cover = res.json().cover as { alt: string; width: number; height: number };
    expect(cover.alt).toBe('Le stand du réseau au salon');
    expect(cover.width).toBeLessThan(2400);
    expect(cover.width / cover.height).toBeCloseTo(2400 / 1350, 1);

    const served = await asCamper({ method: 'GET', url: `/api/news/posts/${id}/cover` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toMatch(/^image\/webp/);
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(cover.width);

    expect((await asCook({ method: 'GET', url: `/api/news/posts/${id}/cover` })).statusCode).toBe(404);
  });

  it('refuses a file that is not an image, and keeps the post without a cover', async () => {
    const id = await campsitePost();
    const body = multipart([{ name: 'alt', value: 'Texte' }, { name: 'file', filename: 'salon.png', contentType: 'image/png', data: Buffer.from('pas une image, du texte') }]);
    const res = await asStaff({ method: 'POST', url: `/api/news/posts/${id}/cover`, ...body });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().detail).toBeTruthy();
    expect((await asStaff({ method: 'GET', url: `/api/news/posts/${id}` })).json().cover).toBeNull();
  });
});
