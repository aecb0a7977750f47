import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import contentDisposition from 'content-disposition';
import * as q from '../../../db/queries/documents';
import { checkAudience, STAFF_ONLY, toAudience, type AudienceViewer } from '../../../db/queries/audience';
import { StorageNotFoundError } from '../../../storage';
import type { MessageKey } from '../../i18n';
import { AUDIENCE_REFUSALS } from '../../lib/refusals';
import { validatorCompiler } from '../../lib/validators';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import {
  CreateDocumentMeta, DocumentList, DocumentListQuery, NewVersionMeta, type DocumentItem, type UpdateDocumentBody, type UpdateFolderBody, type Version,
} from '../../schemas/documents';
import type { Static, TSchema } from 'typebox';
import type { ListCache } from './list-cache';
import { receiveUpload, type StoredUpload } from './upload';
import { audienceViewerOf } from '../audience-viewer';

/**
 * Use cases of the documents feature: who sees what (the audience module),
 * streamed and checked uploads into storage then one transaction, downloads
 * with access check and HTTP ranges.
 */

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export const isStaff = (p: Principal) => p.role === 'staff' || p.role === 'admin';

/** The principal's audience viewer, kept per establishment (server/services/audience-viewer.ts). */
export function viewerOf(app: FastifyInstance, principal: Principal): Promise<AudienceViewer> {
  return audienceViewerOf(app, principal);
}

/** The category a download is counted under: the partner's establishment category, or the office. */
const downloadCategory = (viewer: AudienceViewer) => (viewer.kind === 'staff' ? 'staff' : viewer.kind === 'partner' ? viewer.category : 'unknown');

// ---------- mapping ----------

export function toVersion(row: q.VersionRow): Version {
  return {
    id: row.id, number: row.number, originalName: row.originalName, mediaType: row.mediaType, size: row.size, sha256: row.sha256,
    changeNote: row.changeNote, pageCount: row.pageCount, hasThumbnail: row.thumbnailKey !== null, textStatus: row.textStatus, createdAt: iso(row.createdAt),
  };
}

export function toDocument(row: q.DocumentRow & { snippet?: q.Snippet[] | null }): DocumentItem {
  return {
    id: row.id, folderId: row.folderId, title: row.title, description: row.description, tags: row.tags, status: row.status,
    audience: toAudience(row), credit: row.credit, owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null, reviewOn: row.reviewOn,
    currentVersion: row.currentVersion ? toVersion(row.currentVersion) : null, publishedAt: isoOrNull(row.publishedAt),
    createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), ...(row.snippet !== undefined ? { snippet: row.snippet } : {}),
  };
}

export function toFolder(row: q.FolderRow) {
  return { id: row.id, parentId: row.parentId, name: row.name, audience: toAudience(row) };
}

// ---------- refusals ----------

const createRefusals = {
  folderNotFound: [404, 'documents.folderNotFound'], ownerNotFound: [400, 'documents.metadataInvalid'],
} as const satisfies Record<Extract<q.CreateDocumentResult, { ok: false }>['reason'], readonly [number, MessageKey]>;

const folderRefusals = {
  parentNotFound: [404, 'documents.folderNotFound'], nameTaken: [409, 'documents.folderNameTaken'],
} as const satisfies Record<Extract<q.CreateFolderResult, { ok: false }>['reason'], readonly [number, MessageKey]>;

export async function assertAudience(app: FastifyInstance, audience: Parameters<typeof checkAudience>[1]) {
  const refusal = await checkAudience(app.db, audience);
  if (!refusal) return;
  const [, key] = AUDIENCE_REFUSALS[refusal];
  throw new Problem(400, key, [{ field: 'audience', key }]);
}

/** A multipart field holding JSON, checked with the same strict validator as JSON bodies. */
function parseMeta<T extends TSchema>(schema: T, raw: string | undefined): Static<T> {
  let value: unknown = {};
  try {
    if (raw !== undefined) value = JSON.parse(raw);
  } catch {
    throw new Problem(400, 'documents.metadataInvalid', [{ field: 'meta', key: 'error.malformedJson' }]);
  }
  const validate = validatorCompiler({ schema, method: 'POST', url: '', httpPart: 'body' }) as unknown as ((v: unknown) => boolean) & { errors?: { instancePath: string; params: Record<string, unknown> }[] };
  if (!validate(value)) {
    const fields = (validate.errors ?? []).map((e) => ({
      field: `meta${e.instancePath.replace(/\//g, '.')}${e.params.additionalProperty ? `.${String(e.params.additionalProperty)}` : e.params.missingProperty ? `.${String(e.params.missingProperty)}` : ''}`,
      key: 'error.validation' as const,
    }));
    throw new Problem(400, 'documents.metadataInvalid', fields);
  }
  return value as Static<T>;
}

// ---------- uploads ----------

const versionFields = (u: StoredUpload, changeNote: string): q.VersionFields => ({
  storageKey: u.key, originalName: u.originalName, mediaType: u.rule.mediaType, size: u.size, sha256: u.sha256, changeNote,
  textStatus: u.rule.extractable ? 'pending' : 'none',
});

/** The worker jobs a stored version asks for, enqueued after its commit. */
export async function enqueueProcessing(app: FastifyInstance, upload: Pick<StoredUpload, 'rule'>, versionId: string) {
  if (upload.rule.extractable) await app.enqueue('documents.extract', { versionId });
  if (upload.rule.image) await app.enqueue('documents.thumbnail', { versionId });
}

/** Receives a documents upload whose `meta` field is checked (its schema, then `check`) before a byte of the file is stored. */
export async function receiveWithMeta<T extends TSchema>(app: FastifyInstance, request: FastifyRequest, schema: T, check?: (meta: Static<T>) => Promise<void>) {
  let meta!: Static<T>;
  const upload = await receiveUpload(request, app.storage, {
    maxBytes: app.config.UPLOAD_MAX_BYTES,
    area: 'documents',
    beforeFile: async (fields) => {
      meta = parseMeta(schema, fields.meta);
      await check?.(meta);
    },
  });
  return { upload, meta };
}

/** Runs `record` once the file is stored; if it refuses or fails, the stored object goes too. */
export async function recordOrDiscard<R>(app: FastifyInstance, upload: StoredUpload, record: () => Promise<R>): Promise<R> {
  try {
    return await record();
  } catch (err) {
    await app.storage.delete(upload.key).catch((e) => app.log.warn({ err: e, key: upload.key }, 'stored object left for the sweeper'));
    throw err;
  }
}

export async function createFromUpload(app: FastifyInstance, request: FastifyRequest, principal: Principal) {
  const { upload, meta } = await receiveWithMeta(app, request, CreateDocumentMeta, async (m) => {
    if (m.audience) await assertAudience(app, m.audience);
  });
  const result = await recordOrDiscard(app, upload, async () => {
    const created = await q.createDocument(app.db, {
      actorId: principal.userId,
      document: {
        title: meta.title.trim(), description: meta.description?.trim() ?? '', tags: meta.tags ?? [], folderId: meta.folderId ?? null,
        status: meta.status ?? 'draft', audience: meta.audience ?? STAFF_ONLY, reviewOn: meta.reviewOn ?? null, ownerId: meta.ownerId ?? null,
      },
      version: versionFields(upload, ''),
    });
    if (!created.ok) throw new Problem(createRefusals[created.reason][0], createRefusals[created.reason][1]);
    return created;
  });
  // Committed: from here on the object belongs to the version.
  await enqueueProcessing(app, upload, result.versionId);
  if (meta.status === 'published' && meta.folderId) await app.enqueue('documents.followers', { documentId: result.documentId });
  const row = await q.getDocument(app.db, result.documentId, { kind: 'staff' });
  return { document: toDocument(row!), duplicates: result.duplicates };
}

export async function addVersionFromUpload(app: FastifyInstance, request: FastifyRequest, principal: Principal, documentId: string) {
  if (!(await q.getDocument(app.db, documentId, { kind: 'staff' }))) throw new Problem(404, 'documents.notFound');
  const { upload, meta } = await receiveWithMeta(app, request, NewVersionMeta);
  const result = await recordOrDiscard(app, upload, async () => {
    const added = await q.addVersion(app.db, { actorId: principal.userId, documentId, version: versionFields(upload, meta.changeNote?.trim() ?? '') });
    if (!added.ok) throw new Problem(404, 'documents.notFound');
    return added;
  });
  await enqueueProcessing(app, upload, result.versionId);
  const row = await q.getDocument(app.db, documentId, { kind: 'staff' });
  return { document: toDocument(row!), duplicates: result.duplicates };
}

// ---------- reading ----------

export async function getDetail(app: FastifyInstance, principal: Principal, id: string) {
  return detailFor(app, await viewerOf(app, principal), id);
}

async function detailFor(app: FastifyInstance, viewer: AudienceViewer, id: string) {
  const row = await q.getDocument(app.db, id, viewer);
  if (!row) throw new Problem(404, 'documents.notFound');
  if (viewer.kind !== 'staff') return { document: toDocument(row) };
  const [versions, downloads] = await Promise.all([q.listVersions(app.db, id), q.downloadCounts(app.db, id)]);
  return { document: toDocument(row), versions: versions.map(toVersion), downloads: downloads.byCategory, downloadsByVersion: downloads.byVersion, downloadsByDay: downloads.byDay };
}

/** The library's in-memory lists (./list-cache.ts): pages as JSON, with each document's publication time; totals. */
export interface LibraryCaches {
  pages: ListCache<{ items: string[]; publishedAt: (Date | null)[] }>;
  totals: ListCache<number>;
}

/**
 * A page of the library. Without a search, the page comes from memory as the
 * JSON of its DocumentItems (kept per audience profile and filters: partners
 * of the same category and place share it) and is sent as is, each item's
 * "nouveau" mark spliced in for this reader (the hot read path, measured in
 * ./list-cache.ts); a search reads the database and goes through the schema's serialiser.
 */
export async function list(app: FastifyInstance, principal: Principal, query: Static<typeof DocumentListQuery>, caches: LibraryCaches): Promise<string | Static<typeof DocumentList>> {
  const [viewer, previousVisitAt] = await Promise.all([viewerOf(app, principal), q.previousVisit(app.db, principal.userId)]);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filters = { viewer, folderId: query.folderId === 'root' ? null : query.folderId, q: query.q, tag: query.tag, type: query.type, status: query.status };
  if (!filters.q?.trim()) {
    // The total depends on the viewer and the filters, not on the page nor on who reads (viewers alike share it).
    const key = JSON.stringify(filters);
    const [rows, total, accent] = await Promise.all([
      caches.pages.get(JSON.stringify([key, page, pageSize]), async () => {
        const found = await q.documentPageQuery(app.db, { ...filters, page, pageSize });
        return { items: found.map((d) => JSON.stringify(toDocument({ ...d, snippet: null }))), publishedAt: found.map((d) => d.publishedAt) };
      }),
      caches.totals.get(key, () => q.countDocuments(app.db, filters)),
      q.searchAccentInsensitive(app.db),
    ]);
    // Each item is a JSON object: its closing brace makes room for this reader's mark.
    const items = rows.items.map((json, i) => `${json.slice(0, -1)},"isNew":${q.isNewSince(rows.publishedAt[i]!, previousVisitAt)}}`);
    return `{"items":[${items.join(',')}],"total":${total},"page":${page},"pageSize":${pageSize},"accentInsensitiveSearch":${accent}}`;
  }
  const [{ items, total }, accentInsensitiveSearch] = await Promise.all([
    q.listDocuments(app.db, { ...filters, page, pageSize, previousVisitAt }),
    q.searchAccentInsensitive(app.db),
  ]);
  return { items: items.map((d) => ({ ...toDocument(d), isNew: d.isNew })), total, page, pageSize, accentInsensitiveSearch };
}

/** The reader opens the library: returns the visit before, from which documents count as new. */
export async function recordVisit(app: FastifyInstance, principal: Principal) {
  return { previousVisitAt: isoOrNull(await q.recordVisit(app.db, principal.userId)) };
}

export async function listFolders(app: FastifyInstance, principal: Principal) {
  const viewer = await viewerOf(app, principal);
  return { items: (await q.listFolders(app.db, viewer)).map(toFolder) };
}

export async function createFolder(app: FastifyInstance, principal: Principal, body: { name: string; parentId?: string | null; audience?: Parameters<typeof checkAudience>[1] }) {
  const audience = body.audience ?? { ...STAFF_ONLY, kind: 'everyone' as const };
  await assertAudience(app, audience);
  const result = await q.createFolder(app.db, { actorId: principal.userId, parentId: body.parentId ?? null, name: body.name.trim(), audience });
  if (!result.ok) throw new Problem(folderRefusals[result.reason][0], folderRefusals[result.reason][1]);
  return toFolder(result.folder);
}

const updateFolderRefusals = {
  notFound: [404, 'documents.folderNotFound'], parentNotFound: [404, 'documents.folderNotFound'],
  nameTaken: [409, 'documents.folderNameTaken'], cycle: [409, 'documents.folderCycle'],
} as const satisfies Record<Extract<q.UpdateFolderResult, { ok: false }>['reason'], readonly [number, MessageKey]>;

const deleteFolderRefusals = {
  notFound: [404, 'documents.folderNotFound'], notEmpty: [409, 'documents.folderNotEmpty'],
} as const satisfies Record<Extract<q.DeleteFolderResult, { ok: false }>['reason'], readonly [number, MessageKey]>;

export async function updateFolder(app: FastifyInstance, id: string, body: UpdateFolderBody) {
  if (body.audience) await assertAudience(app, body.audience);
  const result = await q.updateFolder(app.db, id, { ...body, ...(body.name !== undefined ? { name: body.name.trim() } : {}) });
  if (!result.ok) throw new Problem(updateFolderRefusals[result.reason][0], updateFolderRefusals[result.reason][1]);
  return toFolder(result.folder);
}

export async function removeFolder(app: FastifyInstance, id: string) {
  const result = await q.deleteFolder(app.db, id);
  if (!result.ok) throw new Problem(deleteFolderRefusals[result.reason][0], deleteFolderRefusals[result.reason][1]);
}

// ---------- staff management ----------

const updateRefusals = {
  notFound: [404, 'documents.notFound'], folderNotFound: [404, 'documents.folderNotFound'], ownerNotFound: [400, 'documents.metadataInvalid'],
} as const satisfies Record<Extract<q.UpdateDocumentResult, { ok: false }>['reason'], readonly [number, MessageKey]>;

export async function update(app: FastifyInstance, id: string, body: UpdateDocumentBody) {
  if (body.audience) await assertAudience(app, body.audience);
  const result = await q.updateDocument(app.db, id, {
    ...body,
    ...(body.title !== undefined ? { title: body.title.trim() } : {}),
    ...(body.description !== undefined ? { description: body.description.trim() } : {}),
  });
  if (!result.ok) throw new Problem(updateRefusals[result.reason][0], updateRefusals[result.reason][1]);
  if (result.publishedNow) await app.enqueue('documents.followers', { documentId: id });
  return detailFor(app, { kind: 'staff' }, id);
}

export async function restore(app: FastifyInstance, documentId: string, versionId: string) {
  const result = await q.restoreVersion(app.db, { documentId, versionId });
  if (!result.ok) throw new Problem(404, 'documents.versionNotFound');
  return detailFor(app, { kind: 'staff' }, documentId);
}

export async function remove(app: FastifyInstance, id: string) {
  const result = await q.deleteDocument(app.db, id);
  if (!result.ok) throw new Problem(404, 'documents.notFound');
  // After commit; what fails here is removed by the hourly sweeper.
  for (const key of result.keys) await app.storage.delete(key).catch((err) => app.log.warn({ err, key }, 'stored object left for the sweeper'));
}

export async function dueForReview(app: FastifyInstance, query: { page?: number; pageSize?: number }) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await q.listDueForReview(app.db, { page, pageSize });
  return { items: items.map(toDocument), total, page, pageSize };
}

/** Logged once at start-up: where the database lacks unaccent, searches are accent-sensitive (and every answer says so). */
export async function warnIfAccentSensitive(app: FastifyInstance) {
  try {
    if (!(await q.searchAccentInsensitive(app.db))) {
      app.log.warn('French search is accent-sensitive: the unaccent extension is missing from this database (see README, Documents)');
    }
  } catch (err) {
    app.log.warn({ err }, 'could not check the French search configuration at start-up');
  }
}

// ---------- downloads ----------

/** Shown in the browser (sandboxed); everything else is an attachment. */
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/**
 * One `bytes=` range of a file of `size` bytes: null to send the whole file
 * (no header, several ranges, or another unit), 'unsatisfiable' for a range
 * outside it.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null; // syntactically invalid: ignored (RFC 9110 §14.1.1)
  }
  if (start >= size || size === 0) return 'unsatisfiable';
  return { start, end };
}

/** The thumbnail of a document's current version (an image the server made: WebP, shown inline). */
export async function thumbnail(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, documentId: string) {
  const viewer = await viewerOf(app, request.principal!);
  const key = await q.thumbnailTarget(app.db, { documentId, viewer });
  if (!key) throw new Problem(404, 'documents.notFound');
  let body;
  try {
    body = await app.storage.get(key);
  } catch (err) {
    if (err instanceof StorageNotFoundError) throw new Problem(404, 'documents.fileUnavailable');
    throw err;
  }
  return reply
    .header('content-type', 'image/webp')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=300')
    .send(body);
}

export async function download(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, params: { documentId: string; versionId?: string }, options = { count: true }) {
  const principal = request.principal!;
  const viewer = await viewerOf(app, principal);
  const target = await q.downloadTarget(app.db, { ...params, viewer });
  if (!target) throw new Problem(404, params.versionId ? 'documents.versionNotFound' : 'documents.notFound');
  return sendStored(app, request, reply, target, (start) => {
    // Counted once per download: a resumed download (range not at 0) is not a new one.
    // A preview on the document page is a look, not a download.
    if (options.count && start === 0) return q.recordDownload(app.db, { documentId: target.documentId, versionId: target.versionId, category: downloadCategory(viewer) });
  });
}

/** A stored file as a download (or its inline view): one range, nosniff, a sandboxing CSP, the uploaded name. */
export async function sendStored(
  app: FastifyInstance, request: FastifyRequest, reply: FastifyReply,
  target: { storageKey: string; size: number; sha256: string; mediaType: string; originalName: string },
  onServe?: (start: number) => Promise<void> | undefined,
) {
  const etag = `"${target.sha256}"`;
  const range = parseRange(request.headers.range, target.size);
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${target.size}`);
    throw new Problem(416, 'documents.rangeNotSatisfiable');
  }
  // A resumed or partial read (If-Range with another validator: the whole file instead).
  const ifRange = request.headers['if-range'];
  const partial = range && (!ifRange || ifRange === etag) ? range : null;
  let body;
  try {
    body = await app.storage.get(target.storageKey, partial ?? undefined);
  } catch (err) {
    if (err instanceof StorageNotFoundError) {
      request.log.error({ key: target.storageKey }, 'stored object missing');
      throw new Problem(404, 'documents.fileUnavailable');
    }
    throw err;
  }
  await onServe?.(partial?.start ?? 0);
  const inline = INLINE_TYPES.has(target.mediaType);
  reply
    .header('content-type', target.mediaType.startsWith('text/') ? `${target.mediaType}; charset=utf-8` : target.mediaType)
    .header('content-disposition', contentDisposition(target.originalName, { type: inline ? 'inline' : 'attachment' }))
    .header('x-content-type-options', 'nosniff')
    // Whatever the file holds, it runs no script and reaches nothing when shown.
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', 'private, no-cache')
    .header('etag', etag)
    .header('accept-ranges', 'bytes');
  if (partial) {
    reply.code(206).header('content-range', `bytes ${partial.start}-${partial.end}/${target.size}`).header('content-length', partial.end - partial.start + 1);
  } else {
    reply.header('content-length', target.size);
  }
  return reply.send(body);
}
