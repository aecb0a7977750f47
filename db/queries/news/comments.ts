import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { establishments, newsCommentReports, newsComments, newsReactions, users } from '../../schema';
import { NEWS_LIMITS } from '../../../common/news';
import type { Target } from './targets';

/**
 * Comments on posts and published sheets: plain text, stored as typed (the
 * client renders text nodes and links, never HTML). Authors edit theirs for
 * NEWS_LIMITS.commentEditMinutes and delete them; staff hide one with a
 * reason (which upholds its open reports).
 */

export type CommentRow = {
  id: string; postId: string | null; sheetId: string | null;
  authorId: string | null; authorName: string | null; authorRole: 'partner' | 'staff' | 'admin' | null; establishmentName: string | null;
  body: string; createdAt: Date; editedAt: Date | null; status: 'visible' | 'hidden'; hiddenReason: string | null; deletedAt: Date | null;
  reactionCount: number; myReaction: boolean; reportedByMe: boolean;
};

/** Whether a comment was posted less than the edit window ago (the database's clock: the one rule). */
export const withinEditWindow = sql<boolean>`(${newsComments.createdAt} > now() - make_interval(mins => ${NEWS_LIMITS.commentEditMinutes}))`;

const targetWhere = (t: Target): SQL => (t.kind === 'post' ? eq(newsComments.postId, t.id) : eq(newsComments.sheetId, t.id));

function commentColumns(readerId: string) {
  return {
    id: newsComments.id, postId: newsComments.postId, sheetId: newsComments.sheetId,
    authorId: newsComments.authorId, authorName: users.name, authorRole: users.role, establishmentName: establishments.name,
    body: newsComments.body, createdAt: newsComments.createdAt, editedAt: newsComments.editedAt, status: newsComments.status,
    hiddenReason: newsComments.hiddenReason, deletedAt: newsComments.deletedAt,
    reactionCount: sql<number>`(select count(*)::int from ${newsReactions} r where r.comment_id = ${newsComments.id})`,
    myReaction: sql<boolean>`exists (select 1 from ${newsReactions} r where r.comment_id = ${newsComments.id} and r.user_id = ${readerId})`,
    reportedByMe: sql<boolean>`exists (select 1 from ${newsCommentReports} cr where cr.comment_id = ${newsComments.id} and cr.reporter_id = ${readerId})`,
  };
}

function selectComments(db: Database, readerId: string) {
  return db
    .select(commentColumns(readerId))
    .from(newsComments)
    .leftJoin(users, eq(users.id, newsComments.authorId))
    .leftJoin(establishments, eq(establishments.id, users.establishmentId));
}

/** A target's comments, oldest first (a conversation), deleted ones left out; hidden ones stay, the mapping blanks them for partners. */
export async function listComments(db: Database, p: { target: Target; readerId: string; page: number; pageSize: number }): Promise<{ rows: CommentRow[]; total: number }> {
  const where = and(targetWhere(p.target), isNull(newsComments.deletedAt));
  const [rows, total] = await Promise.all([
    selectComments(db, p.readerId).where(where).orderBy(asc(newsComments.createdAt), asc(newsComments.id))
      .limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    db.$count(newsComments, where),
  ]);
  return { rows: rows as CommentRow[], total };
}

export async function getComment(db: Database, id: string, readerId: string): Promise<CommentRow | null> {
  const [row] = await selectComments(db, readerId).where(and(eq(newsComments.id, id), isNull(newsComments.deletedAt)));
  return (row as CommentRow | undefined) ?? null;
}

/** Where a comment hangs (to check the reader may see it), or null when it is absent or deleted. */
export async function commentTarget(db: Database, id: string): Promise<{ target: Target; authorId: string | null; status: 'visible' | 'hidden' } | null> {
  const [row] = await db
    .select({ postId: newsComments.postId, sheetId: newsComments.sheetId, authorId: newsComments.authorId, status: newsComments.status })
    .from(newsComments)
    .where(and(eq(newsComments.id, id), isNull(newsComments.deletedAt)));
  if (!row) return null;
  const target: Target = row.postId ? { kind: 'post', id: row.postId } : { kind: 'sheet', id: row.sheetId! };
  return { target, authorId: row.authorId, status: row.status };
}

export async function createComment(db: Database, p: { target: Target; authorId: string; body: string }): Promise<string> {
  const [row] = await db
    .insert(newsComments)
    .values({ ...(p.target.kind === 'post' ? { postId: p.target.id } : { sheetId: p.target.id }), authorId: p.authorId, body: p.body })
    .returning({ id: newsComments.id });
  return row!.id;
}

export type EditOutcome = { ok: true } | { ok: false; reason: 'commentNotFound' | 'commentNotMine' | 'commentHidden' | 'commentEditWindow' };

/** The author's edit, refused after the window (checked in the same statement as the write: no race with the clock). */
export async function editComment(db: Database, p: { id: string; authorId: string; body: string }): Promise<EditOutcome> {
  const [done] = await db
    .update(newsComments)
    .set({ body: p.body, editedAt: sql`now()` })
    .where(and(eq(newsComments.id, p.id), eq(newsComments.authorId, p.authorId), isNull(newsComments.deletedAt), eq(newsComments.status, 'visible'), withinEditWindow))
    .returning({ id: newsComments.id });
  if (done) return { ok: true };
  return { ok: false, reason: await whyNot(db, p.id, p.authorId) };
}

async function whyNot(db: Database, id: string, authorId: string) {
  const found = await commentTarget(db, id);
  if (!found) return 'commentNotFound' as const;
  if (found.authorId !== authorId) return 'commentNotMine' as const;
  if (found.status === 'hidden') return 'commentHidden' as const;
  return 'commentEditWindow' as const;
}

export type DeleteOutcome = { ok: true } | { ok: false; reason: 'commentNotFound' | 'commentNotMine' };

/** The author deletes their comment (any time): it leaves every list and count. */
export async function deleteComment(db: Database, p: { id: string; authorId: string }): Promise<DeleteOutcome> {
  const [done] = await db
    .update(newsComments)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(newsComments.id, p.id), eq(newsComments.authorId, p.authorId), isNull(newsComments.deletedAt)))
    .returning({ id: newsComments.id });
  if (done) return { ok: true };
  return { ok: false, reason: (await commentTarget(db, p.id)) ? 'commentNotMine' : 'commentNotFound' };
}

/** Staff hide a comment with a reason; its open reports are upheld at the same time. False when absent. */
export async function hideComment(db: Database, p: { id: string; staffId: string; reason: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(newsComments)
      .set({ status: 'hidden', hiddenReason: p.reason, hiddenBy: p.staffId, hiddenAt: sql`now()` })
      .where(and(eq(newsComments.id, p.id), isNull(newsComments.deletedAt)))
      .returning({ id: newsComments.id });
    if (!done) return false;
    await tx
      .update(newsCommentReports)
      .set({ status: 'upheld', handledBy: p.staffId, handledAt: sql`now()` })
      .where(and(eq(newsCommentReports.commentId, p.id), eq(newsCommentReports.status, 'open')));
    return true;
  });
}

/** Staff show a hidden comment again. False when absent. */
export async function unhideComment(db: Database, id: string): Promise<boolean> {
  const [done] = await db
    .update(newsComments)
    .set({ status: 'visible', hiddenReason: null, hiddenBy: null, hiddenAt: null })
    .where(and(eq(newsComments.id, id), isNull(newsComments.deletedAt)))
    .returning({ id: newsComments.id });
  return !!done;
}

/** Hidden comments, latest first, with the title of what they hang on (the moderation page). */
export async function listHiddenComments(db: Database, p: { readerId: string; page: number; pageSize: number }) {
  const where = and(eq(newsComments.status, 'hidden'), isNull(newsComments.deletedAt));
  const [rows, total] = await Promise.all([
    selectComments(db, p.readerId).where(where).orderBy(sql`${newsComments.hiddenAt} desc nulls last`, asc(newsComments.id))
      .limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    db.$count(newsComments, where),
  ]);
  return { rows: rows as CommentRow[], total };
}
