import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFolders } from '../../db/schema';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { pdfWith, uploadForm } from '../helpers/documents';
import { closeWithStorage } from '../helpers/documents-app';
import { audienceOf, CAMPSITES, EVERYONE } from '../helpers/audience';

/**
 * Folder management (rename, move, delete) on the real PostgreSQL: staff
 * only, no cycle when moving (even two moves at once), names unique per
 * parent, and only empty folders deleted, with the reason said otherwise.
 * Also the library's tag and file-type filters.
 */


let ctx: TestContext;
let asStaff: Injector;
let asAdmin: Injector;
let asCampsite: Injector;
let asRestaurant: Injector;

async function folder(name: string, parentId: string | null = null, audience: unknown = EVERYONE): Promise<string> {
  const res = await asStaff({ method: 'POST', url: '/api/documents/folders', payload: { name, parentId, audience } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const patch = (inject: Injector, id: string, payload: Record<string, unknown>) => inject({ method: 'PATCH', url: `/api/documents/folders/${id}`, payload });
const remove = (inject: Injector, id: string) => inject({ method: 'DELETE', url: `/api/documents/folders/${id}` });
const parentOf = async (id: string) => (await ctx.db.select({ p: documentFolders.parentId }).from(documentFolders).where(eq(documentFolders.id, id)))[0]?.p;

beforeAll(async () => {
  ctx = await createTestApp();
  const staff = await createUser(ctx, 'staff');
  const admin = await createUser(ctx, 'admin');
  const camping = await createEstablishment(ctx, { category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
  const resto = await createEstablishment(ctx, { category: 'restauration', subcategory: 'restaurant', communeInsee: '34111' });
  const campsite = await createUser(ctx, 'partner', { establishmentId: camping.id });
  const restaurant = await createUser(ctx, 'partner', { establishmentId: resto.id });
  [asStaff, asAdmin, asCampsite, asRestaurant] = await Promise.all([injectAs(ctx, staff), injectAs(ctx, admin), injectAs(ctx, campsite), injectAs(ctx, restaurant)]);
});

afterAll(() => closeWithStorage(ctx));

describe('role matrix of folder management', () => {
  it('partners get 403 on rename, move and delete, and the folder is unchanged; staff and admins may', async () => {
    const id = await folder('Kit graphique');
    for (const partner of [asCampsite, asRestaurant]) {
      expect((await patch(partner, id, { name: 'Piraté' })).statusCode).toBe(403);
      expect((await patch(partner, id, { parentId: null })).statusCode).toBe(403);
      expect((await remove(partner, id)).statusCode).toBe(403);
    }
    const [row] = await ctx.db.select({ name: documentFolders.name }).from(documentFolders).where(eq(documentFolders.id, id));
    expect(row?.name).toBe('Kit graphique');
    expect((await patch(asStaff, id, { name: 'Kit graphique 2026' })).json()).toMatchObject({ id, name: 'Kit graphique 2026' });
    expect((await patch(asAdmin, id, { name: 'Kit graphique 2027' })).statusCode).toBe(200);
    expect((await remove(asAdmin, id)).statusCode).toBe(204);
  });

  it('a folder hidden from a partner by its audience is absent from their list (404-like: never listed)', async () => {
    const hidden = await folder('Réservé aux campings', null, CAMPSITES);
    const list = async (inject: Injector) => ((await inject({ method: 'GET', url: '/api/documents/folders' })).json().items as { id: string }[]).map((f) => f.id);
    expect(await list(asCampsite)).toContain(hidden);
    expect(await list(asRestaurant)).not.toContain(hidden);
    // A partner asking to change it hears 403 (staff-only route) before anything about the folder.
    expect((await patch(asRestaurant, hidden, { name: 'x' })).statusCode).toBe(403);
  });

  it('anonymous callers get 401', async () => {
    const id = await folder('Anonyme');
    const anonymous = await ctx.app.inject({ method: 'DELETE', url: `/api/documents/folders/${id}` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('rename', () => {
  it('trims the name, refuses a name taken by a sibling (any case) with a French 409, and allows it elsewhere', async () => {
    const parent = await folder('Cartes');
    const a = await folder('Cartoguide', parent);
    await folder('Plans', parent);
    const taken = await patch(asStaff, a, { name: '  PLANS ' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toBe('Un dossier de ce nom existe déjà à cet endroit.');
    expect((await patch(asStaff, a, { name: '  Cartoguide 2026 ' })).json().name).toBe('Cartoguide 2026');
    // Renaming a folder to its own name (another case) is not a clash with itself.
    expect((await patch(asStaff, a, { name: 'cartoguide 2026' })).statusCode).toBe(200);
  });

  it('validates the body: unknown fields, an empty body, a blank name and a bad audience are refused with 400', async () => {
    const id = await folder('Validation');
    expect((await patch(asStaff, id, {})).statusCode).toBe(400);
    expect((await patch(asStaff, id, { name: 'x', colour: 'red' })).statusCode).toBe(400);
    expect((await patch(asStaff, id, { name: '' })).statusCode).toBe(400);
    expect((await patch(asStaff, id, { name: 'x'.repeat(121) })).statusCode).toBe(400);
    const badAudience = await patch(asStaff, id, { audience: audienceOf('partners', { communes: ['99999'] }) });
    expect(badAudience.statusCode).toBe(400);
    expect((await patch(asStaff, '00000000-0000-4000-8000-000000000000', { name: 'Fantôme' })).statusCode).toBe(404);
  });

  it('changes who sees the folder', async () => {
    const id = await folder('Bientôt restreint');
    const res = await patch(asStaff, id, { audience: CAMPSITES });
    expect(res.json().audience).toEqual(CAMPSITES);
    const seen = ((await asRestaurant({ method: 'GET', url: '/api/documents/folders' })).json().items as { id: string }[]).map((f) => f.id);
    expect(seen).not.toContain(id);
  });
});

describe('move', () => {
  it('moves a folder under another and back to the root', async () => {
    const a = await folder('Photothèque');
    const b = await folder('Archives');
    expect((await patch(asStaff, a, { parentId: b })).json().parentId).toBe(b);
    expect(await parentOf(a)).toBe(b);
    expect((await patch(asStaff, a, { parentId: null })).json().parentId).toBeNull();
  });

  it('refuses a move into itself or one of its own sub-folders (409, French), leaving the tree as it was', async () => {
    const top = await folder('Observatoire');
    const mid = await folder('2025', top);
    const leaf = await folder('Fréquentation', mid);
    for (const target of [top, mid, leaf]) {
      const res = await patch(asStaff, top, { parentId: target });
      expect(res.statusCode, target).toBe(409);
      expect(res.json().detail).toBe('Un dossier ne peut pas être placé dans l’un de ses sous-dossiers.');
    }
    expect(await parentOf(top)).toBeNull();
    expect(await parentOf(mid)).toBe(top);
  });

  it('two opposite moves at once cannot make a cycle: one of them is refused', async () => {
    const x = await folder('Croisement X');
    const y = await folder('Croisement Y');
    const [a, b] = await Promise.all([patch(asStaff, x, { parentId: y }), patch(asStaff, y, { parentId: x })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const parents = [await parentOf(x), await parentOf(y)];
    expect(parents.filter((p) => p !== null)).toHaveLength(1);
  });

  it('refuses a missing parent (404) and a name already used in the new parent (409)', async () => {
    const a = await folder('Taxe de séjour');
    expect((await patch(asStaff, a, { parentId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const dest = await folder('Réglementation');
    await folder('Taxe de séjour', dest);
    expect((await patch(asStaff, a, { parentId: dest })).statusCode).toBe(409);
    expect(await parentOf(a)).toBeNull();
  });
});

describe('delete', () => {
  it('deletes an empty folder (204, then 404)', async () => {
    const id = await folder('Vide');
    expect((await remove(asStaff, id)).statusCode).toBe(204);
    expect((await remove(asStaff, id)).statusCode).toBe(404);
  });

  it('refuses a folder with a sub-folder or a document, saying why (409), and keeps everything', async () => {
    const withChild = await folder('Parent');
    const child = await folder('Enfant', withChild);
    const res = await remove(asStaff, withChild);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Ce dossier contient encore des documents ou des sous-dossiers.');
    expect(await parentOf(child)).toBe(withChild);

    const withDoc = await folder('Avec document');
    const form = uploadForm({ title: 'Rapport', folderId: withDoc }, { filename: 'rapport.pdf', data: await pdfWith(['Rapport annuel']) });
    expect((await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers })).statusCode).toBe(201);
    expect((await remove(asStaff, withDoc)).statusCode).toBe(409);
    expect(await ctx.db.$count(documentFolders, eq(documentFolders.id, withDoc))).toBe(1);
  });
});

describe('library filters: tag and file type', () => {
  it('finds documents by a tag (any case) and by the kind of their file', async () => {
    const pdfForm = uploadForm({ title: 'Charte graphique', tags: ['Logo', 'marque'], status: 'published', audience: EVERYONE }, { filename: 'charte.pdf', data: await pdfWith(['Charte']) });
    const pdfRes = await asStaff({ method: 'POST', url: '/api/documents', payload: pdfForm.payload, headers: pdfForm.headers });
    const csvForm = uploadForm({ title: 'Fréquentation', tags: ['chiffres'], status: 'published', audience: EVERYONE }, { filename: 'frequentation.csv', data: Buffer.from('mois;visiteurs\njuillet;1200\n') });
    const csvRes = await asStaff({ method: 'POST', url: '/api/documents', payload: csvForm.payload, headers: csvForm.headers });
    const pdfId = pdfRes.json().document.id;
    const csvId = csvRes.json().document.id;
    const ids = async (query: Record<string, string>) => ((await asCampsite({ method: 'GET', url: '/api/documents', query })).json().items as { id: string }[]).map((d) => d.id);
    expect(await ids({ tag: 'logo' })).toEqual([pdfId]);
    expect(await ids({ type: 'text' })).toContain(csvId);
    expect(await ids({ type: 'text' })).not.toContain(pdfId);
    expect(await ids({ type: 'pdf', tag: 'chiffres' })).toEqual([]);
    expect((await asCampsite({ method: 'GET', url: '/api/documents', query: { type: 'exe' } })).statusCode).toBe(400);
  });
});

describe('preview reads', () => {
  it('a preview (?preview=true) is served like a download but not counted; a download is, by category, version and day; the audience applies to both', async () => {
    const form = uploadForm({ title: 'Plan des sentiers', status: 'published', audience: CAMPSITES }, { filename: 'plan.pdf', data: await pdfWith(['Plan des sentiers']) });
    const id = (await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers })).json().document.id;
    const counts = async () => (await asStaff({ method: 'GET', url: `/api/documents/${id}` })).json().downloads;
    const preview = await asCampsite({ method: 'GET', url: `/api/documents/${id}/download`, query: { preview: 'true' } });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    expect(await counts()).toEqual([]);
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${id}/download` })).statusCode).toBe(200);
    expect(await counts()).toEqual([{ category: 'hebergement', count: 1 }]);
    // Also by version and by day (Paris) for staff; partners see no counts at all.
    const detail = (await asStaff({ method: 'GET', url: `/api/documents/${id}` })).json();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect(detail.downloadsByVersion).toEqual([{ versionId: detail.document.currentVersion.id, count: 1 }]);
    expect(detail.downloadsByDay).toEqual([{ day: today, count: 1 }]);
    const partnerView = (await asCampsite({ method: 'GET', url: `/api/documents/${id}` })).json();
    expect(Object.keys(partnerView)).toEqual(['document']);
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/${id}/download`, query: { preview: 'true' } })).statusCode).toBe(404);
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${id}/download`, query: { preview: 'maybe' } })).statusCode).toBe(400);
  });
});
