import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsReactions } from '../../schema';
import type { NewsTargetKind } from '../../../common/news';

/** « Utile » reactions (one per person per post, comment or sheet: the unique indexes) and a post's mutes. */

const column = { post: newsReactions.postId, comment: newsReactions.commentId, sheet: newsReactions.sheetId } as const;
const field = { post: 'postId', comment: 'commentId', sheet: 'sheetId' } as const;

/** Adds or removes the person's « utile »; doing it twice is doing it once. Returns the count and whether it is theirs. */
export async function setReaction(db: Database, p: { kind: NewsTargetKind; id: string; userId: string; on: boolean }): Promise<{ count: number; mine: boolean }> {
  const where = and(eq(column[p.kind], p.id), eq(newsReactions.userId, p.userId));
  if (p.on) await db.insert(newsReactions).values({ userId: p.userId, [field[p.kind]]: p.id }).onConflictDoNothing();
  else await db.delete(newsReactions).where(where);
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      mine: sql<boolean>`coalesce(bool_or(${newsReactions.userId} = ${p.userId}), false)`,
    })
    .from(newsReactions)
    .where(eq(column[p.kind], p.id));
  return row ?? { count: 0, mine: false };
}
