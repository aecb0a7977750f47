import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { documents, documentVersions, trainingDocuments, trainings, trainingSessions } from '../../schema';
import type { AudienceViewer } from '../audience';
import { documentVisible } from '../documents/documents';

/** Library documents attached to trainings and sessions (handouts, maps, the brand kit...). */

export type AttachRefusal = 'trainingNotFound' | 'sessionNotFound' | 'documentNotFound' | 'alreadyAttached';

/** Attaches a library document to a training, or to one of its sessions; archived documents cannot be attached. */
export async function attachDocument(
  db: Database,
  p: { trainingId: string; sessionId: string | null; documentId: string; actorId: string },
): Promise<{ ok: true; id: string } | { ok: false; reason: AttachRefusal }> {
  return db.transaction(async (tx) => {
    const [training] = await tx.select({ id: trainings.id }).from(trainings).where(eq(trainings.id, p.trainingId)).for('update');
    if (!training) return { ok: false as const, reason: 'trainingNotFound' as const };
    if (p.sessionId && !(await tx.$count(trainingSessions, and(eq(trainingSessions.id, p.sessionId), eq(trainingSessions.trainingId, p.trainingId))))) {
      return { ok: false as const, reason: 'sessionNotFound' as const };
    }
    if (!(await tx.$count(documents, and(eq(documents.id, p.documentId), sql`${documents.status} <> 'archived'`)))) return { ok: false as const, reason: 'documentNotFound' as const };
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${trainingDocuments.position}), -1)::int` }).from(trainingDocuments).where(eq(trainingDocuments.trainingId, p.trainingId));
    const [row] = await tx
      .insert(trainingDocuments)
      .values({ trainingId: p.trainingId, sessionId: p.sessionId, documentId: p.documentId, position: (last?.n ?? -1) + 1, createdBy: p.actorId })
      .onConflictDoNothing()
      .returning({ id: trainingDocuments.id });
    return row ? { ok: true as const, id: row.id } : { ok: false as const, reason: 'alreadyAttached' as const };
  });
}

export async function detachDocument(db: Database, p: { trainingId: string; attachmentId: string }): Promise<boolean> {
  const rows = await db
    .delete(trainingDocuments)
    .where(and(eq(trainingDocuments.id, p.attachmentId), eq(trainingDocuments.trainingId, p.trainingId)))
    .returning({ id: trainingDocuments.id });
  return rows.length > 0;
}

/**
 * The attached documents a viewer may see (the library's own rule: partners
 * get published documents of their audience, so a hidden one is not even
 * listed). `sessionId`: that session's page (the training's documents and
 * its own); 'all': every attachment of the training (the staff page);
 * null: the training's page (its own documents).
 */
export async function listAttachedDocuments(db: Database, p: { trainingId: string; sessionId: string | null | 'all'; viewer: AudienceViewer }) {
  const scope = p.sessionId === 'all' ? sql`true` : p.sessionId === null ? isNull(trainingDocuments.sessionId) : or(isNull(trainingDocuments.sessionId), eq(trainingDocuments.sessionId, p.sessionId));
  return db
    .select({
      id: trainingDocuments.id, sessionId: trainingDocuments.sessionId, documentId: documents.id, title: documents.title, status: documents.status,
      credit: documents.credit, mediaType: documentVersions.mediaType, size: documentVersions.size, originalName: documentVersions.originalName,
    })
    .from(trainingDocuments)
    .innerJoin(documents, eq(documents.id, trainingDocuments.documentId))
    .leftJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(eq(trainingDocuments.trainingId, p.trainingId), scope, documentVisible(p.viewer)))
    .orderBy(asc(trainingDocuments.position), asc(trainingDocuments.id));
}

/** The training a session belongs to (null: no such session). */
export async function trainingOfSession(db: Database, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ id: trainingSessions.trainingId }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  return row?.id ?? null;
}
