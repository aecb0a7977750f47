import type { FastifyInstance } from 'fastify';
import { NEWS_LIMITS, type NewsSheetStatus } from '../../../common/news';
import * as q from '../../../db/queries/news/sheets';
import type { Principal } from '../../plugins/auth';
import type { NewsSheet, NewsSheetBody, NewsSheetPage, NewsSheetReviewBody, NewsSheetUpdateBody } from '../../schemas/news';
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
