import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Database, Tx } from '../../client';
import { documentContributions, documentFolders, documents, documentVersions, establishments, users } from '../../schema';
import type { ContributionStatus } from '../../../common/documents';
import { audienceValues, type Audience } from '../audience';
import { queueMail } from '../mail';
import { refreshSearch } from './search';
import { firstOrNull } from '../rows';

/** Who asks: staff see every proposal, a partner those of their establishment only. */
export type ContributionScope = { kind: 'staff' } | { kind: 'establishment'; establishmentId: string };

const proposer = sql<string | null>`(select u.name from ${users} u where u.id = ${documentContributions.proposedBy})`;
const contributionColumns = {
  id: documentContributions.id, establishmentId: documentContributions.establishmentId, establishmentName: establishments.name,
  proposedBy: documentContributions.proposedBy, proposerName: proposer, title: documentContributions.title,
  description: documentContributions.description, credit: documentContributions.credit, licenceVersion: documentContributions.licenceVersion,
  licenceAcceptedAt: documentContributions.licenceAcceptedAt, status: documentContributions.status, storageKey: documentContributions.storageKey,
  originalName: documentContributions.originalName, mediaType: documentContributions.mediaType, size: documentContributions.size,
  sha256: documentContributions.sha256, folderId: documentContributions.folderId, documentId: documentContributions.documentId,
  decidedAt: documentContributions.decidedAt, decisionMessage: documentContributions.decisionMessage, createdAt: documentContributions.createdAt,
};
export type ContributionRow = Omit<SelectResultFields<typeof contributionColumns>, 'establishmentName'> & { establishmentName: string | null };

const inScope = (scope: ContributionScope): SQL =>
  scope.kind === 'staff' ? sql`true` : eq(documentContributions.establishmentId, scope.establishmentId);

export interface ContributionFile {
  storageKey: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Records a proposal whose file is already stored (the caller deletes the object if this fails). */
export async function createContribution(
  db: Database,
  input: { proposedBy: string; establishmentId: string; title: string; description: string; credit: string; licenceVersion: string; file: ContributionFile },
): Promise<string> {
  const [row] = await db
    .insert(documentContributions)
    .values({
      establishmentId: input.establishmentId, proposedBy: input.proposedBy, title: input.title, description: input.description, credit: input.credit,
      licenceVersion: input.licenceVersion, licenceAcceptedAt: new Date(), ...input.file,
    })
    .returning({ id: documentContributions.id });
  return row!.id;
}

export async function getContribution(db: Database, id: string, scope: ContributionScope): Promise<ContributionRow | null> {
  return firstOrNull(db
    .select(contributionColumns)
    .from(documentContributions)
    .leftJoin(establishments, eq(establishments.id, documentContributions.establishmentId))
    .where(and(eq(documentContributions.id, id), inScope(scope))));
}

/** A page of proposals: the staff queue oldest first (pending), a partner's own newest first. */
export async function listContributions(db: Database, p: { scope: ContributionScope; status?: ContributionStatus; page: number; pageSize: number }) {
  const where = and(inScope(p.scope), p.status ? eq(documentContributions.status, p.status) : undefined);
  const order = p.scope.kind === 'staff' && p.status === 'pending' ? asc(documentContributions.createdAt) : desc(documentContributions.createdAt);
  const [items, [total]] = await Promise.all([
    db.select(contributionColumns).from(documentContributions)
      .leftJoin(establishments, eq(establishments.id, documentContributions.establishmentId))
      .where(where).orderBy(order, asc(documentContributions.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(documentContributions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export type DecisionRefusal = 'notFound' | 'alreadyDecided' | 'folderNotFound';
export type ApproveResult =
  | { ok: true; documentId: string; versionId: string; effects: { mailIds: string[] } }
  | { ok: false; reason: DecisionRefusal };

/** Locks a pending proposal (first, so two staff deciding at once decide once). */
async function lockPending(tx: Tx, id: string) {
  const [row] = await tx.select().from(documentContributions).where(eq(documentContributions.id, id)).for('update');
  if (!row) return { ok: false as const, reason: 'notFound' as const };
  if (row.status !== 'pending' || !row.storageKey) return { ok: false as const, reason: 'alreadyDecided' as const };
  return { ok: true as const, row: { ...row, storageKey: row.storageKey } };
}

/** The proposer's decision mail, when they are active and accept resource-centre mail. */
async function queueDecisionMail(tx: Tx, contributionId: string, userId: string | null): Promise<string[]> {
  if (!userId) return [];
  const [user] = await tx
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active'), sql`coalesce((${users.emailPreferences}->>'documents')::boolean, true)`));
  if (!user) return [];
  const mailId = await queueMail(tx, {
    template: 'contribution-decided', userId, toAddress: user.email, language: user.language,
    params: { contributionId }, dedupeKey: `contribution-decided:${contributionId}`,
  });
  return mailId ? [mailId] : [];
}

/**
 * Approves a proposal into a folder: the stored object becomes version 1 of
 * a new published document that keeps the author credit; the proposer is
 * told (outbox row). One transaction, the proposal row locked first.
 */
export async function approveContribution(
  db: Database,
  input: { id: string; actorId: string; folderId: string; title: string; description: string; tags: string[]; audience: Audience; textStatus: 'pending' | 'none' },
): Promise<ApproveResult> {
  return db.transaction(async (tx) => {
    const locked = await lockPending(tx, input.id);
    if (!locked.ok) return locked;
    const c = locked.row;
    if (!(await tx.$count(documentFolders, eq(documentFolders.id, input.folderId)))) return { ok: false as const, reason: 'folderNotFound' as const };
    const [doc] = await tx
      .insert(documents)
      .values({
        folderId: input.folderId, title: input.title, description: input.description, tags: input.tags, status: 'published', ...audienceValues(input.audience),
        credit: c.credit, ownerId: input.actorId, createdBy: input.actorId, publishedAt: new Date(),
      })
      .returning({ id: documents.id });
    const [version] = await tx
      .insert(documentVersions)
      .values({
        documentId: doc!.id, number: 1, storageKey: c.storageKey, originalName: c.originalName, mediaType: c.mediaType, size: c.size, sha256: c.sha256,
        changeNote: '', textStatus: input.textStatus, uploadedBy: c.proposedBy,
      })
      .returning({ id: documentVersions.id });
    await tx.update(documents).set({ currentVersionId: version!.id }).where(eq(documents.id, doc!.id));
    await refreshSearch(tx, doc!.id);
    await tx
      .update(documentContributions)
      .set({ status: 'approved', folderId: input.folderId, documentId: doc!.id, decidedBy: input.actorId, decidedAt: new Date() })
      .where(eq(documentContributions.id, c.id));
    return { ok: true as const, documentId: doc!.id, versionId: version!.id, effects: { mailIds: await queueDecisionMail(tx, c.id, c.proposedBy) } };
  });
}

export type DeclineResult = { ok: true; key: string; effects: { mailIds: string[] } } | { ok: false; reason: DecisionRefusal };

/** Declines a proposal with a message; returns the stored object to remove after commit (the sweeper catches a failure). */
export async function declineContribution(db: Database, input: { id: string; actorId: string; message: string }): Promise<DeclineResult> {
  return db.transaction(async (tx) => {
    const locked = await lockPending(tx, input.id);
    if (!locked.ok) return locked;
    await tx
      .update(documentContributions)
      .set({ status: 'declined', storageKey: null, decisionMessage: input.message, decidedBy: input.actorId, decidedAt: new Date() })
      .where(eq(documentContributions.id, input.id));
    return { ok: true as const, key: locked.row.storageKey, effects: { mailIds: await queueDecisionMail(tx, input.id, locked.row.proposedBy) } };
  });
}

/** What the decision mail shows, or null when it no longer applies (proposal gone, or its proposer turned resource-centre mail off). */
export async function contributionForMail(db: Database, id: string) {
  const [row] = await db
    .select({
      title: documentContributions.title, status: documentContributions.status, message: documentContributions.decisionMessage,
      documentId: documentContributions.documentId, name: users.name,
      wanted: sql<boolean>`coalesce((${users.emailPreferences}->>'documents')::boolean, true)`,
    })
    .from(documentContributions)
    .innerJoin(users, eq(users.id, documentContributions.proposedBy))
    .where(eq(documentContributions.id, id));
  if (!row || row.status === 'pending' || !row.wanted) return null;
  return row;
}
