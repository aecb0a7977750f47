import { and, asc, count, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Database } from '../../client';
import { documentFolders, documents, documentTexts, documentVersions, documentVisits, users } from '../../schema';
import type { DocumentStatus } from '../../schema/documents';
import { DOCUMENT_KIND_MEDIA_TYPES, type DocumentKind } from '../../../common/documents';
import { audienceValues, audienceVisible, type Audience, type AudienceViewer } from '../audience';
import { headline, toSnippet, type Snippet } from '../text-search';
import { refreshSearch, SEARCH_TEXT_CHARS, searchQuery } from './search';
import { firstOrNull } from '../rows';

export interface DocumentFields {
  title: string;
  description: string;
  tags: string[];
  folderId: string | null;
  status: DocumentStatus;
  audience: Audience;
  reviewOn: string | null;
  ownerId: string | null;
}

export interface VersionFields {
  storageKey: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  changeNote: string;
  /** 'pending' when a worker will extract text, 'none' when there is none to extract. */
  textStatus: 'pending' | 'none';
}

export interface Duplicate {
  documentId: string;
  title: string;
  versionNumber: number;
}

export const versionColumns = {
  id: documentVersions.id, documentId: documentVersions.documentId, number: documentVersions.number, storageKey: documentVersions.storageKey,
  originalName: documentVersions.originalName, mediaType: documentVersions.mediaType, size: documentVersions.size, sha256: documentVersions.sha256,
  changeNote: documentVersions.changeNote, pageCount: documentVersions.pageCount, thumbnailKey: documentVersions.thumbnailKey,
  textStatus: documentVersions.textStatus, createdAt: documentVersions.createdAt,
};
export type VersionRow = SelectResultFields<typeof versionColumns>;

const documentColumns = {
  id: documents.id, folderId: documents.folderId, title: documents.title, description: documents.description, tags: documents.tags,
  status: documents.status, audienceKind: documents.audienceKind, audienceCategories: documents.audienceCategories,
  audienceSubcategories: documents.audienceSubcategories, audienceCommunes: documents.audienceCommunes,
  audienceCommunautes: documents.audienceCommunautes, audienceOffices: documents.audienceOffices,
  credit: documents.credit, ownerId: documents.ownerId, ownerName: users.name, reviewOn: documents.reviewOn, currentVersionId: documents.currentVersionId,
  publishedAt: documents.publishedAt, createdAt: documents.createdAt, updatedAt: documents.updatedAt,
};
export type DocumentRow = Omit<SelectResultFields<typeof documentColumns>, 'ownerName'> & { ownerName: string | null; currentVersion: VersionRow | null };

/** What a viewer may see of the library: staff everything; partners published documents of their audience. */
export function documentVisible(viewer: AudienceViewer): SQL {
  return viewer.kind === 'staff' ? sql`true` : and(eq(documents.status, 'published'), audienceVisible(documents, viewer))!;
}

async function withVersions(db: Database, rows: Omit<DocumentRow, 'currentVersion'>[]): Promise<DocumentRow[]> {
  const ids = rows.map((r) => r.currentVersionId).filter((id): id is string => id !== null);
  const versions = ids.length ? await db.select(versionColumns).from(documentVersions).where(inArray(documentVersions.id, ids)) : [];
  const byId = new Map(versions.map((v) => [v.id, v]));
  return rows.map((r) => ({ ...r, currentVersion: r.currentVersionId ? (byId.get(r.currentVersionId) ?? null) : null }));
}

async function duplicatesOf(db: Database, sha256: string, exceptVersionId: string): Promise<Duplicate[]> {
  return db
    .select({ documentId: documents.id, title: documents.title, versionNumber: documentVersions.number })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documentVersions.sha256, sha256), ne(documentVersions.id, exceptVersionId)))
    .orderBy(asc(documents.title), asc(documentVersions.number))
    .limit(10);
}

export type CreateDocumentResult =
  | { ok: true; documentId: string; versionId: string; duplicates: Duplicate[] }
  | { ok: false; reason: 'folderNotFound' | 'ownerNotFound' };

/** A document and its first version, in one transaction; the same file already in the library is pointed out, not refused. */
export async function createDocument(db: Database, input: { actorId: string; document: DocumentFields; version: VersionFields }): Promise<CreateDocumentResult> {
  const result = await db.transaction(async (tx) => {
    const d = input.document;
    if (d.folderId && !(await tx.$count(documentFolders, eq(documentFolders.id, d.folderId)))) return { ok: false as const, reason: 'folderNotFound' as const };
    if (d.ownerId && !(await tx.$count(users, and(eq(users.id, d.ownerId), ne(users.role, 'partner'))))) return { ok: false as const, reason: 'ownerNotFound' as const };
    const [doc] = await tx
      .insert(documents)
      .values({
        folderId: d.folderId, title: d.title, description: d.description, tags: d.tags, status: d.status, ...audienceValues(d.audience),
        ownerId: d.ownerId ?? input.actorId, reviewOn: d.reviewOn, createdBy: input.actorId,
        publishedAt: d.status === 'published' ? new Date() : null,
      })
      .returning({ id: documents.id });
    const [version] = await tx
      .insert(documentVersions)
      .values({ documentId: doc!.id, number: 1, ...input.version, uploadedBy: input.actorId })
      .returning({ id: documentVersions.id });
    await tx.update(documents).set({ currentVersionId: version!.id }).where(eq(documents.id, doc!.id));
    await refreshSearch(tx, doc!.id);
    return { ok: true as const, documentId: doc!.id, versionId: version!.id };
  });
  if (!result.ok) return result;
  return { ...result, duplicates: await duplicatesOf(db, input.version.sha256, result.versionId) };
}

export type AddVersionResult = { ok: true; versionId: string; duplicates: Duplicate[] } | { ok: false; reason: 'notFound' };

/** A new upload becomes the current version (numbers follow each other: the document row is locked first). */
export async function addVersion(db: Database, input: { actorId: string; documentId: string; version: VersionFields }): Promise<AddVersionResult> {
  const result = await db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, input.documentId)).for('update');
    if (!doc) return { ok: false as const, reason: 'notFound' as const };
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${documentVersions.number}), 0)::int` }).from(documentVersions).where(eq(documentVersions.documentId, doc.id));
    const [version] = await tx
      .insert(documentVersions)
      .values({ documentId: doc.id, number: (last?.n ?? 0) + 1, ...input.version, uploadedBy: input.actorId })
      .returning({ id: documentVersions.id });
    await tx.update(documents).set({ currentVersionId: version!.id, updatedAt: new Date() }).where(eq(documents.id, doc.id));
    await refreshSearch(tx, doc.id);
    return { ok: true as const, versionId: version!.id };
  });
  if (!result.ok) return result;
  return { ...result, duplicates: await duplicatesOf(db, input.version.sha256, result.versionId) };
}

/** One document as the viewer may see it, or null (absent and hidden look the same). */
export async function getDocument(db: Database, id: string, viewer: AudienceViewer): Promise<DocumentRow | null> {
  const rows = await db
    .select(documentColumns)
    .from(documents)
    .leftJoin(users, eq(users.id, documents.ownerId))
    .where(and(eq(documents.id, id), documentVisible(viewer)));
  return firstOrNull(withVersions(db, rows));
}

/** Every version of a document, newest first (staff only: the caller checks). */
export async function listVersions(db: Database, documentId: string): Promise<VersionRow[]> {
  return db.select(versionColumns).from(documentVersions).where(eq(documentVersions.documentId, documentId)).orderBy(desc(documentVersions.number));
}

export interface ListDocumentsParams {
  viewer: AudienceViewer;
  /** undefined: the whole library; null: the root folder only. */
  folderId?: string | null;
  q?: string;
  /** A tag the document carries (case-insensitive). */
  tag?: string;
  /** The kind of its current file (by media type). */
  type?: DocumentKind;
  status?: DocumentStatus;
  page: number;
  pageSize: number;
  /** The reader's previous visit: what was published after it is new (none: nothing is new). */
  previousVisitAt?: Date | null;
}

export type { Snippet } from '../text-search';

export type ListedDocument = DocumentRow & { snippet: Snippet[] | null; isNew: boolean };

/** "Nouveau": published after the reader's previous visit to the library. */
export const isNewSince = (publishedAt: Date | null, previousVisitAt: Date | null | undefined): boolean =>
  !!publishedAt && !!previousVisitAt && publishedAt > previousVisitAt;

type ListFilters = Omit<ListDocumentsParams, 'page' | 'pageSize' | 'previousVisitAt'>;

function listWhere(p: ListFilters): SQL | undefined {
  const conditions = [documentVisible(p.viewer)];
  if (p.folderId !== undefined) conditions.push(p.folderId === null ? isNull(documents.folderId) : eq(documents.folderId, p.folderId));
  if (p.status && p.viewer.kind === 'staff') conditions.push(eq(documents.status, p.status));
  const tag = p.tag?.trim();
  if (tag) conditions.push(sql`exists (select 1 from unnest(${documents.tags}) t where lower(t) = lower(${tag}))`);
  if (p.type) {
    const patterns = DOCUMENT_KIND_MEDIA_TYPES[p.type];
    conditions.push(sql`exists (select 1 from ${documentVersions} v where v.id = ${documents.currentVersionId} and (${sql.join(patterns.map((m) => sql`v.media_type like ${m}`), sql` or `)}))`);
  }
  const q = p.q?.trim();
  if (q) conditions.push(sql`${documents.search} @@ ${searchQuery(q)}`);
  return and(...conditions);
}

/**
 * The rows of one page of the library (owner and current version joined in), newest first, or by relevance to `q`.
 * Every table it reads notifies `documents_list` (CACHED_TABLES): the api keeps pages without `q` in memory.
 */
export function documentPageQuery(db: Database, p: Omit<ListDocumentsParams, 'previousVisitAt'>) {
  const q = p.q?.trim();
  return db
    .select({ ...documentColumns, currentVersion: versionColumns })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.ownerId))
    .leftJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(listWhere(p))
    .orderBy(...(q ? [sql`ts_rank_cd(${documents.search}, ${searchQuery(q)}) desc`, desc(documents.updatedAt)] : [desc(documents.updatedAt)]), asc(documents.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
}

/** How many documents the filters match (every page). */
export function documentCountQuery(db: Database, p: ListFilters) {
  return db.select({ n: count() }).from(documents).where(listWhere(p));
}

export const countDocuments = async (db: Database, p: ListFilters): Promise<number> => (await documentCountQuery(db, p))[0]?.n ?? 0;

/**
 * A page of the library (search ranked by relevance with highlighted snippets when `q` is given, else newest first)
 * and its total, counted through `countWith` when given.
 */
export async function listDocuments(
  db: Database, p: ListDocumentsParams, countWith: (count: () => Promise<number>) => Promise<number> = (count) => count(),
): Promise<{ items: ListedDocument[]; total: number }> {
  const [rows, total] = await Promise.all([documentPageQuery(db, p), countWith(() => countDocuments(db, p))]);
  const q = p.q?.trim();
  const snippets = q && rows.length ? await snippetsFor(db, rows.map((i) => i.id), q) : new Map<string, Snippet[]>();
  return { items: rows.map((i) => ({ ...i, isNew: isNewSince(i.publishedAt, p.previousVisitAt), snippet: snippets.get(i.id) ?? null })), total };
}

/** Highlighted passages of the page's documents only (ts_headline re-parses the text: too costly for every match). */
async function snippetsFor(db: Database, ids: string[], q: string): Promise<Map<string, Snippet[]>> {
  const rows = await db
    .select({
      id: documents.id,
      headline: headline(sql`${documents.description} || ' ' || coalesce((select left(t.text, ${SEARCH_TEXT_CHARS}) from ${documentTexts} t where t.version_id = ${documents.currentVersionId}), '')`, q),
    })
    .from(documents)
    .where(inArray(documents.id, ids));
  return new Map(rows.map((r) => [r.id, toSnippet(r.headline)]));
}

export type UpdateDocumentResult = { ok: true; publishedNow: boolean } | { ok: false; reason: 'notFound' | 'folderNotFound' | 'ownerNotFound' };

/** Changes a document's details; publishing stamps `publishedAt` once (`publishedNow`: followers are told); a new review date may remind again. */
export async function updateDocument(db: Database, id: string, patch: Partial<DocumentFields>): Promise<UpdateDocumentResult> {
  return db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id, publishedAt: documents.publishedAt }).from(documents).where(eq(documents.id, id)).for('update');
    if (!doc) return { ok: false as const, reason: 'notFound' as const };
    if (patch.folderId && !(await tx.$count(documentFolders, eq(documentFolders.id, patch.folderId)))) return { ok: false as const, reason: 'folderNotFound' as const };
    if (patch.ownerId && !(await tx.$count(users, and(eq(users.id, patch.ownerId), ne(users.role, 'partner'))))) return { ok: false as const, reason: 'ownerNotFound' as const };
    const { audience, ...fields } = patch;
    await tx
      .update(documents)
      .set({
        ...fields,
        ...(audience ? audienceValues(audience) : {}),
        ...(patch.status === 'published' && !doc.publishedAt ? { publishedAt: new Date() } : {}),
        ...(patch.reviewOn !== undefined ? { reviewRemindedAt: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(documents.id, id));
    if (patch.title !== undefined || patch.description !== undefined || patch.tags !== undefined) await refreshSearch(tx, id);
    return { ok: true as const, publishedNow: patch.status === 'published' && !doc.publishedAt };
  });
}

/** Makes an earlier version the current one again (its text and thumbnail come with it). */
export async function restoreVersion(db: Database, p: { documentId: string; versionId: string }): Promise<{ ok: true } | { ok: false; reason: 'notFound' }> {
  return db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, p.documentId)).for('update');
    if (!doc) return { ok: false as const, reason: 'notFound' as const };
    if (!(await tx.$count(documentVersions, and(eq(documentVersions.id, p.versionId), eq(documentVersions.documentId, doc.id))))) return { ok: false as const, reason: 'notFound' as const };
    await tx.update(documents).set({ currentVersionId: p.versionId, updatedAt: new Date() }).where(eq(documents.id, doc.id));
    await refreshSearch(tx, doc.id);
    return { ok: true as const };
  });
}

/**
 * Deletes a document and its versions; returns the stored objects to remove
 * after commit (the sweeper catches any the caller could not).
 */
export async function deleteDocument(db: Database, id: string): Promise<{ ok: true; keys: string[] } | { ok: false; reason: 'notFound' }> {
  return db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, id)).for('update');
    if (!doc) return { ok: false as const, reason: 'notFound' as const };
    const versions = await tx.select({ key: documentVersions.storageKey, thumb: documentVersions.thumbnailKey }).from(documentVersions).where(eq(documentVersions.documentId, id));
    await tx.update(documents).set({ currentVersionId: null }).where(eq(documents.id, id));
    await tx.delete(documents).where(eq(documents.id, id));
    return { ok: true as const, keys: versions.flatMap((v) => [v.key, ...(v.thumb ? [v.thumb] : [])]) };
  });
}

/** Documents whose review date has come ("à revoir"), oldest first: the staff review list. */
export async function listDueForReview(db: Database, p: { page: number; pageSize: number }) {
  const where = and(ne(documents.status, 'archived'), sql`${documents.reviewOn} <= (now() at time zone 'Europe/Paris')::date`);
  const [rows, [total]] = await Promise.all([
    db.select(documentColumns).from(documents).leftJoin(users, eq(users.id, documents.ownerId)).where(where)
      .orderBy(asc(documents.reviewOn), asc(documents.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items: await withVersions(db, rows), total: total?.n ?? 0 };
}

/**
 * Records that a user opened the library. Marks stay until the next visit:
 * the previous visit moves forward only when the last one is over 30 minutes
 * old, so reloading the page does not clear what was new.
 */
export async function recordVisit(db: Database, userId: string): Promise<Date | null> {
  const [row] = await db
    .insert(documentVisits)
    .values({ userId, previousVisitAt: null, lastVisitAt: new Date() })
    .onConflictDoUpdate({
      target: documentVisits.userId,
      set: {
        previousVisitAt: sql`case when ${documentVisits.lastVisitAt} < now() - interval '30 minutes' then ${documentVisits.lastVisitAt} else ${documentVisits.previousVisitAt} end`,
        lastVisitAt: sql`now()`,
      },
    })
    .returning({ previous: documentVisits.previousVisitAt });
  return row?.previous ?? null;
}

const previousVisitQuery = (db: Database) =>
  db.select({ previous: documentVisits.previousVisitAt }).from(documentVisits).where(eq(documentVisits.userId, sql.placeholder('userId'))).prepare('documents_previous_visit');
// Prepared once per database: read at every request of the library page.
const preparedVisit = new WeakMap<Database, ReturnType<typeof previousVisitQuery>>();

/** The visit before the current one: what was published after it is "nouveau". */
export async function previousVisit(db: Database, userId: string): Promise<Date | null> {
  let statement = preparedVisit.get(db);
  if (!statement) preparedVisit.set(db, (statement = previousVisitQuery(db)));
  const [row] = await statement.execute({ userId });
  return row?.previous ?? null;
}
