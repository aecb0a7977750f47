import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { documentContributions, documentFolderFollows, documentFolders, documentVisits } from '../../schema';
import { isoOrNull } from '../../../common/text';

/** What the documents feature holds about a person, for the RGPD export: when they opened the library, the folders they follow, the documents and photos they proposed. */
export async function exportDocumentData(db: Database | Tx, userId: string) {
  const [visit] = await db
    .select({ lastVisitAt: documentVisits.lastVisitAt, previousVisitAt: documentVisits.previousVisitAt })
    .from(documentVisits)
    .where(eq(documentVisits.userId, userId));
  const follows = await db
    .select({ folderId: documentFolderFollows.folderId, folder: documentFolders.name, since: documentFolderFollows.createdAt })
    .from(documentFolderFollows)
    .innerJoin(documentFolders, eq(documentFolders.id, documentFolderFollows.folderId))
    .where(eq(documentFolderFollows.userId, userId))
    .orderBy(asc(documentFolders.name));
  const proposals = await db
    .select({
      id: documentContributions.id, title: documentContributions.title, description: documentContributions.description, credit: documentContributions.credit,
      licenceVersion: documentContributions.licenceVersion, licenceAcceptedAt: documentContributions.licenceAcceptedAt, status: documentContributions.status,
      originalName: documentContributions.originalName, mediaType: documentContributions.mediaType, size: documentContributions.size,
      documentId: documentContributions.documentId, decidedAt: documentContributions.decidedAt, decisionMessage: documentContributions.decisionMessage,
      createdAt: documentContributions.createdAt,
    })
    .from(documentContributions)
    .where(eq(documentContributions.proposedBy, userId))
    .orderBy(asc(documentContributions.createdAt));
  return {
    lastVisitAt: isoOrNull(visit?.lastVisitAt),
    previousVisitAt: isoOrNull(visit?.previousVisitAt),
    followedFolders: follows.map((f) => ({ ...f, since: f.since.toISOString() })),
    proposals: proposals.map((p) => ({ ...p, licenceAcceptedAt: p.licenceAcceptedAt.toISOString(), decidedAt: isoOrNull(p.decidedAt), createdAt: p.createdAt.toISOString() })),
  };
}

/**
 * Erasure: the visit marks and folder follows go (documents the person wrote
 * stay, shown as by « Compte supprimé »). Their proposals not taken into the
 * library (pending or declined) go; approved ones stay with their document,
 * credited as the person asked and under the licence they accepted (the
 * record of that acceptance is the office's right to use the file). Returns
 * the stored files of the removed proposals, to delete after commit.
 */
export async function eraseDocumentPersonalData(tx: Tx, userId: string): Promise<{ objects: string[] }> {
  await tx.delete(documentVisits).where(eq(documentVisits.userId, userId));
  await tx.delete(documentFolderFollows).where(eq(documentFolderFollows.userId, userId));
  const removed = await tx
    .delete(documentContributions)
    .where(and(eq(documentContributions.proposedBy, userId), ne(documentContributions.status, 'approved')))
    .returning({ key: documentContributions.storageKey });
  return { objects: removed.flatMap((r) => (r.key ? [r.key] : [])) };
}
