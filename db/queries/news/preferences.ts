import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsMutes, newsPreferences, users } from '../../schema';
import { DEFAULT_NEWS_MAIL_FREQUENCY, type NewsMailFrequency } from '../../../common/news';

export interface PreferencesRow { frequency: NewsMailFrequency; quietFromMonth: number | null; quietToMonth: number | null; mutedPostIds: string[]; newsConsent: boolean }

/** A person's news mail preferences (defaults when never set). */
export async function getPreferences(db: Database, userId: string): Promise<PreferencesRow> {
  const [row] = await db
    .select({
      frequency: newsPreferences.frequency, quietFromMonth: newsPreferences.quietFromMonth, quietToMonth: newsPreferences.quietToMonth,
      newsConsent: sql<boolean>`coalesce((${users.emailPreferences} ->> 'news')::boolean, true)`,
      mutedPostIds: sql<string[]>`coalesce((select array_agg(m.post_id order by m.created_at) from ${newsMutes} m where m.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .leftJoin(newsPreferences, eq(newsPreferences.userId, users.id))
    .where(eq(users.id, userId));
  return {
    frequency: row?.frequency ?? DEFAULT_NEWS_MAIL_FREQUENCY, quietFromMonth: row?.quietFromMonth ?? null, quietToMonth: row?.quietToMonth ?? null,
    mutedPostIds: row?.mutedPostIds ?? [], newsConsent: row?.newsConsent ?? true,
  };
}

export async function setPreferences(db: Database, userId: string, p: { frequency: NewsMailFrequency; quietFromMonth: number | null; quietToMonth: number | null }) {
  await db.insert(newsPreferences).values({ userId, ...p })
    .onConflictDoUpdate({ target: newsPreferences.userId, set: { ...p, updatedAt: sql`now()` } });
}

/** Mutes (or unmutes) the comment notifications of a post the caller may read (checked by the caller). */
export async function setMuted(db: Database, userId: string, postId: string, muted: boolean) {
  if (muted) await db.insert(newsMutes).values({ userId, postId }).onConflictDoNothing();
  else await db.delete(newsMutes).where(sql`${newsMutes.userId} = ${userId} and ${newsMutes.postId} = ${postId}`);
}

/** Whether a person muted a post. */
export async function isMuted(db: Database, userId: string, postId: string): Promise<boolean> {
  return (await db.$count(newsMutes, sql`${newsMutes.userId} = ${userId} and ${newsMutes.postId} = ${postId}`)) > 0;
}

