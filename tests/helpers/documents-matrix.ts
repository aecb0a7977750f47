import { accessCookieFor, type TestContext, type TestUser } from './app';
import { createWorkerContext } from '../../workers/main';
import { makeDocumentThumbnail } from '../../workers/handlers/documents/thumbnail';
import { pdfWith, PNG_1PX, uploadForm } from './documents';
import { signedIn, staffAndAdmin, staffAudience, type Row } from './matrix-rows';
import { EVERYONE } from './audience';

/**
 * The documents rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * The full audience matrix (partners of other categories and communes) is in
 * tests/server/documents.test.ts: establishments E and F of the shared matrix
 * are alike, so here a staff-only document shows the audience at work.
 */

export { signedIn, staffAndAdmin, type Caller, type Expected, type Row } from './matrix-rows';

const fx: { publicId: string; staffOnlyId: string; versionId: string; imageId: string; toDelete: string[]; folderId: string; foldersToDelete: string[]; pdf: Buffer; n: number } = {
  publicId: '', staffOnlyId: '', versionId: '', imageId: '', toDelete: [], folderId: '', foldersToDelete: [], pdf: Buffer.alloc(0), n: 0,
};

async function folderAsStaff(ctx: TestContext, staff: TestUser, name: string): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/documents/folders', payload: { name }, headers: { cookie: await accessCookieFor(ctx, staff) } });
  if (res.statusCode !== 201) throw new Error(`matrix fixture folder: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function uploadAsStaff(ctx: TestContext, staff: TestUser, meta: Record<string, unknown>, file = { filename: 'matrice.pdf', data: fx.pdf }): Promise<{ id: string; versionId: string }> {
  const form = uploadForm(meta, file);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/documents', payload: form.payload, headers: { ...form.headers, cookie: await accessCookieFor(ctx, staff) } });
  if (res.statusCode !== 201) throw new Error(`matrix fixture upload: ${res.statusCode} ${res.body}`);
  const { document } = res.json();
  return { id: document.id, versionId: document.currentVersion.id };
}

export async function setupDocumentsMatrix(ctx: TestContext, who: { staff: TestUser }) {
  fx.pdf = await pdfWith(['Matrice des rôles']);
  const pub = await uploadAsStaff(ctx, who.staff, { title: 'Pour tous', status: 'published', audience: EVERYONE });
  const hidden = await uploadAsStaff(ctx, who.staff, { title: 'Personnel seulement', status: 'published' });
  fx.publicId = pub.id;
  fx.versionId = pub.versionId;
  fx.staffOnlyId = hidden.id;
  const image = await uploadAsStaff(ctx, who.staff, { title: 'Image', status: 'published', audience: EVERYONE }, { filename: 'pixel.png', data: PNG_1PX });
  fx.imageId = image.id;
  const wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: { info: () => {}, warn: () => {}, error: console.error } });
  await makeDocumentThumbnail({ versionId: image.versionId }, wctx, undefined as never);
  await wctx.close();
  // DELETE is called by each of the 5 callers in turn: one document each (staff and admin delete theirs).
  for (let i = 0; i < 5; i++) fx.toDelete.push((await uploadAsStaff(ctx, who.staff, { title: `À supprimer ${i}` })).id);
  // Folders: one renamed by every caller, and one empty folder per caller of DELETE.
  fx.folderId = await folderAsStaff(ctx, who.staff, 'Matrice à renommer');
  for (let i = 0; i < 5; i++) fx.foldersToDelete.push(await folderAsStaff(ctx, who.staff, `Dossier vide ${i}`));
}

const form = (meta: Record<string, unknown>) => {
  const f = uploadForm(meta, { filename: 'matrice.pdf', data: fx.pdf });
  return { payload: f.payload, headers: f.headers };
};

export const documentsMatrixRows: Row[] = [
  { method: 'GET', route: '/api/documents/folders', expect: signedIn(200) },
  { method: 'POST', route: '/api/documents/folders', request: () => ({ payload: { name: `Dossier ${++fx.n}` } }), expect: staffAndAdmin(201) },
  {
    method: 'PATCH', route: '/api/documents/folders/:id',
    request: () => ({ url: `/api/documents/folders/${fx.folderId}`, payload: { name: `Matrice renommée ${++fx.n}` } }), expect: staffAndAdmin(200),
  },
  { method: 'DELETE', route: '/api/documents/folders/:id', request: () => ({ url: `/api/documents/folders/${fx.foldersToDelete.shift() ?? fx.folderId}` }), expect: staffAndAdmin(204) },
  { method: 'GET', route: '/api/documents', expect: signedIn(200) },
  { method: 'POST', route: '/api/documents', request: () => form({ title: 'Dépôt matrice' }), expect: staffAndAdmin(201) },
  { method: 'GET', route: '/api/documents/review', expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/documents/visits', expect: signedIn(200) },
  { method: 'GET', route: '/api/documents/:id', request: () => ({ url: `/api/documents/${fx.staffOnlyId}` }), expect: staffAudience(200) },
  { method: 'PATCH', route: '/api/documents/:id', request: () => ({ url: `/api/documents/${fx.staffOnlyId}`, payload: { tags: ['matrice'] } }), expect: staffAndAdmin(200) },
  { method: 'DELETE', route: '/api/documents/:id', request: () => ({ url: `/api/documents/${fx.toDelete.shift() ?? fx.staffOnlyId}` }), expect: staffAndAdmin(204) },
  { method: 'GET', route: '/api/documents/:id/thumbnail', request: () => ({ url: `/api/documents/${fx.imageId}/thumbnail` }), expect: signedIn(200) },
  {
    method: 'POST', route: '/api/documents/:id/versions/:versionId/restore',
    request: () => ({ url: `/api/documents/${fx.publicId}/versions/${fx.versionId}/restore` }), expect: staffAndAdmin(200),
  },
  { method: 'GET', route: '/api/documents/:id/download', request: () => ({ url: `/api/documents/${fx.publicId}/download` }), expect: signedIn(200) },
  { method: 'POST', route: '/api/documents/:id/versions', request: () => ({ url: `/api/documents/${fx.staffOnlyId}/versions`, ...form({ changeNote: 'matrice' }) }), expect: staffAndAdmin(201) },
  {
    method: 'GET', route: '/api/documents/:id/versions/:versionId/download',
    request: () => ({ url: `/api/documents/${fx.publicId}/versions/${fx.versionId}/download` }), expect: staffAndAdmin(200),
  },
];
