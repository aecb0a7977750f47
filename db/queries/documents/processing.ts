import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { documentContributions, documents, documentTexts, documentVersions, users } from '../../schema';
import { queueMail } from '../mail';
import { capSearchText, refreshSearch } from './search';
import { firstOrNull } from '../rows';

/** What the workers need of a version (text extraction, thumbnail). */
export async function versionForProcessing(db: Database, versionId: string) {
  return firstOrNull(db
    .select({
      id: documentVersions.id, documentId: documentVersions.documentId, storageKey: documentVersions.storageKey, mediaType: documentVersions.mediaType,
      size: documentVersions.size, textStatus: documentVersions.textStatus, thumbnailKey: documentVersions.thumbnailKey,
    })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId)));
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
    if (p.text !== null) {
      const capped = capSearchText(p.text);
      await tx.insert(documentTexts).values({ versionId: p.versionId, text: capped.text, truncated: p.truncated || capped.cut }).onConflictDoNothing();
    }
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

/** Of these stored object names, the ones no version refers to (as its file or its thumbnail) and no proposal waits with. */
export async function unreferencedKeys(db: Database, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await db
    .select({ key: sql<string>`k` })
    .from(sql`unnest(${sql`array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`}) as k`)
    .where(sql`not exists (select 1 from ${documentVersions} v where v.storage_key = k or v.thumbnail_key = k)
      and not exists (select 1 from ${documentContributions} c where c.storage_key = k)`);
  return rows.map((r) => r.key);
}

/**
 * Documents whose review date has come and whose owner was not reminded yet:
 * one outbox mail per document and review date (dedupe key), and the
 * document marked reminded, in one transaction each. Returns the mail ids to
 * enqueue after commit. Running it twice queues nothing more.
 */
export async function queueDueReviewReminders(db: Database, limit = 200): Promise<string[]> {
  const due = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(
      sql`${documents.status} <> 'archived'`, isNull(documents.reviewRemindedAt), sql`${documents.ownerId} is not null`,
      sql`${documents.reviewOn} <= (now() at time zone 'Europe/Paris')::date`,
    ))
    .limit(limit);
  const mailIds: string[] = [];
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [doc] = await tx
        .select({ reviewOn: documents.reviewOn, remindedAt: documents.reviewRemindedAt, ownerId: users.id, email: users.email, language: users.language, status: users.status })
        .from(documents)
        .innerJoin(users, eq(users.id, documents.ownerId))
        .where(eq(documents.id, id))
        .for('update', { of: documents });
      if (!doc || doc.remindedAt || !doc.reviewOn) return;
      if (doc.status === 'active') {
        const mailId = await queueMail(tx, {
          template: 'document-review', userId: doc.ownerId, toAddress: doc.email, language: doc.language,
          params: { documentId: id }, dedupeKey: `document-review:${id}:${doc.reviewOn}`,
        });
        if (mailId) mailIds.push(mailId);
      }
      await tx.update(documents).set({ reviewRemindedAt: new Date() }).where(eq(documents.id, id));
    });
  }
  return mailIds;
}

/** What the review mail shows, or null when it no longer applies (archived, reviewed since, new date). */
export async function documentForReviewMail(db: Database, documentId: string) {
  const [row] = await db
    .select({ title: documents.title, reviewOn: documents.reviewOn, status: documents.status, ownerName: users.name })
    .from(documents)
    .innerJoin(users, eq(users.id, documents.ownerId))
    .where(eq(documents.id, documentId));
  if (!row || row.status === 'archived' || !row.reviewOn) return null;
  return row;
}
