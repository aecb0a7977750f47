import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { documentDownloads, documents, documentVersions } from '../../schema';
import type { AudienceViewer } from '../audience';
import { documentVisible } from './documents';
import { firstOrNull } from '../rows';

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
  return firstOrNull(db
    .select({
      documentId: documents.id, versionId: documentVersions.id, storageKey: documentVersions.storageKey, originalName: documentVersions.originalName,
      mediaType: documentVersions.mediaType, size: documentVersions.size, sha256: documentVersions.sha256,
    })
    .from(documents)
    .innerJoin(documentVersions, p.versionId
      ? and(eq(documentVersions.documentId, documents.id), eq(documentVersions.id, p.versionId))
      : eq(documentVersions.id, documents.currentVersionId))
    .where(and(eq(documents.id, p.documentId), documentVisible(p.viewer))));
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

/** Days of download counts shown to staff, today (Paris) included. */
export const DOWNLOAD_DAYS_SHOWN = 30;

/**
 * Download counts of a document (staff view): by partner category, by
 * version, and by day over the last DOWNLOAD_DAYS_SHOWN days (days without
 * a download left out). Sums of the stored rows: never a person.
 */
export async function downloadCounts(db: Database, documentId: string) {
  const total = sql<number>`sum(${documentDownloads.count})::int`;
  const ofDocument = eq(documentDownloads.documentId, documentId);
  const [byCategory, byVersion, byDay] = await Promise.all([
    db.select({ category: documentDownloads.category, count: total }).from(documentDownloads).where(ofDocument)
      .groupBy(documentDownloads.category).orderBy(documentDownloads.category),
    db.select({ versionId: documentDownloads.versionId, count: total }).from(documentDownloads).where(ofDocument)
      .groupBy(documentDownloads.versionId),
    db.select({ day: documentDownloads.day, count: total }).from(documentDownloads)
      .where(and(ofDocument, sql`${documentDownloads.day} > (now() at time zone 'Europe/Paris')::date - ${DOWNLOAD_DAYS_SHOWN}::int`))
      .groupBy(documentDownloads.day).orderBy(desc(documentDownloads.day)),
  ]);
  return { byCategory, byVersion, byDay };
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
