import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { communes, documents, documentVersions, newsCategories, newsComments, newsPostAttachments, newsPosts, newsReactions, newsReads, offices } from '../../schema';
import { NEWS_MAX_PINNED, type NewsPlaceKind, type NewsPostState } from '../../../common/news';
import { audienceValues, audienceVisible, checkAudience, type Audience, type AudienceRefusal, type AudienceViewer } from '../audience';

/**
 * Posts of the network news: writes (one transaction each, returning rows or
 * a refusal and the jobs to enqueue) and the reads shared by the feed, the
 * detail, the agenda and the mails.
 */

export type Executor = Database | Tx;

// ---------- visibility ----------

/** Published and its time has come, not expired: what partners may see (with their audience). */
export const isLive: SQL = sql`(${newsPosts.status} = 'published' and ${newsPosts.publishAt} <= now() and (${newsPosts.expiresAt} is null or ${newsPosts.expiresAt} > now()))`;

/** The post is pinned now. */
export const isPinned: SQL = sql`coalesce(${newsPosts.pinnedUntil} > now(), false)`;

/** Where a post stands (common/news.ts NEWS_POST_STATES), computed by the database's clock. */
export const postState = sql<NewsPostState>`case
  when ${newsPosts.status} = 'draft' then 'draft'
  when ${newsPosts.publishAt} > now() then 'scheduled'
  when ${newsPosts.expiresAt} is not null and ${newsPosts.expiresAt} <= now() then 'expired'
  else 'live' end`;

/**
 * What a viewer may read: staff every post (drafts too); a partner only live
 * posts of their audience. The one condition every read of posts applies.
 */
export function postVisible(viewer: AudienceViewer): SQL {
  return viewer.kind === 'staff' ? sql`true` : sql`(${isLive} and ${audienceVisible(newsPosts, viewer)})`;
}

/** The comments counted on posts and sheets: shown ones only. */
export const shownComment = (c: typeof newsComments) => sql`${c.status} = 'visible' and ${c.deletedAt} is null`;

// ---------- rows ----------

export const postColumns = {
  id: newsPosts.id, title: newsPosts.title, summary: newsPosts.summary, categoryId: newsPosts.categoryId, status: newsPosts.status,
  state: postState, publishAt: newsPosts.publishAt, expiresAt: newsPosts.expiresAt, pinnedUntil: newsPosts.pinnedUntil, pinned: isPinned,
  important: newsPosts.important, coverKey: newsPosts.coverKey, coverAlt: newsPosts.coverAlt, coverWidth: newsPosts.coverWidth, coverHeight: newsPosts.coverHeight,
  eventStart: newsPosts.eventStart, eventEnd: newsPosts.eventEnd, placeKind: newsPosts.placeKind, officeId: newsPosts.officeId, officeName: offices.name,
  communeInsee: sql<string | null>`coalesce(${newsPosts.communeInsee}, ${offices.communeInsee})`, communeName: communes.name, postalCode: communes.postalCode,
  lat: communes.lat, lon: communes.lon, address: sql<string | null>`coalesce(${newsPosts.address}, ${offices.address})`, onlineUrl: newsPosts.onlineUrl,
  eventSequence: newsPosts.eventSequence, authorId: newsPosts.authorId, authorName: sql<string | null>`(select u.name from users u where u.id = ${newsPosts.authorId})`,
  updatedAt: newsPosts.updatedAt,
};

/** Per-reader columns: unread mark and shown comments. */
export const readerColumns = (userId: string) => ({
  unread: sql<boolean>`not exists (select 1 from ${newsReads} r where r.user_id = ${userId} and r.post_id = ${newsPosts.id})`,
  commentCount: sql<number>`(select count(*)::int from ${newsComments} c where c.post_id = ${newsPosts.id} and c.status = 'visible' and c.deleted_at is null)`,
});

/** The commune of the place (given, or the office's): what `postColumns` joins `communes` on. */
export const placeCommune = sql`coalesce(${newsPosts.communeInsee}, ${offices.communeInsee})`;

const rowShape = (db: Database) => db.select({ ...postColumns, ...readerColumns('') }).from(newsPosts)
  .leftJoin(offices, eq(offices.id, newsPosts.officeId)).leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`);
export type PostRow = Awaited<ReturnType<typeof rowShape>>[number];
export type PostDetailRow = PostRow & {
  bodyHtml: string; createdAt: Date;
  audienceKind: Audience['kind']; audienceCategories: string[]; audienceSubcategories: string[]; audienceCommunes: string[]; audienceCommunautes: string[]; audienceOffices: string[];
};

/** One post as the viewer may read it (null: absent or not theirs). */
export async function getPost(db: Executor, postId: string, viewer: AudienceViewer, userId: string): Promise<PostDetailRow | null> {
  const [row] = await db
    .select({
      ...postColumns, ...readerColumns(userId), bodyHtml: newsPosts.bodyHtml, createdAt: newsPosts.createdAt,
      audienceKind: newsPosts.audienceKind, audienceCategories: newsPosts.audienceCategories, audienceSubcategories: newsPosts.audienceSubcategories,
      audienceCommunes: newsPosts.audienceCommunes, audienceCommunautes: newsPosts.audienceCommunautes, audienceOffices: newsPosts.audienceOffices,
    })
    .from(newsPosts)
    .leftJoin(offices, eq(offices.id, newsPosts.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(and(eq(newsPosts.id, postId), postVisible(viewer)));
  return (row as PostDetailRow | undefined) ?? null;
}

/** The attachments of a post the viewer may see: the document is published and its own audience includes them (staff: all). */
export async function listAttachments(db: Executor, postId: string, viewer: AudienceViewer) {
  return db
    .select({ documentId: documents.id, title: documents.title, mediaType: documentVersions.mediaType, size: documentVersions.size })
    .from(newsPostAttachments)
    .innerJoin(documents, eq(documents.id, newsPostAttachments.documentId))
    .leftJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(
      eq(newsPostAttachments.postId, postId),
      viewer.kind === 'staff' ? undefined : and(eq(documents.status, 'published'), audienceVisible(documents, viewer)),
    ))
    .orderBy(asc(newsPostAttachments.position));
}

/** Staff's list of every post by state, newest first. */
export async function listStaffPosts(db: Database, q: { state?: NewsPostState; categoryId?: string; page: number; pageSize: number; userId: string }) {
  const where = and(q.state ? sql`${postState} = ${q.state}` : undefined, q.categoryId ? eq(newsPosts.categoryId, q.categoryId) : undefined);
  const [items, [total]] = await Promise.all([
    db.select({ ...postColumns, ...readerColumns(q.userId) })
      .from(newsPosts)
      .leftJoin(offices, eq(offices.id, newsPosts.officeId))
      .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
      .where(where)
      .orderBy(sql`${newsPosts.publishAt} desc nulls first`, desc(newsPosts.updatedAt), desc(newsPosts.id))
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(newsPosts).where(where),
  ]);
  return { items: items as PostRow[], total: total?.n ?? 0 };
}

// ---------- writes ----------

export interface PlaceValues { kind: NewsPlaceKind; officeId: string | null; communeInsee: string | null; address: string | null; onlineUrl: string | null }
export interface PostValues {
  title: string; summary: string; bodyHtml: string; categoryId: string; audience: Audience; status: 'draft' | 'published';
  publishAt: Date | null; expiresAt: Date | null; pinnedUntil: Date | null; important: boolean;
  event: { start: Date; end: Date | null; place: PlaceValues | null } | null;
  attachmentIds: string[] | undefined; coverAlt: string | undefined;
}

export type PostRefusal = AudienceRefusal | 'notFound' | 'categoryNotFound' | 'pinnedLimit' | 'pinnedInPast' | 'expiresBeforePublish' | 'eventRange'
  | 'placeIncomplete' | 'unknownPlaceOffice' | 'unknownPlaceCommune' | 'attachmentNotFound' | 'coverAltWithoutCover';

/** A publication to schedule: the `news.publish` job runs at `publishAt` (mails an important post once). */
export interface NewsPublication { postId: string; publishAt: string }
export type PostWrite = { ok: true; postId: string; effects: { newsPublications: NewsPublication[] } } | { ok: false; reason: PostRefusal };

async function check(tx: Tx, v: PostValues, postId: string | null): Promise<PostRefusal | null> {
  if (!(await tx.$count(newsCategories, eq(newsCategories.id, v.categoryId)))) return 'categoryNotFound';
  const audience = await checkAudience(tx as unknown as Database, v.audience);
  if (audience) return audience;
  const publishAt = v.publishAt ?? new Date();
  if (v.expiresAt && v.expiresAt <= publishAt) return 'expiresBeforePublish';
  if (v.event?.end && v.event.end < v.event.start) return 'eventRange';
  const place = v.event?.place;
  if (place) {
    if ((place.kind === 'office' && !place.officeId) || (place.kind === 'commune' && !place.communeInsee) || (place.kind === 'online' && !place.onlineUrl)) return 'placeIncomplete';
    if (place.kind === 'office' && !(await tx.$count(offices, eq(offices.id, place.officeId!)))) return 'unknownPlaceOffice';
    if (place.kind === 'commune' && !(await tx.$count(communes, eq(communes.inseeCode, place.communeInsee!)))) return 'unknownPlaceCommune';
  }
  if (v.attachmentIds?.length && (await tx.$count(documents, inArray(documents.id, v.attachmentIds))) !== v.attachmentIds.length) return 'attachmentNotFound';
  if (v.pinnedUntil) {
    if (v.pinnedUntil <= new Date()) return 'pinnedInPast';
    if (v.status === 'published') {
      // One pinning decision at a time: two writers cannot both take the third place.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('news-pinned'))`);
      const others = await tx.$count(newsPosts, and(
        eq(newsPosts.status, 'published'), sql`${newsPosts.pinnedUntil} > now()`, sql`(${newsPosts.expiresAt} is null or ${newsPosts.expiresAt} > now())`,
        postId ? ne(newsPosts.id, postId) : undefined,
      ));
      if (others >= NEWS_MAX_PINNED) return 'pinnedLimit';
    }
  }
  return null;
}

function columns(v: PostValues) {
  const place = v.event?.place ?? null;
  return {
    title: v.title, summary: v.summary, bodyHtml: v.bodyHtml, categoryId: v.categoryId, ...audienceValues(v.audience), status: v.status,
    publishAt: v.status === 'published' ? (v.publishAt ?? sql`now()`) : v.publishAt,
    expiresAt: v.expiresAt, pinnedUntil: v.pinnedUntil, important: v.important,
    eventStart: v.event?.start ?? null, eventEnd: v.event?.end ?? null,
    placeKind: place?.kind ?? null, officeId: place?.kind === 'office' ? place.officeId : null,
    communeInsee: place?.kind === 'commune' ? place.communeInsee : null, address: place && place.kind !== 'online' ? place.address : null,
    onlineUrl: place?.kind === 'online' ? place.onlineUrl : null,
  };
}

async function setAttachments(tx: Tx, postId: string, ids: string[] | undefined) {
  if (ids === undefined) return;
  await tx.delete(newsPostAttachments).where(eq(newsPostAttachments.postId, postId));
  if (ids.length) await tx.insert(newsPostAttachments).values(ids.map((documentId, position) => ({ postId, documentId, position })));
}

/** The publication job a published important post still needs (none once mailed). */
async function publications(tx: Tx, postId: string): Promise<NewsPublication[]> {
  const [p] = await tx.select({ status: newsPosts.status, important: newsPosts.important, mailed: newsPosts.importantMailedAt, publishAt: newsPosts.publishAt })
    .from(newsPosts).where(eq(newsPosts.id, postId));
  return p && p.status === 'published' && p.important && !p.mailed && p.publishAt ? [{ postId, publishAt: p.publishAt.toISOString() }] : [];
}

export async function createPost(db: Database, authorId: string, v: PostValues): Promise<PostWrite> {
  return db.transaction(async (tx) => {
    if (v.coverAlt !== undefined) return { ok: false, reason: 'coverAltWithoutCover' } as const;
    const refusal = await check(tx, v, null);
    if (refusal) return { ok: false, reason: refusal } as const;
    const [row] = await tx.insert(newsPosts).values({ ...columns(v), authorId }).returning({ id: newsPosts.id });
    await setAttachments(tx, row!.id, v.attachmentIds);
    return { ok: true, postId: row!.id, effects: { newsPublications: await publications(tx, row!.id) } } as const;
  });
}

/** Reads a post's stored values as `PostValues` (for a partial update). */
async function storedValues(tx: Tx, postId: string): Promise<(PostValues & { hasCover: boolean }) | null> {
  const [p] = await tx.select().from(newsPosts).where(eq(newsPosts.id, postId)).for('update');
  if (!p) return null;
  return {
    title: p.title, summary: p.summary, bodyHtml: p.bodyHtml, categoryId: p.categoryId, status: p.status,
    audience: { kind: p.audienceKind, categories: p.audienceCategories, subcategories: p.audienceSubcategories, communes: p.audienceCommunes, communautes: p.audienceCommunautes, offices: p.audienceOffices },
    publishAt: p.publishAt, expiresAt: p.expiresAt, pinnedUntil: p.pinnedUntil, important: p.important,
    event: p.eventStart ? {
      start: p.eventStart, end: p.eventEnd,
      place: p.placeKind ? { kind: p.placeKind, officeId: p.officeId, communeInsee: p.communeInsee, address: p.address, onlineUrl: p.onlineUrl } : null,
    } : null,
    attachmentIds: undefined, coverAlt: undefined, hasCover: p.coverKey !== null,
  };
}

/**
 * Updates a post with the fields given (`patch` returns the new values from
 * the stored ones). A post published earlier and published again keeps its
 * publication time unless a new one is given. Changing an event's time or
 * place bumps its iCalendar sequence.
 */
export async function updatePost(db: Database, postId: string, patch: (stored: PostValues) => PostValues): Promise<PostWrite> {
  return db.transaction(async (tx) => {
    const stored = await storedValues(tx, postId);
    if (!stored) return { ok: false, reason: 'notFound' } as const;
    const v = patch(stored);
    if (v.coverAlt !== undefined && !stored.hasCover) return { ok: false, reason: 'coverAltWithoutCover' } as const;
    const pinChanged = v.pinnedUntil?.getTime() !== stored.pinnedUntil?.getTime() || v.status !== stored.status;
    const refusal = await check(tx, pinChanged ? v : { ...v, pinnedUntil: v.pinnedUntil && v.pinnedUntil > new Date() ? v.pinnedUntil : null }, postId);
    if (refusal) return { ok: false, reason: refusal } as const;
    const eventChanged = JSON.stringify(stored.event) !== JSON.stringify(v.event);
    await tx.update(newsPosts).set({
      ...columns(v),
      ...(v.coverAlt !== undefined ? { coverAlt: v.coverAlt } : {}),
      ...(eventChanged ? { eventSequence: sql`${newsPosts.eventSequence} + 1` } : {}),
      updatedAt: sql`now()`,
    }).where(eq(newsPosts.id, postId));
    await setAttachments(tx, postId, v.attachmentIds);
    return { ok: true, postId, effects: { newsPublications: await publications(tx, postId) } } as const;
  });
}

/** Deletes a post; returns the storage key of its cover (removed from storage after commit), or null when absent. */
export async function deletePost(db: Database, postId: string): Promise<{ ok: true; coverKey: string | null } | { ok: false; reason: 'notFound' }> {
  const [row] = await db.delete(newsPosts).where(eq(newsPosts.id, postId)).returning({ coverKey: newsPosts.coverKey });
  return row ? { ok: true, coverKey: row.coverKey } : { ok: false, reason: 'notFound' };
}

/** Sets (or clears) a post's cover; returns the previous key to remove from storage. */
export async function setCover(db: Database, postId: string, cover: { key: string; alt: string; width: number; height: number } | null) {
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ coverKey: newsPosts.coverKey }).from(newsPosts).where(eq(newsPosts.id, postId)).for('update');
    if (!p) return { ok: false, reason: 'notFound' } as const;
    await tx.update(newsPosts).set({
      coverKey: cover?.key ?? null, coverAlt: cover?.alt ?? null, coverWidth: cover?.width ?? null, coverHeight: cover?.height ?? null, updatedAt: sql`now()`,
    }).where(eq(newsPosts.id, postId));
    return { ok: true, previousKey: p.coverKey } as const;
  });
}

/** The cover of a post the viewer may read. */
export async function coverOf(db: Database, postId: string, viewer: AudienceViewer) {
  const [row] = await db.select({ key: newsPosts.coverKey }).from(newsPosts).where(and(eq(newsPosts.id, postId), postVisible(viewer)));
  return row ? row.key : undefined;
}

/** « Utile » reactions on a post: how many, and whether the reader gave one. */
export async function postReactions(db: Executor, postId: string, userId: string): Promise<{ count: number; mine: boolean }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, mine: sql<boolean>`coalesce(bool_or(${newsReactions.userId} = ${userId}), false)` })
    .from(newsReactions)
    .where(eq(newsReactions.postId, postId));
  return { count: row?.count ?? 0, mine: row?.mine === true };
}

/** Whether a post's audience includes the viewer (status and dates aside: for staff's preview). */
export async function audienceIncludes(db: Executor, postId: string, viewer: AudienceViewer): Promise<boolean> {
  return (await db.$count(newsPosts, and(eq(newsPosts.id, postId), audienceVisible(newsPosts, viewer)))) > 0;
}
