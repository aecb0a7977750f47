import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { multipart } from '../helpers/documents';
import { SHEET_BODY } from '../helpers/news-participation';

/**
 * Photos of experience sheets through a real multipart upload: resized to
 * WebP like post covers (the same code), alt text required with a French
 * message, six at most, served only to who may read the sheet (its
 * establishment and staff while in review, everyone once published), and a
 * removed photo's stored file removed with it.
 */

let ctx: TestContext;
let asStaff: Injector;
let asPartner: Injector;
let asStranger: Injector;
const fr = { 'accept-language': 'fr-FR' };

beforeAll(async () => {
  ctx = await createTestApp();
  asStaff = await injectAs(ctx, await createUser(ctx, 'staff'));
  const camping = await createEstablishment(ctx, { name: 'Camping des Chênes', category: 'hebergement', subcategory: 'camping' });
  asPartner = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: camping.id }));
  asStranger = await injectAs(ctx, await createUser(ctx, 'partner'));
});
afterAll(async () => ctx?.close());

const png = (width = 2400, height = 1600) => sharp({ create: { width, height, channels: 3, background: { r: 180, g: 120, b: 40 } } }).png().toBuffer();

async function newSheet(): Promise<string> {
  const res = await asPartner({ method: 'POST', url: '/api/news/sheets', payload: SHEET_BODY });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function upload(as: Injector, sheetId: string, alt: string | null, data: Buffer) {
  const parts = [...(alt === null ? [] : [{ name: 'alt', value: alt }]), { name: 'file', filename: 'velos.png', contentType: 'image/png', data }];
  const body = multipart(parts);
  return as({ method: 'POST', url: `/api/news/sheets/${sheetId}/photos`, payload: body.payload, headers: { ...body.headers, ...fr } });
}

const stored = async (prefix = 'news-sheet-photos/') => {
  const keys: string[] = [];
  for await (const o of ctx.app.storage.list(prefix)) keys.push(o.key);
  return keys;
};

describe('experience sheet photos', () => {
  it('a real multipart upload is resized to WebP and served to the establishment and staff, then to everyone once published', async () => {
    const id = await newSheet();
    const res = await upload(asPartner, id, 'Les vélos devant l’accueil', await png());
    expect(res.statusCode, res.body).toBe(200);
    const [photo] = res.json().photos as { id: string; url: string; alt: string; width: number; height: number }[];
    expect(photo).toMatchObject({ alt: 'Les vélos devant l’accueil' });
    expect(photo!.width).toBeLessThan(2400);
    expect(photo!.width / photo!.height).toBeCloseTo(1.5, 1);

    for (const as of [asPartner, asStaff]) {
      const served = await as({ method: 'GET', url: photo!.url });
      expect(served.statusCode, served.body).toBe(200);
      expect(served.headers['content-type']).toMatch(/^image\/webp/);
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(photo!.width);
    }
    // In review: another partner learns nothing of it.
    expect((await asStranger({ method: 'GET', url: photo!.url })).statusCode).toBe(404);

    expect((await asStaff({ method: 'POST', url: `/api/news/sheets/${id}/review`, payload: { decision: 'publish' } })).statusCode).toBe(200);
    expect((await asStranger({ method: 'GET', url: photo!.url })).statusCode).toBe(200);
    // Published: no longer the partner's to change.
    expect((await upload(asPartner, id, 'Une autre', await png(400, 300))).statusCode).toBe(409);
    expect((await asPartner({ method: 'DELETE', url: photo!.url })).statusCode).toBe(409);
  });

  it('requires alt text, in French; refuses a non-image; leaves no file behind either way', async () => {
    const id = await newSheet();
    const before = await stored();
    const noAlt = await upload(asPartner, id, null, await png(400, 300));
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.json().detail).toMatch(/texte alternatif/);
    expect(noAlt.json().errors).toEqual([expect.objectContaining({ field: 'alt' })]);
    const blank = await upload(asPartner, id, '   ', await png(400, 300));
    expect(blank.statusCode).toBe(400);

    const text = await upload(asPartner, id, 'Texte', Buffer.from('pas une image, du texte'));
    expect(text.statusCode).toBe(415);
    expect(text.json().detail).toMatch(/JPEG, PNG et WebP/);

    expect((await asPartner({ method: 'GET', url: `/api/news/sheets/${id}` })).json().photos).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('only the sheet\'s establishment adds photos, six at most', async () => {
    const id = await newSheet();
    expect((await upload(asStranger, id, 'Intrus', await png(400, 300))).statusCode).toBe(404);
    expect((await upload(asStaff, id, 'Équipe', await png(400, 300))).statusCode).toBe(403);
    const small = await png(400, 300);
    for (let i = 0; i < 6; i++) expect((await upload(asPartner, id, `Photo ${i + 1}`, small)).statusCode).toBe(200);
    const seventh = await upload(asPartner, id, 'Photo 7', small);
    expect(seventh.statusCode).toBe(409);
    expect(seventh.json().detail).toBe('Six photos au plus par retour d’expérience.');
    expect((await asPartner({ method: 'GET', url: `/api/news/sheets/${id}` })).json().photos).toHaveLength(6);
  });

  it('removing a photo removes its stored file; staff may remove one from a published sheet', async () => {
    const id = await newSheet();
    const first = (await upload(asPartner, id, 'Première', await png(400, 300))).json().photos[0] as { id: string; url: string };
    const second = (await upload(asPartner, id, 'Seconde', await png(400, 300))).json().photos[1] as { id: string; url: string };
    const keyOf = async (photoId: string) => (await stored()).find((k) => k.endsWith(photoId));
    expect(await keyOf(first.id)).toBeTruthy();

    expect((await asStranger({ method: 'DELETE', url: first.url })).statusCode).toBe(404);
    expect((await asPartner({ method: 'DELETE', url: first.url })).statusCode).toBe(204);
    expect(await keyOf(first.id)).toBeUndefined();
    expect((await asPartner({ method: 'GET', url: first.url })).statusCode).toBe(404);
    expect((await asPartner({ method: 'DELETE', url: first.url })).statusCode).toBe(404);

    expect((await asStaff({ method: 'POST', url: `/api/news/sheets/${id}/review`, payload: { decision: 'publish' } })).statusCode).toBe(200);
    expect((await asStaff({ method: 'DELETE', url: second.url })).statusCode).toBe(204);
    expect(await keyOf(second.id)).toBeUndefined();
    expect((await asStranger({ method: 'GET', url: `/api/news/sheets/${id}` })).json().photos).toEqual([]);
  });
});
