import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../client';
import {
  establishments, newsCommentReports, newsComments, newsDigestSends, newsMutes, newsPosts, newsPreferences, newsReactions, newsReads, newsSheets,
} from '../../schema';
import { isoOrNull } from '../../../common/text';

/** The title of what a comment, reaction or mute hangs on (a post or a sheet), for the export to be readable. */
const titleOf = (postId: unknown, sheetId: unknown) => sql<string | null>`coalesce(
  (select p.title from ${newsPosts} p where p.id = ${postId}), (select s.title from ${newsSheets} s where s.id = ${sheetId}))`;

/**
 * RGPD export, news part: mail preferences, comments (every state, with what
 * they were on), experience sheets the person wrote, read marks, muted posts,
 * « utile » reactions, reports they made, weekly digests sent to them, and
 * (staff) the posts they wrote.
 */
export async function exportNewsData(tx: Tx, userId: string) {
  const [preferences] = await tx
    .select({ frequency: newsPreferences.frequency, quietFromMonth: newsPreferences.quietFromMonth, quietToMonth: newsPreferences.quietToMonth, updatedAt: newsPreferences.updatedAt })
    .from(newsPreferences).where(eq(newsPreferences.userId, userId));
  const comments = await tx
    .select({
      id: newsComments.id, postId: newsComments.postId, sheetId: newsComments.sheetId, on: titleOf(newsComments.postId, newsComments.sheetId),
      body: newsComments.body, status: newsComments.status, hiddenReason: newsComments.hiddenReason,
      createdAt: newsComments.createdAt, editedAt: newsComments.editedAt, deletedAt: newsComments.deletedAt,
    })
    .from(newsComments).where(eq(newsComments.authorId, userId)).orderBy(asc(newsComments.createdAt));
  const sheets = await tx
    .select({
      id: newsSheets.id, establishment: establishments.name, title: newsSheets.title, context: newsSheets.context, actions: newsSheets.actions,
      result: newsSheets.result, figures: newsSheets.figures, photos: newsSheets.photos, status: newsSheets.status, staffRemark: newsSheets.staffRemark,
      createdAt: newsSheets.createdAt, publishedAt: newsSheets.publishedAt,
    })
    .from(newsSheets).innerJoin(establishments, eq(establishments.id, newsSheets.establishmentId))
    .where(eq(newsSheets.authorId, userId)).orderBy(asc(newsSheets.createdAt));
  const reads = await tx
    .select({ postId: newsReads.postId, title: newsPosts.title, readAt: newsReads.readAt })
    .from(newsReads).innerJoin(newsPosts, eq(newsPosts.id, newsReads.postId))
    .where(eq(newsReads.userId, userId)).orderBy(asc(newsReads.readAt));
  const mutes = await tx
    .select({ postId: newsMutes.postId, title: newsPosts.title, since: newsMutes.createdAt })
    .from(newsMutes).innerJoin(newsPosts, eq(newsPosts.id, newsMutes.postId))
    .where(eq(newsMutes.userId, userId)).orderBy(asc(newsMutes.createdAt));
  const reactions = await tx
    .select({ postId: newsReactions.postId, commentId: newsReactions.commentId, sheetId: newsReactions.sheetId, createdAt: newsReactions.createdAt })
    .from(newsReactions).where(eq(newsReactions.userId, userId)).orderBy(asc(newsReactions.createdAt));
  const reports = await tx
    .select({
      commentId: newsCommentReports.commentId, reason: newsCommentReports.reason, status: newsCommentReports.status,
      createdAt: newsCommentReports.createdAt, handledAt: newsCommentReports.handledAt,
    })
    .from(newsCommentReports).where(eq(newsCommentReports.reporterId, userId)).orderBy(asc(newsCommentReports.createdAt));
  const digests = await tx
    .select({ isoWeek: newsDigestSends.isoWeek, postCount: newsDigestSends.postCount, sentAt: newsDigestSends.sentAt })
    .from(newsDigestSends).where(eq(newsDigestSends.userId, userId)).orderBy(asc(newsDigestSends.isoWeek));
  const posts = await tx
    .select({ id: newsPosts.id, title: newsPosts.title, status: newsPosts.status, publishAt: newsPosts.publishAt, createdAt: newsPosts.createdAt })
    .from(newsPosts).where(eq(newsPosts.authorId, userId)).orderBy(asc(newsPosts.createdAt));
  const iso = (d: Date) => d.toISOString();
  return {
    mailPreferences: preferences
      ? { frequency: preferences.frequency, quietFromMonth: preferences.quietFromMonth, quietToMonth: preferences.quietToMonth, updatedAt: iso(preferences.updatedAt) }
      : null,
    comments: comments.map((c) => ({ ...c, createdAt: iso(c.createdAt), editedAt: isoOrNull(c.editedAt), deletedAt: isoOrNull(c.deletedAt) })),
    sheets: sheets.map((s) => ({ ...s, createdAt: iso(s.createdAt), publishedAt: isoOrNull(s.publishedAt) })),
    reads: reads.map((r) => ({ ...r, readAt: iso(r.readAt) })),
    mutedPosts: mutes.map((m) => ({ ...m, since: iso(m.since) })),
    reactions: reactions.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    reportsMade: reports.map((r) => ({ ...r, createdAt: iso(r.createdAt), handledAt: isoOrNull(r.handledAt) })),
    digests: digests.map((d) => ({ ...d, sentAt: iso(d.sentAt) })),
    postsWritten: posts.map((p) => ({ ...p, publishAt: isoOrNull(p.publishAt), createdAt: iso(p.createdAt) })),
  };
}

/**
 * RGPD erasure, news part (inside the one erasure transaction):
 * - the person's comments are REMOVED, not kept under « Ancien partenaire »:
 *   a comment is free text in their own words, which often names them or
 *   their establishment, so hiding the author would not anonymise it; the
 *   threads are flat (no replies hang on a comment), so nothing else breaks.
 *   Reactions to and reports about those comments go with them (cascade);
 * - read marks, mail preferences, mutes, reactions, reports they made and
 *   their digest records go;
 * - experience sheets belong to their establishment (published ones are the
 *   network's shared knowledge): they stay, without their author; posts a
 *   member of staff wrote stay as the office's, without their author; and
 *   staff's moderation marks (who hid, handled, reviewed) lose the name.
 */
export async function eraseNewsData(tx: Tx, userId: string): Promise<void> {
  await tx.delete(newsComments).where(eq(newsComments.authorId, userId));
  await tx.delete(newsCommentReports).where(eq(newsCommentReports.reporterId, userId));
  await tx.delete(newsReactions).where(eq(newsReactions.userId, userId));
  await tx.delete(newsReads).where(eq(newsReads.userId, userId));
  await tx.delete(newsMutes).where(eq(newsMutes.userId, userId));
  await tx.delete(newsPreferences).where(eq(newsPreferences.userId, userId));
  await tx.delete(newsDigestSends).where(eq(newsDigestSends.userId, userId));
  await tx.update(newsSheets).set({ authorId: null }).where(eq(newsSheets.authorId, userId));
  await tx.update(newsSheets).set({ reviewedBy: null }).where(eq(newsSheets.reviewedBy, userId));
  await tx.update(newsPosts).set({ authorId: null }).where(eq(newsPosts.authorId, userId));
  await tx.update(newsComments).set({ hiddenBy: null }).where(eq(newsComments.hiddenBy, userId));
  await tx.update(newsCommentReports).set({ handledBy: null }).where(eq(newsCommentReports.handledBy, userId));
}
