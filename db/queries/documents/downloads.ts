import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { documentDownloads, documents, documentVersions } from '../../schema';
import type { AudienceViewer } from '../audience';
import { documentVisible } from './documents';

export interface DownloadTarget {
  documentId: string;
  versionId: string;
  storageKey: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * The file a viewer may download: the current version of a document they
 * can see, or (staff only) any version. Null when absent or hidden alike.
 */
export async function downloadTarget(db: Database, p: { documentId: string; versionId?: string; viewer: AudienceViewer }): Promise<DownloadTarget | null> {
  if (p.versionId && p.viewer.kind !== 'staff') return null;
  const [row] = await db
    .select({
      documentId: documents.id, versionId: documentVersions.id, storageKey: documentVersions.storageKey, originalName: documentVersions.originalName,
      mediaType: documentVersions.mediaType, size: documentVersions.size, sha256: documentVersions.sha256,
    })
    .from(documents)
    .innerJoin(documentVersions, p.versionId
      ? and(eq(documentVersions.documentId, documents.id), eq(documentVersions.id, p.versionId))
      : eq(documentVersions.id, documents.currentVersionId))
    .where(and(eq(documents.id, p.documentId), documentVisible(p.viewer)));
  return row ?? null;
}

/** Counts one download for the version, today (Paris), under the viewer's category: never who downloaded. */
export async function recordDownload(db: Database, p: { documentId: string; versionId: string; category: string }): Promise<void> {
  await db
    .insert(documentDownloads)
    .values({ documentId: p.documentId, versionId: p.versionId, category: p.category, day: sql`(now() at time zone 'Europe/Paris')::date`, count: 1 })
    .onConflictDoUpdate({
      target: [documentDownloads.versionId, documentDownloads.day, documentDownloads.category],
      set: { count: sql`${documentDownloads.count} + 1` },
    });
}

/** Download counts of a document by partner category (staff view). */
export async function downloadCounts(db: Database, documentId: string): Promise<{ category: string; count: number }[]> {
  return db
    .select({ category: documentDownloads.category, count: sql<number>`sum(${documentDownloads.count})::int` })
    .from(documentDownloads)
    .where(eq(documentDownloads.documentId, documentId))
    .groupBy(documentDownloads.category)
    .orderBy(documentDownloads.category);
}

/** The thumbnail of a document's current version, for a viewer who may see the document. */
export async function thumbnailTarget(db: Database, p: { documentId: string; viewer: AudienceViewer }): Promise<string | null> {
  const [row] = await db
    .select({ key: documentVersions.thumbnailKey })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(eq(documents.id, p.documentId), documentVisible(p.viewer)));
  return row?.key ?? null;
}
