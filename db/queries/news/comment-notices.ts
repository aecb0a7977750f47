import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsComments, newsMutes, newsPosts, newsPreferences, newsSheets, users } from '../../schema';
import { loadAudienceViewer } from '../audience';
import { queueMailToEach } from '../mail';
import { readableTarget, type Target } from './targets';

/**
 * « Nouveau commentaire » mails: the post's (or sheet's) author and the
 * earlier commenters hear of a new comment, unless they muted the post,
 * refused news mail (the account's « Actualités du réseau » consent, or news
 * frequency « aucun »), or may no longer see it. The comment author is never
 * told of their own comment. Each mail's dedupe key is (comment, person):
 * the job run twice queues nothing more.
 */

/** Accepts news mail: the account-wide consent and a news frequency other than « none » (no row: immediate). */
const wantsNewsMail = sql<boolean>`coalesce((${users.emailPreferences}->>'news')::boolean, true)
  and coalesce((select p.frequency::text from ${newsPreferences} p where p.user_id = ${users.id}), 'immediate') <> 'none'`;

const notMuted = (postId: string | null) =>
  postId ? sql<boolean>`not exists (select 1 from ${newsMutes} m where m.user_id = ${users.id} and m.post_id = ${postId})` : sql<boolean>`true`;

async function loadComment(db: Database, commentId: string) {
  const [c] = await db
    .select({
      id: newsComments.id, postId: newsComments.postId, sheetId: newsComments.sheetId, authorId: newsComments.authorId,
      body: newsComments.body, createdAt: newsComments.createdAt, status: newsComments.status, deletedAt: newsComments.deletedAt,
    })
    .from(newsComments)
    .where(eq(newsComments.id, commentId));
  if (!c || c.status !== 'visible' || c.deletedAt) return null;
  const target: Target = c.postId ? { kind: 'post', id: c.postId } : { kind: 'sheet', id: c.sheetId! };
  return { ...c, target };
}

async function canSee(db: Database, target: Target, who: { role: 'partner' | 'staff' | 'admin'; establishmentId: string | null }) {
  const viewer = await loadAudienceViewer(db, who);
  return (await readableTarget(db, target, { viewer, establishmentId: who.establishmentId }, true)) !== null;
}

/** Queues one mail per person to tell; returns the outbox ids to send. */
export async function queueCommentMails(db: Database, commentId: string): Promise<string[]> {
  const c = await loadComment(db, commentId);
  if (!c) return [];
  const targetAuthor = c.postId
    ? sql`(select p.author_id from ${newsPosts} p where p.id = ${c.postId})`
    : sql`(select s.author_id from ${newsSheets} s where s.id = ${c.sheetId})`;
  const earlier = db
    .selectDistinct({ id: newsComments.authorId })
    .from(newsComments)
    .where(and(
      c.postId ? eq(newsComments.postId, c.postId) : eq(newsComments.sheetId, c.sheetId!),
      lt(newsComments.createdAt, c.createdAt), isNull(newsComments.deletedAt),
    ));
  const people = await db
    .select({ id: users.id, email: users.email, language: users.language, role: users.role, establishmentId: users.establishmentId })
    .from(users)
    .where(and(
      sql`(${users.id} = ${targetAuthor} or ${users.id} in (${earlier}))`,
      c.authorId ? ne(users.id, c.authorId) : sql`true`,
      eq(users.status, 'active'), wantsNewsMail, notMuted(c.postId),
    ));
  return queueMailToEach(db, people, { template: 'news-comment', subjectId: commentId, params: { commentId } }, (person) => canSee(db, c.target, person));
}

/** What the mail shows, or null when it no longer applies (comment hidden or deleted, post muted, consent withdrawn, no longer visible). */
export async function commentForMail(db: Database, commentId: string, userId: string) {
  const c = await loadComment(db, commentId);
  if (!c) return null;
  const [person] = await db
    .select({ name: users.name, role: users.role, establishmentId: users.establishmentId, wanted: wantsNewsMail, notMuted: notMuted(c.postId) })
    .from(users)
    .where(eq(users.id, userId));
  if (!person?.wanted || !person.notMuted || !(await canSee(db, c.target, person))) return null;
  const [author] = c.authorId ? await db.select({ name: users.name }).from(users).where(eq(users.id, c.authorId)) : [];
  const [title] = c.postId
    ? await db.select({ title: newsPosts.title }).from(newsPosts).where(eq(newsPosts.id, c.postId))
    : await db.select({ title: newsSheets.title }).from(newsSheets).where(eq(newsSheets.id, c.sheetId!));
  return { recipientName: person.name, authorName: author?.name ?? '', title: title?.title ?? '', body: c.body, target: c.target };
}
