import type { FastifyInstance } from 'fastify';
import type { Effects } from '../../../db/queries/trainings/locked';

/** The jobs a move asked for (mails, offer expiries, change notices), enqueued after its commit. */
export async function flush(app: FastifyInstance, fx: Effects): Promise<void> {
  await Promise.all([
    ...fx.mailIds.map((messageId) => app.enqueue('mail.send', { messageId })),
    ...fx.offers.map((o) => app.enqueue('trainings.offer-expire', o)),
    ...fx.notices.map((noticeId) => app.enqueue('trainings.notice', { noticeId })),
  ]);
}
