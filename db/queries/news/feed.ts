import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, newsPosts, newsReads, offices, users } from '../../schema';
import { audienceMembers, type AudienceViewer } from '../audience';
import { NEWS_MAX_PINNED } from '../../../common/news';
import { isLive, placeCommune, postColumns, postVisible, readerColumns, type Executor, type PostRow } from './posts';

/** The feed's filter but the unread one: posts the viewer may read (staff too: live only), in the category if given. */
function feedFilter(viewer: AudienceViewer, categoryId?: string): SQL {
  return and(postVisible(viewer), viewer.kind === 'staff' ? isLive : undefined, categoryId ? eq(newsPosts.categoryId, categoryId) : undefined)!;
}

/**
 * The reader's feed: live posts of their audience, pinned first, newest
 * first, with their unread marks and shown-comment counts.
 *
 * Two reads, not one `order by pinned desc, publish_at desc`: that order
 * cannot come from an index, so PostgreSQL would sort every visible post
 * (thousands) for each page. The pinned ones (NEWS_MAX_PINNED at most) come
 * through `news_posts_pinned_idx` (`pinned_until > now()`, a condition an
 * index can serve), the others walk `news_posts_feed_idx` in order and stop
 * at the page's end. Both run at once: the others are read from
 * NEWS_MAX_PINNED rows earlier than the page could start and cut once the
 * pinned count is known.
 *
 * `userId: null`: the page as everyone of the viewer's profile sees it
 * (unread marks left false), the part server/services/news/feed-pages.ts
 * keeps in memory; the reader's marks are spliced in by `readMarks`.
 */
export async function feedPage(db: Database, q: { viewer: AudienceViewer; userId: string | null; categoryId?: string; unreadOnly?: boolean; page: number; pageSize: number }) {
  const base = and(
    feedFilter(q.viewer, q.categoryId),
    q.unreadOnly && q.userId ? sql`not exists (select 1 from ${newsReads} r where r.user_id = ${q.userId} and r.post_id = ${newsPosts.id})` : undefined,
  )!;
  const select = (where: SQL, limit: number, offset: number) => db
    .select({ ...postColumns, ...(q.userId ? readerColumns(q.userId) : sharedColumns) })
    .from(newsPosts)
    .leftJoin(offices, eq(offices.id, newsPosts.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(where)
    // NULLS LAST as in news_posts_feed_idx: a plain DESC (nulls first) does not match the index and sorts every visible post.
    .orderBy(sql`${newsPosts.publishAt} desc nulls last`, sql`${newsPosts.id} desc nulls last`)
    .limit(limit).offset(offset);
  const start = (q.page - 1) * q.pageSize;
  const restFrom = Math.max(0, start - NEWS_MAX_PINNED);
  const [pinned, restRows] = await Promise.all([
    select(and(base, sql`${newsPosts.pinnedUntil} > now()`)!, 1000, 0),
    select(and(base, sql`(${newsPosts.pinnedUntil} is null or ${newsPosts.pinnedUntil} <= now())`)!, q.pageSize + NEWS_MAX_PINNED, restFrom),
  ]);
  const pinnedHere = pinned.slice(start, start + q.pageSize);
  const restStart = Math.max(0, start - pinned.length);
  // More pinned posts than NEWS_MAX_PINNED (pinned before the rule, say): the others are read again from where they start.
  const rest = restStart >= restFrom && pinned.length <= NEWS_MAX_PINNED
    ? restRows.slice(restStart - restFrom, restStart - restFrom + q.pageSize - pinnedHere.length)
    : await select(and(base, sql`(${newsPosts.pinnedUntil} is null or ${newsPosts.pinnedUntil} <= now())`)!, q.pageSize - pinnedHere.length, restStart);
  return { items: [...pinnedHere, ...rest] as PostRow[] };
}

/** The page's columns shared by every reader: comment counts, no unread mark (spliced in per reader). */
const sharedColumns = { unread: sql<boolean>`false`, commentCount: readerColumns('').commentCount };

/**
 * Which of `postIds` the reader has read: one index-only scan of their marks
 * (news_reads' primary key starts with user_id), ~0.07 ms for 300 marks.
 * Prepared once per database: it runs at every request of the feed.
 */
const readMarksStatement = (db: Database) => db
  .select({ postId: newsReads.postId })
  .from(newsReads)
  .where(and(eq(newsReads.userId, sql.placeholder('userId')), sql`${newsReads.postId} = any(${sql.placeholder('postIds')}::uuid[])`))
  .prepare('news_feed_read_marks');
const preparedReadMarks = new WeakMap<Database, ReturnType<typeof readMarksStatement>>();

export async function readMarks(db: Database, userId: string, postIds: string[]): Promise<Set<string>> {
  if (!postIds.length) return new Set();
  let statement = preparedReadMarks.get(db);
  if (!statement) preparedReadMarks.set(db, (statement = readMarksStatement(db)));
  const rows = await statement.execute({ userId, postIds });
  return new Set(rows.map((r) => r.postId));
}

/**
 * The next moment any page of the feed changes by itself: a scheduled post
 * going live, a post expiring, a pin ending (epoch milliseconds, null: none).
 * Read through the partial indexes on publish_at and pinned_until.
 */
export const feedNextChangeQuery = (db: Database) => db
  .select({
    nextChangeMs: sql<number | null>`(extract(epoch from least(
      (select min(p.publish_at) from ${newsPosts} p where p.status = 'published' and p.publish_at > now()),
      (select min(p.expires_at) from ${newsPosts} p where p.status = 'published' and p.expires_at > now()),
      (select min(p.pinned_until) from ${newsPosts} p where p.status = 'published' and p.pinned_until > now()))) * 1000)::float8`,
  })
  .from(sql`(select 1) as one`);

export async function feedNextChange(db: Database): Promise<number> {
  const [row] = await feedNextChangeQuery(db);
  return row?.nextChangeMs == null ? Number.POSITIVE_INFINITY : Number(row.nextChangeMs);
}

/**
 * How many live posts the viewer's feed holds (in a category): the same for
 * everyone of one audience profile, so the api keeps it in memory
 * (server/services/news/feed-totals.ts). `nextChange`: the next moment the
 * count changes by itself (a scheduled post going live, a post expiring),
 * as epoch milliseconds.
 */
export const feedTotalQuery = (db: Database, viewer: AudienceViewer, categoryId?: string) => db
  .select({
    total: sql<number>`(count(*) filter (where ${feedFilter(viewer, categoryId)}))::int`,
    // As epoch milliseconds: a timestamp in a raw column comes back as text that Date cannot always parse.
    nextChangeMs: sql<number | null>`(extract(epoch from least(min(${newsPosts.publishAt}) filter (where ${newsPosts.publishAt} > now()), min(${newsPosts.expiresAt}) filter (where ${newsPosts.expiresAt} > now()))) * 1000)::float8`,
  })
  .from(newsPosts)
  .where(eq(newsPosts.status, 'published'));

/** How many of the posts of the reader's feed (in a category) they have read: from their read marks, a few hundred rows at most. */
export const feedReadCountQuery = (db: Database, viewer: AudienceViewer, userId: string, categoryId?: string) => db
  .select({ n: sql<number>`count(*)::int` })
  .from(newsReads)
  .innerJoin(newsPosts, eq(newsPosts.id, newsReads.postId))
  .where(and(eq(newsReads.userId, userId), feedFilter(viewer, categoryId)));

export async function feedReadCount(db: Database, viewer: AudienceViewer, userId: string, categoryId?: string): Promise<number> {
  const [row] = await feedReadCountQuery(db, viewer, userId, categoryId);
  return row?.n ?? 0;
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
