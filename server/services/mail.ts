import type { FastifyInstance } from 'fastify';
import { getCapturedMail, listCapturedMails, listMailDeliveries } from '../../db/queries/mail';
import { iso, isoOrNull } from '../../common/text';
import type { OutboxDelivery, OutboxDeliveryPage, OutboxItem, OutboxMail, OutboxPage } from '../schemas/mail';

/** The admins' outbox: captured mail (no SMTP server) and delivery states. Rows -> API objects, one `toX` each. */

type Row<F extends (...args: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>>;
type ItemOf<F extends (...args: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>['items'][number];

export function toOutboxItem(row: ItemOf<typeof listCapturedMails>): OutboxItem {
  return { id: row.id, toAddress: row.toAddress, subject: row.subject, createdAt: iso(row.createdAt) };
}

export function toOutboxMail(row: Row<typeof getCapturedMail>): OutboxMail {
  return { id: row.id, toAddress: row.toAddress, subject: row.subject, html: row.html, text: row.text, createdAt: iso(row.createdAt) };
}

export function toOutboxDelivery(row: ItemOf<typeof listMailDeliveries>): OutboxDelivery {
  return {
    id: row.id, template: row.template, toAddress: row.toAddress, status: row.status, attempts: row.attempts,
    nextAttemptAt: isoOrNull(row.nextAttemptAt), lastError: row.lastError, createdAt: iso(row.createdAt), sentAt: isoOrNull(row.sentAt),
  };
}

const paging = (query: { page?: number; pageSize?: number }) => ({ page: query.page ?? 1, pageSize: query.pageSize ?? 20 });

export async function capturedMailPage(app: FastifyInstance, query: { page?: number; pageSize?: number }): Promise<OutboxPage> {
  const { page, pageSize } = paging(query);
  const { items, total } = await listCapturedMails(app.db, { page, pageSize });
  return { items: items.map(toOutboxItem), total, page, pageSize, captureEnabled: !app.config.SMTP_URL };
}

export async function deliveryPage(app: FastifyInstance, query: { page?: number; pageSize?: number }): Promise<OutboxDeliveryPage> {
  const { page, pageSize } = paging(query);
  const { items, total } = await listMailDeliveries(app.db, { page, pageSize });
  return { items: items.map(toOutboxDelivery), total, page, pageSize };
}

/** One captured mail; null when there is none with that id. */
export async function capturedMail(app: FastifyInstance, id: string): Promise<OutboxMail | null> {
  const row = await getCapturedMail(app.db, id);
  return row ? toOutboxMail(row) : null;
}
