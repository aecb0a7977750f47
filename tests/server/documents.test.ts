import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { documents, documentVersions, documentVisits, users } from '../../db/schema';
import { loadAudienceViewer } from '../../db/queries/audience';
import { listDocuments } from '../../db/queries/documents';
import { DocumentList, type DocumentItem } from '../../server/schemas/documents';
import { toDocument } from '../../server/services/documents';
import { accessCookieFor, createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { EXE_HEADER, pdfWith, PNG_1PX, uploadForm } from '../helpers/documents';
import { until } from '../helpers/until';
import { closeWithStorage, quietWorkerContext } from '../helpers/documents-app';
import { makeDocumentThumbnail } from '../../workers/handlers/documents/thumbnail';
import { audienceOf, CAMPSITES, EVERYONE } from '../helpers/audience';

/**
 * The documents api on the real PostgreSQL and local storage: streamed,
 * checked uploads that leave nothing behind when refused, downloads with
 * ranges and safe headers, and the audience applied to every read.
 */

const MAX = 1024 * 1024; // UPLOAD_MAX_BYTES of this file's app

let ctx: TestContext;
let staff: TestUser;
let campsite: TestUser;
let restaurant: TestUser;
let asStaff: Injector;
let asCampsite: Injector;
let asRestaurant: Injector;
let pdf: Buffer;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const filesRoot = () => join(ctx.config.dataDir, 'files');

async function storedObjects(): Promise<string[]> {
  const out: string[] = [];
  for await (const o of ctx.app.storage.list('documents/')) out.push(o.key);
  return out;
}
async function counts() {
  const [d] = await ctx.db.select({ n: count() }).from(documents);
  const [v] = await ctx.db.select({ n: count() }).from(documentVersions);
  return { documents: d!.n, versions: v!.n, objects: (await storedObjects()).length, temporary: (await readdir(join(filesRoot(), '.tmp')).catch(() => [])).length };
}

async function upload(inject: Injector, meta: Record<string, unknown> | null, file: { filename: string; data: Buffer }, url = '/api/documents') {
  const form = uploadForm(meta, file);
  return inject({ method: 'POST', url, payload: form.payload, headers: form.headers });
}

beforeAll(async () => {
  ctx = await createTestApp({ UPLOAD_MAX_BYTES: MAX });
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
  const resto = await createEstablishment(ctx, { category: 'restauration', subcategory: 'restaurant', communeInsee: '34111' });
  campsite = await createUser(ctx, 'partner', { establishmentId: camping.id });
  restaurant = await createUser(ctx, 'partner', { establishmentId: resto.id });
  [asStaff, asCampsite, asRestaurant] = await Promise.all([injectAs(ctx, staff), injectAs(ctx, campsite), injectAs(ctx, restaurant)]);
  pdf = await pdfWith(['Guide des randonnées de l’été', 'Sentiers balisés autour du Vigan']);
});

afterAll(() => closeWithStorage(ctx));

describe('uploads', () => {
  let firstId: string;

  it('staff upload a PDF: streamed to storage under a server-made name, SHA-256 and size recorded', async () => {
    const res = await upload(asStaff, { title: 'Guide des randonnées de l’été', description: 'Sentiers balisés autour du Vigan', tags: ['randonnée', 'été'], status: 'published', audience: EVERYONE }, { filename: 'guide-ete.pdf', data: pdf });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    firstId = body.document.id;
    expect(body.duplicates).toEqual([]);
    expect(body.document).toMatchObject({ title: 'Guide des randonnées de l’été', status: 'published', audience: EVERYONE, owner: { id: staff.id } });
    expect(body.document.currentVersion).toMatchObject({ number: 1, originalName: 'guide-ete.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf), textStatus: 'pending' });
    const objects = await storedObjects();
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatch(/^documents\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
  });

  it('the same file uploaded again is accepted and the earlier document pointed out', async () => {
    const res = await upload(asStaff, { title: 'Copie du guide' }, { filename: 'copie.pdf', data: pdf });
    expect(res.statusCode).toBe(201);
    expect(res.json().duplicates).toEqual([{ documentId: firstId, title: 'Guide des randonnées de l’été', versionNumber: 1 }]);
  });

  it('refuses by name and by content, in French, leaving nothing in storage or in the database', async () => {
    const before = await counts();
    const cases: [string, Buffer, number, RegExp][] = [
      ['setup.exe', EXE_HEADER, 415, /Type de fichier non accepté/],
      ['facture.pdf', EXE_HEADER, 415, /ne correspond pas à son extension/],
      ['photo.pdf', PNG_1PX, 415, /ne correspond pas/],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>'), 415, /non accepté/],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, /non accepté/],
      ['notes.txt', Buffer.from('<!DOCTYPE html><html><body>x</body></html>'), 415, /ne correspond pas/],
      ['logo.txt', Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"></svg>'), 415, /ne correspond pas/],
      ['export.csv', Buffer.from([0x6e, 0x6f, 0x6d, 0x3b, 0xe9, 0x74, 0xe9, 0x0a]), 415, /UTF-8/], // Latin-1 « été »
      ['archive.zip', Buffer.from('PK not really a zip, just text'), 415, /ne correspond pas/],
      ['vide.pdf', Buffer.alloc(0), 400, /vide/],
      ['sans-extension', pdf, 415, /non accepté/],
    ];
    for (const [filename, data, status, detail] of cases) {
      const res = await upload(asStaff, { title: filename }, { filename, data });
      expect(res.statusCode, filename).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail, filename).toMatch(detail);
    }
    expect(await counts()).toEqual(before);
  });

  it('accepts valid UTF-8 CSV and text, PNG and the like', async () => {
    for (const [filename, data, mediaType] of [
      ['adherents.csv', Buffer.from('nom;commune\nGîte de l’Été;Le Vigan\n'), 'text/csv'],
      ['lisez-moi.txt', Buffer.from('\uFEFFBonjour, ça va ?'), 'text/plain'],
      ['pixel.png', PNG_1PX, 'image/png'],
    ] as const) {
      const res = await upload(asStaff, { title: filename }, { filename, data });
      expect(res.statusCode, filename).toBe(201);
      expect(res.json().document.currentVersion.mediaType).toBe(mediaType);
    }
  });

  it('a file over UPLOAD_MAX_BYTES gets a clear French 413 and leaves nothing', async () => {
    const before = await counts();
    const big = Buffer.concat([pdf, Buffer.alloc(MAX + 10)]);
    const res = await upload(asStaff, { title: 'Trop gros' }, { filename: 'gros.pdf', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/Fichier trop volumineux/);
    expect(await counts()).toEqual(before);
  });

  it('metadata is checked before the file is stored (strict schema, known audience ids)', async () => {
    const before = await counts();
    for (const meta of [null, { title: '' }, { title: 'x', extra: true }, { title: 'x', audience: audienceOf('partners', { communes: ['75056'] }) }, { title: 'x', status: 'secret' }]) {
      const res = await upload(asStaff, meta, { filename: 'ok.pdf', data: pdf });
      expect(res.statusCode, JSON.stringify(meta)).toBe(400);
    }
    const notMultipart = await asStaff({ method: 'POST', url: '/api/documents', payload: { title: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('a name like ../../etc/passwd or with control characters is kept safely and given back on download', async () => {
    const res = await upload(asStaff, { title: 'Nom piégé', status: 'published', audience: EVERYONE }, { filename: '../../etc/pass\u0007wd\u202e.pdf', data: pdf });
    expect(res.statusCode).toBe(201);
    const { document } = res.json();
    expect(document.currentVersion.originalName).toBe('passwd.pdf');
    const dl = await asCampsite({ method: 'GET', url: `/api/documents/${document.id}/download` });
    expect(dl.headers['content-disposition']).toBe('inline; filename="passwd.pdf"');
    const accented = await upload(asStaff, { title: 'Accents', status: 'published', audience: EVERYONE }, { filename: 'Carte PASS — été 2026.pdf', data: pdf });
    const dl2 = await asCampsite({ method: 'GET', url: `/api/documents/${accented.json().document.id}/download` });
    expect(dl2.headers['content-disposition']).toMatch(/^inline; filename="Carte PASS \? .*2026\.pdf"; filename\*=UTF-8''Carte%20PASS%20%E2%80%94%20%C3%A9t%C3%A9%202026\.pdf$/);
  });

  it('an upload cut off by the client leaves nothing behind (temporary file removed)', async () => {
    const before = await counts();
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const cookie = await accessCookieFor(ctx, staff);
    const form = uploadForm({ title: 'Interrompu' }, { filename: 'long.pdf', data: Buffer.concat([pdf, Buffer.alloc(600_000)]) });
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /api/documents HTTP/1.1\r\nHost: localhost\r\nCookie: ${cookie}\r\nContent-Type: ${form.headers['content-type']}\r\nContent-Length: ${form.payload.length}\r\n\r\n`);
    socket.write(form.payload.subarray(0, 300_000));
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();
    await until(async () => (await counts()).temporary === 0, 5000);
    expect(await counts()).toEqual(before);
  });
});

describe('downloads and audience', () => {
  let publicId: string;
  let campsiteId: string;
  let draftId: string;
  let body: Buffer;

  beforeAll(async () => {
    body = await pdfWith(['Réglementation de la taxe de séjour', 'Campings classés']);
    publicId = (await upload(asStaff, { title: 'Kit de marque', status: 'published', audience: EVERYONE }, { filename: 'kit.pdf', data: body })).json().document.id;
    campsiteId = (await upload(asStaff, { title: 'Taxe de séjour des campings', status: 'published', audience: CAMPSITES, tags: ['réglementation'] }, { filename: 'taxe.pdf', data: body })).json().document.id;
    draftId = (await upload(asStaff, { title: 'Brouillon pour tous', status: 'draft', audience: EVERYONE }, { filename: 'brouillon.pdf', data: body })).json().document.id;
  });

  it('a download is access-checked, complete, inline for PDF, sandboxed, nosniff', async () => {
    const res = await asRestaurant({ method: 'GET', url: `/api/documents/${publicId}/download` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(body)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf', 'content-length': String(body.length), 'x-content-type-options': 'nosniff', 'accept-ranges': 'bytes',
      'content-disposition': 'inline; filename="kit.pdf"', etag: `"${sha(body)}"`,
    });
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('other types are attachments', async () => {
    const csv = (await upload(asStaff, { title: 'Liste', status: 'published', audience: EVERYONE }, { filename: 'liste.csv', data: Buffer.from('a;b\n') })).json().document.id;
    const res = await asCampsite({ method: 'GET', url: `/api/documents/${csv}/download` });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="liste.csv"');
  });

  it('HTTP Range: one range, a suffix, an open end; outside the file is 416', async () => {
    const url = `/api/documents/${publicId}/download`;
    const r1 = await asCampsite({ method: 'GET', url, headers: { range: 'bytes=0-9' } });
    expect(r1.statusCode).toBe(206);
    expect(r1.headers['content-range']).toBe(`bytes 0-9/${body.length}`);
    expect(r1.rawPayload.equals(body.subarray(0, 10))).toBe(true);
    const r2 = await asCampsite({ method: 'GET', url, headers: { range: 'bytes=-6' } });
    expect(r2.rawPayload.equals(body.subarray(body.length - 6))).toBe(true);
    const r3 = await asCampsite({ method: 'GET', url, headers: { range: `bytes=${body.length - 3}-` } });
    expect(r3.statusCode).toBe(206);
    expect(r3.rawPayload.equals(body.subarray(body.length - 3))).toBe(true);
    const r4 = await asCampsite({ method: 'GET', url, headers: { range: `bytes=${body.length}-` } });
    expect(r4.statusCode).toBe(416);
    expect(r4.headers['content-range']).toBe(`bytes */${body.length}`);
    const r5 = await asCampsite({ method: 'GET', url, headers: { range: 'bytes=0-1,5-6' } });
    expect(r5.statusCode).toBe(200); // several ranges: the whole file
  });

  it('a campsite partner sees the campsite document everywhere; a restaurant partner nowhere (404, not in lists)', async () => {
    for (const [inject, visible] of [[asCampsite, true], [asRestaurant, false]] as const) {
      const detail = await inject({ method: 'GET', url: `/api/documents/${campsiteId}` });
      expect(detail.statusCode).toBe(visible ? 200 : 404);
      const dl = await inject({ method: 'GET', url: `/api/documents/${campsiteId}/download` });
      expect(dl.statusCode).toBe(visible ? 200 : 404);
      const listed = (await inject({ method: 'GET', url: '/api/documents?pageSize=100' })).json().items.map((d: { id: string }) => d.id);
      expect(listed.includes(campsiteId)).toBe(visible);
      expect(listed.includes(publicId)).toBe(true);
      const found = (await inject({ method: 'GET', url: '/api/documents?q=taxe%20sejour' })).json().items.map((d: { id: string }) => d.id);
      expect(found.includes(campsiteId)).toBe(visible);
    }
  });

  it('drafts are staff-only whatever their audience; versions and counts are staff-only', async () => {
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${draftId}` })).statusCode).toBe(404);
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${draftId}/download` })).statusCode).toBe(404);
    expect((await asStaff({ method: 'GET', url: `/api/documents/${draftId}` })).statusCode).toBe(200);
    const partnerView = (await asCampsite({ method: 'GET', url: `/api/documents/${publicId}` })).json();
    expect(partnerView.versions).toBeUndefined();
    expect(partnerView.downloads).toBeUndefined();
  });

  it('new versions: current for everyone, earlier ones downloadable by staff only; counts by category, not by person', async () => {
    const v2 = Buffer.concat([body, Buffer.from('\n% v2')]);
    const res = await upload(asStaff, { changeNote: 'Tarifs 2027' }, { filename: 'kit-2027.pdf', data: v2 }, `/api/documents/${publicId}/versions`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().document.currentVersion).toMatchObject({ number: 2, changeNote: 'Tarifs 2027', originalName: 'kit-2027.pdf' });
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${publicId}/download` })).rawPayload.equals(v2)).toBe(true);
    const detail = (await asStaff({ method: 'GET', url: `/api/documents/${publicId}` })).json();
    expect(detail.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const v1 = detail.versions[1].id;
    const old = await asStaff({ method: 'GET', url: `/api/documents/${publicId}/versions/${v1}/download` });
    expect(old.rawPayload.equals(body)).toBe(true);
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${publicId}/versions/${v1}/download` })).statusCode).toBe(403);
    const byCategory = Object.fromEntries(detail.downloads.map((d: { category: string; count: number }) => [d.category, d.count]));
    expect(byCategory).toMatchObject({ hebergement: expect.any(Number), restauration: expect.any(Number) });
    expect(Object.keys(detail.downloads[0]).sort()).toEqual(['category', 'count']);
  });
});

describe('search', () => {
  it('finds accented words typed without accents, ranked, with plain-text snippets', async () => {
    const res = await asCampsite({ method: 'GET', url: '/api/documents?q=randonnee%20ete' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accentInsensitiveSearch).toBe(true);
    expect(body.items[0].title).toBe('Guide des randonnées de l’été');
    const found = await asCampsite({ method: 'GET', url: '/api/documents?q=balises' });
    const snippet = found.json().items[0].snippet;
    expect(snippet.some((s: { text: string; mark: boolean }) => s.mark && /balisés/.test(s.text))).toBe(true);
    expect((await asCampsite({ method: 'GET', url: '/api/documents?q=camping%20-randonnee' })).json().items.every((d: { title: string }) => !/randonnées/.test(d.title))).toBe(true);
  });
});

describe('staff management', () => {
  it('PATCH changes details, audience and status; partners see the change at once', async () => {
    const pdf2 = await pdfWith(['Charte graphique']);
    const id = (await upload(asStaff, { title: 'Charte', status: 'draft', audience: CAMPSITES }, { filename: 'charte.pdf', data: pdf2 })).json().document.id;
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(404);
    const res = await asStaff({ method: 'PATCH', url: `/api/documents/${id}`, payload: { status: 'published', audience: EVERYONE, title: 'Charte graphique 2027', tags: ['marque'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({ status: 'published', title: 'Charte graphique 2027', tags: ['marque'], audience: EVERYONE });
    expect(res.json().document.publishedAt).not.toBeNull();
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(200);
    expect((await asRestaurant({ method: 'GET', url: '/api/documents?q=marque' })).json().items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await asStaff({ method: 'PATCH', url: `/api/documents/${id}`, payload: {} })).statusCode).toBe(400);
    expect((await asStaff({ method: 'PATCH', url: `/api/documents/${id}`, payload: { audience: { ...CAMPSITES, offices: ['bit-paris'] } } })).statusCode).toBe(400);
  });

  it('list totals (kept in memory per viewer) follow every change at the next read', async () => {
    const total = async () => {
      const res = await asRestaurant({ method: 'GET', url: '/api/documents' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total as number;
    };
    const before = await total();
    expect(await total()).toBe(before); // the second read is served from memory
    const id = (await upload(asStaff, { title: 'Guide accueil vélo', status: 'published', audience: EVERYONE }, { filename: 'velo.pdf', data: await pdfWith(['Accueil Vélo']) })).json().document.id;
    expect(await total()).toBe(before + 1);
    expect((await asStaff({ method: 'PATCH', url: `/api/documents/${id}`, payload: { audience: CAMPSITES } })).statusCode).toBe(200);
    expect(await total()).toBe(before);
    expect((await asStaff({ method: 'PATCH', url: `/api/documents/${id}`, payload: { audience: EVERYONE } })).statusCode).toBe(200);
    expect(await total()).toBe(before + 1);
    expect((await asStaff({ method: 'DELETE', url: `/api/documents/${id}` })).statusCode).toBe(204);
    expect(await total()).toBe(before);
  });

  it('pages kept in memory: the same JSON as the schema gives, and a change to a document or its owner\'s name shows at the next read', async () => {
    const page = async () => {
      const res = await asRestaurant({ method: 'GET', url: '/api/documents?pageSize=5' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      return res.json() as { items: DocumentItem[]; total: number };
    };
    const first = await page();
    expect(first.items.length).toBeGreaterThan(0);
    expect(Value.Check(DocumentList, first)).toBe(true);
    // What the database says now, mapped as the api maps it: the page from memory holds nothing else.
    const viewer = await loadAudienceViewer(ctx.db, { role: 'partner', establishmentId: restaurant.establishmentId });
    const fresh = await listDocuments(ctx.db, { viewer, page: 1, pageSize: 5, previousVisitAt: null });
    expect(first.items).toEqual(fresh.items.map((d) => JSON.parse(JSON.stringify({ ...toDocument(d), isNew: d.isNew }))));
    expect(await page()).toEqual(first); // from memory
    const top = first.items[0]!;
    // Written behind the api's back (another process, a script): the triggers NOTIFY documents_list.
    await ctx.db.update(documents).set({ title: 'Titre changé ailleurs' }).where(eq(documents.id, top.id));
    expect((await page()).items[0]).toMatchObject({ id: top.id, title: 'Titre changé ailleurs' });
    await ctx.db.update(users).set({ name: 'Nom changé ailleurs' }).where(eq(users.id, top.owner!.id));
    expect((await page()).items[0]!.owner).toEqual({ id: top.owner!.id, name: 'Nom changé ailleurs' });
  });

  it('restoring a version makes it current again; deleting removes the files too', async () => {
    const a = await pdfWith(['Version A']);
    const b = await pdfWith(['Version B']);
    const doc = (await upload(asStaff, { title: 'Versions', status: 'published', audience: EVERYONE }, { filename: 'a.pdf', data: a })).json().document;
    await upload(asStaff, { changeNote: 'B' }, { filename: 'b.pdf', data: b }, `/api/documents/${doc.id}/versions`);
    const restored = await asStaff({ method: 'POST', url: `/api/documents/${doc.id}/versions/${doc.currentVersion.id}/restore` });
    expect(restored.json().document.currentVersion.number).toBe(1);
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${doc.id}/download` })).rawPayload.equals(a)).toBe(true);
    const before = (await storedObjects()).length;
    expect((await asStaff({ method: 'DELETE', url: `/api/documents/${doc.id}` })).statusCode).toBe(204);
    expect((await storedObjects()).length).toBe(before - 2);
    expect((await asStaff({ method: 'GET', url: `/api/documents/${doc.id}` })).statusCode).toBe(404);
  });

  it('the review list shows documents whose review date has come, oldest first', async () => {
    const due = (await upload(asStaff, { title: 'Grille tarifaire', reviewOn: '2026-01-15' }, { filename: 'grille.csv', data: Buffer.from('a;b\n') })).json().document.id;
    await upload(asStaff, { title: 'Plus tard', reviewOn: '2099-01-01' }, { filename: 'tard.csv', data: Buffer.from('a;b\n') });
    const list = (await asStaff({ method: 'GET', url: '/api/documents/review' })).json();
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([due]);
    await asStaff({ method: 'PATCH', url: `/api/documents/${due}`, payload: { status: 'archived' } });
    expect((await asStaff({ method: 'GET', url: '/api/documents/review' })).json().total).toBe(0);
  });
});

describe('new since the last visit', () => {
  it('marks what was published after the previous visit; reloading does not clear the marks', async () => {
    const reader = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    const asReader = await injectAs(ctx, reader);
    expect((await asReader({ method: 'POST', url: '/api/documents/visits' })).json()).toEqual({ previousVisitAt: null });
    const listed = (await asReader({ method: 'GET', url: '/api/documents?pageSize=100' })).json();
    expect(listed.items.some((d: { isNew: boolean }) => d.isNew)).toBe(false); // a first visit marks nothing
    // Everything so far was published two hours ago, the visit was an hour ago, and a document is published since.
    await ctx.db.update(documents).set({ publishedAt: new Date(Date.now() - 7_200_000) });
    await ctx.db.update(documentVisits).set({ lastVisitAt: new Date(Date.now() - 3_600_000) }).where(eq(documentVisits.userId, reader.id));
    const fresh = (await upload(asStaff, { title: 'Nouveauté', status: 'published', audience: EVERYONE }, { filename: 'nouveau.pdf', data: pdf })).json().document.id;
    const visit = (await asReader({ method: 'POST', url: '/api/documents/visits' })).json();
    expect(Date.parse(visit.previousVisitAt)).toBeLessThan(Date.now() - 3_000_000);
    const again = await asReader({ method: 'POST', url: '/api/documents/visits' }); // a reload
    expect(again.json()).toEqual(visit);
    const items = (await asReader({ method: 'GET', url: '/api/documents?pageSize=100' })).json().items as { id: string; isNew: boolean }[];
    expect(items.filter((d) => d.isNew).map((d) => d.id)).toEqual([fresh]);
  });
});

describe('audience matrix over every read of a document', () => {
  it('a partner of another category or another commune gets 404 through list, search, detail, download, preview and thumbnail, like an absent document; versions are staff-only', async () => {
    const farCamping = await createEstablishment(ctx, { category: 'hebergement', subcategory: 'camping', communeInsee: '34111' });
    const asFarCampsite = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: farCamping.id }));
    const folder = await asStaff({ method: 'POST', url: '/api/documents/folders', payload: { name: 'Matrice des publics', audience: EVERYONE } });
    expect(folder.statusCode, folder.body).toBe(201);
    const folderId = folder.json().id as string;
    // Images, so that the thumbnail is read too; "transhumance" is in both titles only.
    const make = async (title: string, audience: object) => {
      const res = await upload(asStaff, { title, folderId, status: 'published', audience }, { filename: 'affiche.png', data: PNG_1PX });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().document as { id: string; currentVersion: { id: string } };
    };
    const byCategory = await make('Affiche transhumance des campings', CAMPSITES);
    const byCommune = await make('Affiche transhumance du Vigan', audienceOf('partners', { communes: ['30350'] }));
    const wctx = quietWorkerContext(ctx);
    for (const doc of [byCategory, byCommune]) expect(await makeDocumentThumbnail({ versionId: doc.currentVersion.id }, wctx, undefined as never)).toHaveProperty('key');
    await wctx.close();

    const absent = await asCampsite({ method: 'GET', url: '/api/documents/00000000-0000-4000-8000-000000000000' });
    // The problem's own address and request id differ by nature; the rest must not.
    const sameFields = ({ instance: _instance, requestId: _requestId, ...rest }: Record<string, unknown>) => rest;
    expect(absent.statusCode).toBe(404);
    // Camping in Le Vigan (30350): both; camping in Ganges (34111): not the Le Vigan one; restaurant in Ganges: neither.
    const cases: [string, Injector, typeof byCategory, boolean][] = [
      ['campsite, category', asCampsite, byCategory, true],
      ['campsite, commune', asCampsite, byCommune, true],
      ['far campsite, category', asFarCampsite, byCategory, true],
      ['far campsite, other commune', asFarCampsite, byCommune, false],
      ['restaurant, other category', asRestaurant, byCategory, false],
      ['restaurant, other commune', asRestaurant, byCommune, false],
    ];
    for (const [who, inject, doc, visible] of cases) {
      const ids = async (query: Record<string, string>) => ((await inject({ method: 'GET', url: '/api/documents', query })).json().items as { id: string }[]).map((d) => d.id);
      expect((await ids({ folderId, pageSize: '100' })).includes(doc.id), `${who}: list`).toBe(visible);
      expect((await ids({ q: 'transhumance', pageSize: '100' })).includes(doc.id), `${who}: search`).toBe(visible);
      for (const url of [`/api/documents/${doc.id}`, `/api/documents/${doc.id}/download`, `/api/documents/${doc.id}/download?preview=true`, `/api/documents/${doc.id}/thumbnail`]) {
        const res = await inject({ method: 'GET', url });
        expect(res.statusCode, `${who}: ${url}`).toBe(visible ? 200 : 404);
        if (!visible) expect(sameFields(res.json()), `${who}: ${url} says no more than an absent document`).toEqual(sameFields(absent.json()));
      }
      const detail = await inject({ method: 'GET', url: `/api/documents/${doc.id}` });
      if (visible) expect(detail.json().versions, `${who}: versions listed`).toBeUndefined();
      const version = await inject({ method: 'GET', url: `/api/documents/${doc.id}/versions/${doc.currentVersion.id}/download` });
      expect(version.statusCode, `${who}: a version by its address`).toBe(403);
      const restore = await inject({ method: 'POST', url: `/api/documents/${doc.id}/versions/${doc.currentVersion.id}/restore` });
      expect(restore.statusCode, `${who}: restore`).toBe(403);
    }
    expect((await asStaff({ method: 'GET', url: `/api/documents/${byCommune.id}/versions/${byCommune.currentVersion.id}/download` })).statusCode).toBe(200);
  });
});
