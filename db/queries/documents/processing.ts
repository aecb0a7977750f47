import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { documents, documentTexts, documentVersions } from '../../schema';
import { refreshSearch } from './search';

/** What the workers need of a version (text extraction, thumbnail). */
export async function versionForProcessing(db: Database, versionId: string) {
  const [row] = await db
    .select({
      id: documentVersions.id, documentId: documentVersions.documentId, storageKey: documentVersions.storageKey, mediaType: documentVersions.mediaType,
      size: documentVersions.size, textStatus: documentVersions.textStatus, thumbnailKey: documentVersions.thumbnailKey,
    })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId));
  return row ?? null;
}

/**
 * Records the text extracted from a version, once: a second run finds the
 * status no longer 'pending' and changes nothing. The document's search
 * vector is rebuilt when the version is its current one.
 */
export async function saveExtractedText(
  db: Database,
  p: { versionId: string; text: string | null; truncated: boolean; pageCount: number | null; status: 'done' | 'none' | 'failed' },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [v] = await tx
      .update(documentVersions)
      .set({ textStatus: p.status, pageCount: p.pageCount })
      .where(and(eq(documentVersions.id, p.versionId), eq(documentVersions.textStatus, 'pending')))
      .returning({ documentId: documentVersions.documentId });
    if (!v) return false;
    if (p.text !== null) await tx.insert(documentTexts).values({ versionId: p.versionId, text: p.text, truncated: p.truncated }).onConflictDoNothing();
    const [current] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.id, v.documentId), eq(documents.currentVersionId, p.versionId))).for('update');
    if (current) await refreshSearch(tx, current.id);
    return true;
  });
}

/** Sets the thumbnail of a version unless one is already set (then the caller deletes the object it made). */
export async function saveThumbnail(db: Database, p: { versionId: string; key: string }): Promise<boolean> {
  const rows = await db
    .update(documentVersions)
    .set({ thumbnailKey: p.key })
    .where(and(eq(documentVersions.id, p.versionId), isNull(documentVersions.thumbnailKey)))
    .returning({ id: documentVersions.id });
  return rows.length > 0;
}

/** Versions still waiting for text after `olderThan` (their job was lost): the sweeper enqueues them again. */
export async function pendingExtractions(db: Database, olderThan: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(and(eq(documentVersions.textStatus, 'pending'), lt(documentVersions.createdAt, olderThan)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Of these stored object names, the ones no version refers to (as its file or its thumbnail). */
export async function unreferencedKeys(db: Database, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await db
    .select({ key: sql<string>`k` })
    .from(sql`unnest(${sql`array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`}) as k`)
    .where(sql`not exists (select 1 from ${documentVersions} v where v.storage_key = k or v.thumbnail_key = k)`);
  return rows.map((r) => r.key);
}
