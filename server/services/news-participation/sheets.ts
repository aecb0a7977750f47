import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStaff } from '../../../common/roles';
import { NEWS_LIMITS, type NewsSheetStatus } from '../../../common/news';
import * as q from '../../../db/queries/news/sheets';
import type { Principal } from '../../plugins/auth';
import type { NewsSheet, NewsSheetBody, NewsSheetPage, NewsSheetReviewBody, NewsSheetUpdateBody } from '../../schemas/news';
import { receiveImage, sendImage } from '../news/cover';
import { readerOf } from './access';
import { toSheet, toSheetListItem } from './mapping';
import { orRefuse, refusal } from './refusals';

/** Experience sheets: partners submit and edit their establishment's; staff review; everyone reads the published ones. */

export async function sheet(app: FastifyInstance, principal: Principal, id: string): Promise<NewsSheet> {
  const row = await q.getSheet(app.db, id, await readerOf(app, principal));
  if (!row) throw refusal('sheetNotFound');
  return toSheet(row, principal);
}

export async function sheets(app: FastifyInstance, principal: Principal, p: { status?: NewsSheetStatus; mine?: boolean; page?: number; pageSize?: number }): Promise<NewsSheetPage> {
  const page = p.page ?? 1;
  const pageSize = p.pageSize ?? NEWS_LIMITS.pageSize;
  const { rows, total } = await q.listSheets(app.db, { reader: await readerOf(app, principal), status: p.status, mine: p.mine, page, pageSize });
  return { items: rows.map(toSheetListItem), total, page, pageSize };
}

export async function submitSheet(app: FastifyInstance, principal: Principal, body: NewsSheetBody): Promise<NewsSheet> {
  if (principal.role !== 'partner' || !principal.establishmentId) throw refusal('sheetPartnersOnly');
  const id = await q.createSheet(app.db, { establishmentId: principal.establishmentId, authorId: principal.userId, input: body });
  return sheet(app, principal, id);
}

export async function updateSheet(app: FastifyInstance, principal: Principal, id: string, body: NewsSheetUpdateBody): Promise<NewsSheet> {
  if (principal.role !== 'partner' || !principal.establishmentId) throw refusal('sheetPartnersOnly');
  orRefuse(await q.updateSheet(app.db, { id, establishmentId: principal.establishmentId, input: body }));
  return sheet(app, principal, id);
}

export async function reviewSheet(app: FastifyInstance, principal: Principal, id: string, body: NewsSheetReviewBody): Promise<NewsSheet> {
  orRefuse(await q.reviewSheet(app.db, { id, staffId: principal.userId, decision: body.decision, ...('remark' in body ? { remark: body.remark } : {}) }));
  return sheet(app, principal, id);
}

/**
 * A photo added to the partner's own sheet while they may edit it (multipart
 * `alt` then `file`, resized to WebP as post covers are). A refused photo
 * leaves no file in storage.
 */
export async function addPhoto(app: FastifyInstance, principal: Principal, request: FastifyRequest, id: string): Promise<NewsSheet> {
  if (principal.role !== 'partner' || !principal.establishmentId) throw refusal('sheetPartnersOnly');
  // Refuse before reading the upload when the sheet is not theirs to edit.
  const current = await sheet(app, principal, id);
  if (!current.editable) throw refusal(current.establishment.id === principal.establishmentId ? 'sheetNotEditable' : 'sheetNotFound');
  if (current.photos.length >= NEWS_LIMITS.sheetPhotos) throw refusal('sheetPhotoLimit');
  const image = await receiveImage(app, request, 'news-sheet-photos');
  const out = await q.addSheetPhoto(app.db, { id, establishmentId: principal.establishmentId, photo: image });
  if (!out.ok) await app.storage.delete(image.key);
  orRefuse(out);
  return sheet(app, principal, id);
}

/** Removes a photo and its stored file: the sheet's partners while they may edit it, staff at any time. */
export async function removePhoto(app: FastifyInstance, principal: Principal, id: string, photoId: string): Promise<void> {
  const staff = isStaff(principal);
  if (!staff && !principal.establishmentId) throw refusal('sheetPartnersOnly');
  const out = orRefuse(await q.removeSheetPhoto(app.db, { id, photoId, establishmentId: staff ? null : principal.establishmentId }));
  await app.storage.delete(out.key).catch((err: unknown) => app.log.warn({ err }, 'news: sheet photo left in storage'));
}

/** A photo, to whoever may read the sheet (its establishment and staff while in review, everyone once published). */
export async function sendPhoto(app: FastifyInstance, principal: Principal, id: string, photoId: string, reply: FastifyReply) {
  const key = await q.sheetPhotoKey(app.db, { id, photoId, reader: await readerOf(app, principal) });
  if (!key) throw refusal('photoNotFound');
  return sendImage(app, reply, key);
}
