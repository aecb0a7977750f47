import { asc, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { documentFolderFollows, documentFolders, documentVisits } from '../../schema';
import { isoOrNull } from '../../../common/text';

/** What the documents feature holds about a person, for the RGPD export: when they opened the library, and the folders they follow. */
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
  return {
    lastVisitAt: isoOrNull(visit?.lastVisitAt),
    previousVisitAt: isoOrNull(visit?.previousVisitAt),
    followedFolders: follows.map((f) => ({ ...f, since: f.since.toISOString() })),
  };
}

/** Erasure: the visit marks and folder follows go (documents the person wrote stay, shown as by « Compte supprimé »). */
export async function eraseDocumentPersonalData(tx: Tx, userId: string): Promise<void> {
  await tx.delete(documentVisits).where(eq(documentVisits.userId, userId));
  await tx.delete(documentFolderFollows).where(eq(documentFolderFollows.userId, userId));
}
