import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, newsComments, newsReactions, newsSheets, users, type NewsSheetFigure, type NewsSheetPhoto } from '../../schema';
import { NEWS_LIMITS, type NewsSheetStatus } from '../../../common/news';
import { sheetReadable, type SheetReader } from './targets';

/**
 * Experience sheets (« retours d'expérience »): a partner submits one for
 * their establishment; its partners edit it while it is submitted or
 * returned (an edit resubmits it); staff publish, return with a remark, or
 * decline. Published sheets are read by everyone and searched with the posts.
 */

export const EDITABLE_SHEET_STATUSES: readonly NewsSheetStatus[] = ['submitted', 'returned'];

export type SheetRow = Omit<typeof newsSheets.$inferSelect, 'search' | 'reviewedBy' | 'reviewedAt'> & {
  establishmentName: string; communeName: string | null; authorName: string | null;
  commentCount: number; reactionCount: number; myReaction: boolean;
};

function selectSheets(db: Database, readerId: string) {
  return db
    .select({
      id: newsSheets.id, establishmentId: newsSheets.establishmentId, authorId: newsSheets.authorId, title: newsSheets.title,
      context: newsSheets.context, actions: newsSheets.actions, result: newsSheets.result, figures: newsSheets.figures, photos: newsSheets.photos,
      status: newsSheets.status, staffRemark: newsSheets.staffRemark, publishedAt: newsSheets.publishedAt,
      createdAt: newsSheets.createdAt, updatedAt: newsSheets.updatedAt,
      establishmentName: establishments.name, communeName: communes.name, authorName: users.name,
      commentCount: sql<number>`(select count(*)::int from ${newsComments} c where c.sheet_id = ${newsSheets.id} and c.status = 'visible' and c.deleted_at is null)`,
      reactionCount: sql<number>`(select count(*)::int from ${newsReactions} r where r.sheet_id = ${newsSheets.id})`,
      myReaction: sql<boolean>`exists (select 1 from ${newsReactions} r where r.sheet_id = ${newsSheets.id} and r.user_id = ${readerId})`,
    })
    .from(newsSheets)
    .innerJoin(establishments, eq(establishments.id, newsSheets.establishmentId))
    .leftJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(users, eq(users.id, newsSheets.authorId));
}

export async function getSheet(db: Database, id: string, reader: SheetReader & { userId: string }): Promise<SheetRow | null> {
  const [row] = await selectSheets(db, reader.userId).where(and(eq(newsSheets.id, id), sheetReadable(reader)));
  return (row as SheetRow | undefined) ?? null;
}

/**
 * Sheets the reader may see: published ones (the section), or with `mine`
 * their establishment's whatever their status, or for staff any status.
 * Published by publication, the others latest change first.
 */
export async function listSheets(db: Database, p: { reader: SheetReader & { userId: string }; status?: NewsSheetStatus; mine?: boolean; page: number; pageSize: number }) {
  const conds: SQL[] = [sheetReadable(p.reader)];
  if (p.mine) conds.push(p.reader.establishmentId ? eq(newsSheets.establishmentId, p.reader.establishmentId) : sql`false`);
  if (p.status) conds.push(eq(newsSheets.status, p.status));
  else if (!p.mine && p.reader.viewer.kind !== 'staff') conds.push(eq(newsSheets.status, 'published'));
  const where = and(...conds);
  const [rows, total] = await Promise.all([
    selectSheets(db, p.reader.userId).where(where)
      .orderBy(sql`${newsSheets.publishedAt} desc nulls last`, desc(newsSheets.updatedAt), desc(newsSheets.id))
      .limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    db.$count(newsSheets, where),
  ]);
  return { rows: rows as SheetRow[], total };
}

export interface SheetInput { title: string; context: string; actions: string; result: string; figures?: NewsSheetFigure[] | null }

export async function createSheet(db: Database, p: { establishmentId: string; authorId: string; input: SheetInput }): Promise<string> {
  const [row] = await db
    .insert(newsSheets)
    .values({ establishmentId: p.establishmentId, authorId: p.authorId, ...p.input, figures: p.input.figures?.length ? p.input.figures : null })
    .returning({ id: newsSheets.id });
  return row!.id;
}

export type SheetEditOutcome = { ok: true } | { ok: false; reason: 'sheetNotFound' | 'sheetNotEditable' };

/** Its establishment's partners edit a submitted or returned sheet: the edit (re)submits it. */
export async function updateSheet(db: Database, p: { id: string; establishmentId: string; input: Partial<SheetInput> }): Promise<SheetEditOutcome> {
  const { figures, ...rest } = p.input;
  const [done] = await db
    .update(newsSheets)
    .set({ ...rest, ...(figures !== undefined ? { figures: figures?.length ? figures : null } : {}), status: 'submitted', updatedAt: sql`now()` })
    .where(and(eq(newsSheets.id, p.id), eq(newsSheets.establishmentId, p.establishmentId), inArray(newsSheets.status, [...EDITABLE_SHEET_STATUSES])))
    .returning({ id: newsSheets.id });
  if (done) return { ok: true };
  const found = await db.$count(newsSheets, and(eq(newsSheets.id, p.id), eq(newsSheets.establishmentId, p.establishmentId)));
  return { ok: false, reason: found ? 'sheetNotEditable' : 'sheetNotFound' };
}

export type SheetReviewOutcome = { ok: true } | { ok: false; reason: 'sheetNotFound' | 'sheetDecided' };

/** Staff's decision on a submitted sheet: publish, return with a remark (editable again), or decline with a remark. */
export async function reviewSheet(db: Database, p: { id: string; staffId: string; decision: 'publish' | 'return' | 'decline'; remark?: string }): Promise<SheetReviewOutcome> {
  const status: NewsSheetStatus = p.decision === 'publish' ? 'published' : p.decision === 'return' ? 'returned' : 'declined';
  const [done] = await db
    .update(newsSheets)
    .set({
      status, staffRemark: p.decision === 'publish' ? null : (p.remark ?? null), reviewedBy: p.staffId, reviewedAt: sql`now()`,
      ...(status === 'published' ? { publishedAt: sql`now()` } : {}), updatedAt: sql`now()`,
    })
    .where(and(eq(newsSheets.id, p.id), eq(newsSheets.status, 'submitted')))
    .returning({ id: newsSheets.id });
  if (done) return { ok: true };
  return { ok: false, reason: (await db.$count(newsSheets, eq(newsSheets.id, p.id))) ? 'sheetDecided' : 'sheetNotFound' };
}

/**
 * Published sheets matching a text query, for the news search to union with
 * its posts (news-server's route): the same `french_unaccent` configuration
 * and the GIN index of `news_sheets.search`. `query` is the tsquery SQL the
 * caller built (`websearch_to_tsquery('french_unaccent', $q)`), so both halves rank alike.
 * Columns: kind, id, title, summary (the context), category_id (null),
 * establishment_name, published_at, rank, text (for the snippet).
 */
export function publishedSheetsMatching(query: SQL): SQL {
  return sql`select 'sheet'::text as kind, s.id, s.title, left(s.context, 300) as summary, null::text as category_id,
      e.name as establishment_name, s.published_at, ts_rank_cd(s.search, ${query}) as rank,
      s.title || ' ' || s.context || ' ' || s.actions || ' ' || s.result as text
    from ${newsSheets} s join ${establishments} e on e.id = s.establishment_id
    where s.status = 'published' and s.search @@ ${query}`;
}

export type SheetPhotoAddOutcome = { ok: true } | { ok: false; reason: 'sheetNotFound' | 'sheetNotEditable' | 'sheetPhotoLimit' };

/**
 * Adds a photo (already stored) to a sheet its establishment's partners may
 * still edit, within `sheetPhotos`: the sheet row is locked first so two
 * uploads at once cannot pass the limit together. On refusal the caller
 * deletes the stored file.
 */
export async function addSheetPhoto(db: Database, p: { id: string; establishmentId: string; photo: NewsSheetPhoto }): Promise<SheetPhotoAddOutcome> {
  return db.transaction(async (tx) => {
    const [s] = await tx.select({ status: newsSheets.status, photos: newsSheets.photos }).from(newsSheets)
      .where(and(eq(newsSheets.id, p.id), eq(newsSheets.establishmentId, p.establishmentId))).for('update');
    if (!s) return { ok: false, reason: 'sheetNotFound' } as const;
    if (!EDITABLE_SHEET_STATUSES.includes(s.status)) return { ok: false, reason: 'sheetNotEditable' } as const;
    if (s.photos.length >= NEWS_LIMITS.sheetPhotos) return { ok: false, reason: 'sheetPhotoLimit' } as const;
    await tx.update(newsSheets).set({ photos: [...s.photos, p.photo], updatedAt: sql`now()` }).where(eq(newsSheets.id, p.id));
    return { ok: true } as const;
  });
}

export type SheetPhotoRemoveOutcome = { ok: true; key: string } | { ok: false; reason: 'sheetNotFound' | 'sheetNotEditable' | 'photoNotFound' };

/** The last segment of a photo's storage key: its id in URLs. */
export const photoIdOf = (key: string) => key.split('/').pop()!;

/**
 * Removes a photo from a sheet: by its establishment's partners while they
 * may edit it, or by staff at any time (`establishmentId` null). Returns the
 * storage key for the caller to delete the file.
 */
export async function removeSheetPhoto(db: Database, p: { id: string; photoId: string; establishmentId: string | null }): Promise<SheetPhotoRemoveOutcome> {
  return db.transaction(async (tx) => {
    const [s] = await tx.select({ status: newsSheets.status, photos: newsSheets.photos }).from(newsSheets)
      .where(and(eq(newsSheets.id, p.id), p.establishmentId ? eq(newsSheets.establishmentId, p.establishmentId) : sql`true`)).for('update');
    if (!s) return { ok: false, reason: 'sheetNotFound' } as const;
    if (p.establishmentId && !EDITABLE_SHEET_STATUSES.includes(s.status)) return { ok: false, reason: 'sheetNotEditable' } as const;
    const photo = s.photos.find((ph) => photoIdOf(ph.key) === p.photoId);
    if (!photo) return { ok: false, reason: 'photoNotFound' } as const;
    await tx.update(newsSheets).set({ photos: s.photos.filter((ph) => ph !== photo), updatedAt: sql`now()` }).where(eq(newsSheets.id, p.id));
    return { ok: true, key: photo.key } as const;
  });
}

/** The storage key of a photo of a sheet the reader may see (`sheetReadable`), or null. */
export async function sheetPhotoKey(db: Database, p: { id: string; photoId: string; reader: SheetReader }): Promise<string | null> {
  const [s] = await db.select({ photos: newsSheets.photos }).from(newsSheets).where(and(eq(newsSheets.id, p.id), sheetReadable(p.reader)));
  return s?.photos.find((ph) => photoIdOf(ph.key) === p.photoId)?.key ?? null;
}
