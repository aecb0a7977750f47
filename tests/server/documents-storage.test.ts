import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database, type DbHandle } from '../../db/client';
import { newObjectKey } from '../../storage';
import { createDocument, listDocuments, searchAccentInsensitive } from '../../db/queries/documents';
import { STAFF_ONLY } from '../../db/queries/audience';
import { users } from '../../db/schema';
import { createTestApp, createUser, injectAs, type TestContext } from '../helpers/app';
import { pdfWith, uploadForm } from '../helpers/documents';
import { startTestS3, type TestS3 } from '../helpers/s3';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/** The documents api on S3-compatible storage (a real s3rver), the French search on the embedded PGlite, and its accent-sensitive fallback. */

describe('documents on S3-compatible storage', () => {
  let s3: TestS3;
  let ctx: TestContext;

  beforeAll(async () => {
    s3 = await startTestS3();
    ctx = await createTestApp({ S3_URL: s3.url, UPLOAD_MAX_BYTES: 20 * 1024 * 1024 });
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.close();
  });

  it('uploads stream to the bucket, downloads and ranges come back from it, refusals leave nothing', async () => {
    expect(ctx.app.storage.kind).toBe('s3');
    const staff = await createUser(ctx, 'staff');
    const partner = await createUser(ctx, 'partner');
    const asStaff = await injectAs(ctx, staff);
    const pdf = Buffer.concat([await pdfWith(['Cartoguide Sud Cévennes']), Buffer.alloc(9 * 1024 * 1024, 0x20)]); // over one 8 MiB part
    const form = uploadForm({ title: 'Cartoguide', status: 'published', audience: { ...STAFF_ONLY, kind: 'everyone' } }, { filename: 'cartoguide.pdf', data: pdf });
    const res = await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().document.id;
    expect(res.json().document.currentVersion.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const keys: string[] = [];
    for await (const o of ctx.app.storage.list('documents/')) keys.push(o.key);
    expect(keys).toHaveLength(1);

    const asPartner = await injectAs(ctx, partner);
    const dl = await asPartner({ method: 'GET', url: `/api/documents/${id}/download` });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const part = await asPartner({ method: 'GET', url: `/api/documents/${id}/download`, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(pdf.subarray(100, 200))).toBe(true);

    const bad = uploadForm({ title: 'Faux' }, { filename: 'faux.pdf', data: Buffer.from('MZ not a pdf at all') });
    expect((await asStaff({ method: 'POST', url: '/api/documents', payload: bad.payload, headers: bad.headers })).statusCode).toBe(415);
    const after: string[] = [];
    for await (const o of ctx.app.storage.list('documents/')) after.push(o.key);
    expect(after).toEqual(keys);
  });
});

/** A published, staff-only document with this title (no file: only its search vector matters), by a new admin. */
async function publishTitled(db: Database, title: string) {
  const [admin] = await db.insert(users).values({ email: 'a@example.test', name: 'A', role: 'admin' }).returning({ id: users.id });
  const created = await createDocument(db, {
    actorId: admin!.id,
    document: { title, description: '', tags: [], folderId: null, status: 'published', audience: STAFF_ONLY, reviewOn: null, ownerId: null },
    version: { storageKey: newObjectKey('documents'), originalName: 'r.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), changeNote: '', textStatus: 'none' },
  });
  expect(created.ok).toBe(true);
}

describe('French search on PGlite (same migrations)', () => {
  let lite: DbHandle;
  beforeAll(async () => {
    lite = await createDb({});
    await lite.migrate();
  });
  afterAll(async () => lite?.close());

  it('loads unaccent, so "randonnee ete" finds « randonnées de l’été »', async () => {
    expect(await searchAccentInsensitive(lite.db)).toBe(true);
    await publishTitled(lite.db, 'Les randonnées de l’été');
    const { items } = await listDocuments(lite.db, { viewer: { kind: 'staff' }, q: 'randonnee ete', page: 1, pageSize: 10 });
    expect(items.map((i) => i.title)).toEqual(['Les randonnées de l’été']);
    const { rows } = (await lite.db.execute(sql`select to_tsvector('french_unaccent', 'été')::text as v`)) as unknown as { rows: [{ v: string }] };
    const v = rows[0].v;
    expect(v).toBe("'ete':1");
  });
});

describe('French search where unaccent is missing (the migration\'s fallback)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // What migration 0005 leaves where CREATE EXTENSION unaccent is refused: a plain copy of `french`.
    await database.db.execute(sql`alter text search configuration french_unaccent alter mapping for hword, hword_part, word with french_stem`);
  });
  afterAll(async () => database?.drop());

  it('is said (accent-sensitive), and still finds words typed with their accents', async () => {
    expect(await searchAccentInsensitive(database.db)).toBe(false);
    await publishTitled(database.db, 'Les randonnées des Cévennes');
    const titles = async (q: string) => (await listDocuments(database.db, { viewer: { kind: 'staff' }, q, page: 1, pageSize: 10 })).items.map((i) => i.title);
    expect(await titles('randonnées cévennes')).toEqual(['Les randonnées des Cévennes']);
    expect(await titles('randonnees cevennes')).toEqual([]);
  });
});
