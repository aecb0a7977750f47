import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, newsPosts, newsReads, offices, users } from '../../schema';
import { audienceMembers, type AudienceViewer } from '../audience';
import { isLive, isPinned, placeCommune, postColumns, postVisible, readerColumns, type Executor, type PostRow } from './posts';

/**
 * The reader's feed: live posts of their audience, pinned first, newest
 * first, with their unread marks and shown-comment counts.
 *
 * Two reads, not one `order by pinned desc, publish_at desc`: that order
 * cannot come from an index, so PostgreSQL would sort every visible post
 * (thousands) for each page; the pinned ones (3 at most) are read apart and
 * the others walk `news_posts_feed_idx` in order and stop at the page's end.
 */
export async function feedPage(db: Database, q: { viewer: AudienceViewer; userId: string; categoryId?: string; unreadOnly?: boolean; page: number; pageSize: number }) {
  const base = and(
    postVisible(q.viewer),
    q.viewer.kind === 'staff' ? isLive : undefined,
    q.categoryId ? eq(newsPosts.categoryId, q.categoryId) : undefined,
    q.unreadOnly ? sql`not exists (select 1 from ${newsReads} r where r.user_id = ${q.userId} and r.post_id = ${newsPosts.id})` : undefined,
  )!;
  const select = (where: SQL, limit: number, offset: number) => db
    .select({ ...postColumns, ...readerColumns(q.userId) })
    .from(newsPosts)
    .leftJoin(offices, eq(offices.id, newsPosts.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(where)
    .orderBy(desc(newsPosts.publishAt), desc(newsPosts.id))
    .limit(limit).offset(offset);
  const pinned = await select(and(base, isPinned)!, 1000, 0);
  const start = (q.page - 1) * q.pageSize;
  const pinnedHere = pinned.slice(start, start + q.pageSize);
  const rest = await select(and(base, sql`not ${isPinned}`)!, q.pageSize - pinnedHere.length, Math.max(0, start - pinned.length));
  return { items: [...pinnedHere, ...rest] as PostRow[], where: base };
}

/** Posts the feed's filters match (its total), and how many of them the reader has not read. */
export async function feedCounts(db: Database, where: SQL, userId: string): Promise<{ total: number; unread: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unread: sql<number>`count(*) filter (where not exists (select 1 from ${newsReads} r where r.user_id = ${userId} and r.post_id = ${newsPosts.id}))::int`,
    })
    .from(newsPosts)
    .where(where);
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

/** Marks one post read by a person (opening it); a second time changes nothing. */
export async function markRead(db: Executor, userId: string, postId: string): Promise<void> {
  await db.insert(newsReads).values({ userId, postId }).onConflictDoNothing();
}

/** « Tout marquer comme lu »: every live post of the reader's audience (in a category, if given). Returns how many were newly marked. */
export async function markAllRead(db: Database, viewer: AudienceViewer, userId: string, categoryId?: string): Promise<number> {
  const rows = await db.execute(sql`insert into ${newsReads} (user_id, post_id)
    select ${userId}, ${newsPosts.id} from ${newsPosts}
    where ${isLive} and ${postVisible(viewer)} ${categoryId ? sql`and ${newsPosts.categoryId} = ${categoryId}` : sql``}
    on conflict do nothing returning post_id`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return list.length;
}

/**
 * Share of each post's audience that read it (staff lists and detail), for
 * all the posts given in ONE query: the posts joined with the active people
 * their audience reaches (`audienceMembers`), and each pair with its read
 * mark. A post whose audience is empty is absent from the rows: 0 of 0.
 */
export async function readShares(db: Database, postIds: string[]): Promise<Map<string, { readers: number; audienceSize: number }>> {
  const out = new Map<string, { readers: number; audienceSize: number }>(postIds.map((id) => [id, { readers: 0, audienceSize: 0 }]));
  if (!postIds.length) return out;
  const rows = await db
    .select({ postId: newsPosts.id, audienceSize: sql<number>`count(*)::int`, readers: sql<number>`count(${newsReads.userId})::int` })
    .from(newsPosts)
    .innerJoin(users, eq(users.status, 'active'))
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(newsReads, and(eq(newsReads.postId, newsPosts.id), eq(newsReads.userId, users.id)))
    .where(and(inArray(newsPosts.id, postIds), audienceMembers(newsPosts)))
    .groupBy(newsPosts.id);
  for (const r of rows) out.set(r.postId, { readers: r.readers, audienceSize: r.audienceSize });
  return out;
}
