import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, newsDigestSends, newsPosts, newsPreferences, newsReads, users } from '../../schema';
import { audienceMembers } from '../audience';
import { queueMail, queueMailToEach } from '../mail';
import { inQuietPeriod, type NewsMailFrequency } from '../../../common/news';
import { isLive } from './posts';
import { firstOrNull } from '../rows';

/**
 * News mail: the important-post mail at publication and the weekly digest.
 * Each person's choice (news_preferences) and consent (users.email_preferences.news)
 * decide; both are read again by the mail loaders at send time.
 */

const wantsNewsMail = sql<boolean>`coalesce((${users.emailPreferences}->>'news')::boolean, true)`;
const frequency = sql<NewsMailFrequency>`coalesce(${newsPreferences.frequency}, 'immediate')`;

/** The month (1–12) now in the office's time zone: quiet periods are in months of Europe/Paris. */
export function parisMonth(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', month: 'numeric' }).format(now));
}

/** Whether a person takes an important post's mail now: consent, `immediate`, outside their quiet period. */
const takesImmediate = (p: { wanted: boolean; frequency: NewsMailFrequency; quietFromMonth: number | null; quietToMonth: number | null }, month: number) =>
  p.wanted && p.frequency === 'immediate' && !inQuietPeriod(month, p.quietFromMonth, p.quietToMonth);

/** The people of a post's audience with their mail choices. */
function audienceWithChoices(db: Database | Parameters<Parameters<Database['transaction']>[0]>[0], postId: string, userId?: string) {
  return db
    .select({
      id: users.id, email: users.email, language: users.language, wanted: wantsNewsMail, frequency,
      quietFromMonth: newsPreferences.quietFromMonth, quietToMonth: newsPreferences.quietToMonth,
    })
    .from(users)
    .innerJoin(newsPosts, eq(newsPosts.id, postId))
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(newsPreferences, eq(newsPreferences.userId, users.id))
    .where(and(eq(users.status, 'active'), audienceMembers(newsPosts), userId ? and(eq(users.id, userId), isLive) : undefined));
}

/**
 * An important post whose time has come: one mail to each person of its
 * audience who takes immediate mail, once (the post is stamped in the same
 * transaction, and each mail has its dedupe key). Returns the mails to send;
 * none when the post is not (or no longer) due: a draft again, rescheduled
 * later, not important, or already mailed.
 */
export async function fanOutImportant(db: Database, postId: string, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [post] = await tx.select({ due: sql<boolean>`${isLive} and ${newsPosts.important} and ${newsPosts.importantMailedAt} is null` })
      .from(newsPosts).where(eq(newsPosts.id, postId)).for('update');
    if (!post?.due) return [];
    const month = parisMonth(now);
    const audience = await audienceWithChoices(tx as unknown as Database, postId);
    const mailIds = await queueMailToEach(tx, audience, { template: 'news-important', subjectId: postId, params: { postId } }, (person) => takesImmediate(person, month));
    await tx.update(newsPosts).set({ importantMailedAt: sql`now()` }).where(eq(newsPosts.id, postId));
    return mailIds;
  });
}

/** Important posts due and not mailed (the sweeper's list: their job was lost). */
export async function duePublications(db: Database, limit = 100): Promise<{ postId: string; publishAt: string }[]> {
  const rows = await db.select({ postId: newsPosts.id, publishAt: newsPosts.publishAt }).from(newsPosts)
    .where(and(isLive, eq(newsPosts.important, true), sql`${newsPosts.importantMailedAt} is null`)).limit(limit);
  return rows.map((r) => ({ postId: r.postId, publishAt: r.publishAt!.toISOString() }));
}

/** What the important-post mail shows, or null when it no longer applies (unpublished, expired, hidden from them, consent withdrawn). */
export async function importantForMail(db: Database, postId: string, userId: string) {
  const [row] = await audienceWithChoices(db, postId, userId);
  if (!row || !row.wanted || row.frequency === 'none') return null;
  return firstOrNull(db.select({ title: newsPosts.title, summary: newsPosts.summary, name: sql<string>`(select name from users where id = ${userId})` })
    .from(newsPosts).where(eq(newsPosts.id, postId)));
}

/** The digest covers posts published in the week before it. */
const DIGEST_DAYS = 7;

/** Live posts of the past week in a person's audience that they have not read, newest first. */
function unreadOfWeek(db: Database, userId: string | null) {
  return db
    .select({ userId: users.id, postId: newsPosts.id, title: newsPosts.title, summary: newsPosts.summary, important: newsPosts.important })
    .from(users)
    .innerJoin(newsPosts, and(isLive, sql`${newsPosts.publishAt} > now() - make_interval(days => ${DIGEST_DAYS})`))
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(newsPreferences, eq(newsPreferences.userId, users.id))
    .where(and(
      eq(users.status, 'active'), wantsNewsMail, sql`${frequency} <> 'none'`, audienceMembers(newsPosts),
      userId ? eq(users.id, userId) : undefined,
      sql`not exists (select 1 from ${newsReads} r where r.user_id = ${users.id} and r.post_id = ${newsPosts.id})`,
    ))
    .orderBy(users.id, desc(newsPosts.publishAt));
}

/**
 * The weekly digest of ISO week `isoWeek`: one mail per person with unread
 * posts, at most once per person and week, even when the job runs twice:
 * the `news_digest_sends` row (primary key person + week) is written in the
 * transaction that queues the mail, and the mail's dedupe key names the week.
 */
export async function queueDigests(db: Database, isoWeek: string): Promise<string[]> {
  const rows = await unreadOfWeek(db, null);
  const byUser = new Map<string, number>();
  for (const r of rows) byUser.set(r.userId, (byUser.get(r.userId) ?? 0) + 1);
  const people = byUser.size ? await db.select({ id: users.id, email: users.email, language: users.language }).from(users).where(sql`${users.id} in ${[...byUser.keys()]}`) : [];
  const mailIds: string[] = [];
  for (const person of people) {
    const id = await db.transaction(async (tx) => {
      const sent = await tx.insert(newsDigestSends).values({ userId: person.id, isoWeek, postCount: byUser.get(person.id)! }).onConflictDoNothing().returning({ userId: newsDigestSends.userId });
      if (!sent.length) return null;
      return queueMail(tx, {
        template: 'news-digest', userId: person.id, toAddress: person.email, language: person.language,
        params: { isoWeek }, dedupeKey: `news-digest:${isoWeek}:${person.id}`,
      });
    });
    if (id) mailIds.push(id);
  }
  return mailIds;
}

/** What the digest shows at send time: the person's unread posts of the week (null: all read meanwhile, or consent withdrawn). */
export async function digestForMail(db: Database, userId: string) {
  const rows = await unreadOfWeek(db, userId);
  if (!rows.length) return null;
  const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return person ? { name: person.name, posts: rows.map((r) => ({ id: r.postId, title: r.title, summary: r.summary, important: r.important })) } : null;
}
