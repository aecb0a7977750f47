import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { documentFolderFollows, documentFolders, documents, users } from '../../schema';
import { audienceVisible, loadAudienceViewer, type AudienceViewer } from '../audience';
import { queueMailToEach } from '../mail';
import { documentVisible } from './documents';

/** Follows a folder the viewer may see; false when it is absent or hidden. Following twice is one follow. */
export async function followFolder(db: Database, p: { userId: string; folderId: string; viewer: AudienceViewer }): Promise<boolean> {
  if (!(await db.$count(documentFolders, and(eq(documentFolders.id, p.folderId), audienceVisible(documentFolders, p.viewer))))) return false;
  await db.insert(documentFolderFollows).values({ userId: p.userId, folderId: p.folderId }).onConflictDoNothing();
  return true;
}

export async function unfollowFolder(db: Database, p: { userId: string; folderId: string }): Promise<void> {
  await db.delete(documentFolderFollows).where(and(eq(documentFolderFollows.userId, p.userId), eq(documentFolderFollows.folderId, p.folderId)));
}

export async function followedFolderIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db.select({ id: documentFolderFollows.folderId }).from(documentFolderFollows).where(eq(documentFolderFollows.userId, userId));
  return rows.map((r) => r.id);
}

const wantsDocumentsMail = sql<boolean>`coalesce((${users.emailPreferences}->>'documents')::boolean, true)`;

/** Whether this user may see the document now (the same rule as the library), through their own audience. */
async function visibleTo(db: Database, documentId: string, user: { role: 'partner' | 'staff' | 'admin'; establishmentId: string | null }): Promise<boolean> {
  const viewer = await loadAudienceViewer(db, user);
  return (await db.$count(documents, and(eq(documents.id, documentId), documentVisible(viewer)))) > 0;
}

/**
 * One outbox mail per follower of the folder of a newly published document
 * who may see it (their audience) and accepts resource-centre mail. The
 * dedupe key (document, follower) makes a second run queue nothing.
 * Returns the mail ids to send.
 */
export async function queueFollowerMails(db: Database, documentId: string): Promise<string[]> {
  const [doc] = await db.select({ folderId: documents.folderId, status: documents.status }).from(documents).where(eq(documents.id, documentId));
  if (!doc?.folderId || doc.status !== 'published') return [];
  const followers = await db
    .select({ id: users.id, email: users.email, language: users.language, role: users.role, establishmentId: users.establishmentId })
    .from(documentFolderFollows)
    .innerJoin(users, eq(users.id, documentFolderFollows.userId))
    .where(and(eq(documentFolderFollows.folderId, doc.folderId), eq(users.status, 'active'), wantsDocumentsMail));
  return queueMailToEach(db, followers, { template: 'document-published', subjectId: documentId, params: { documentId } }, (f) => visibleTo(db, documentId, f));
}

/** What the new-document mail shows, or null when it no longer applies (unpublished, hidden from them, follow or consent withdrawn). */
export async function documentForFollowerMail(db: Database, documentId: string, userId: string) {
  const [row] = await db
    .select({
      title: documents.title, description: documents.description, folderId: documents.folderId, folderName: documentFolders.name,
      name: users.name, role: users.role, establishmentId: users.establishmentId, wanted: wantsDocumentsMail,
      following: sql<boolean>`exists (select 1 from ${documentFolderFollows} f where f.user_id = ${users.id} and f.folder_id = ${documents.folderId})`,
    })
    .from(documents)
    .innerJoin(documentFolders, eq(documentFolders.id, documents.folderId))
    .innerJoin(users, eq(users.id, userId))
    .where(eq(documents.id, documentId));
  if (!row || !row.wanted || !row.following || !(await visibleTo(db, documentId, row))) return null;
  return row;
}
