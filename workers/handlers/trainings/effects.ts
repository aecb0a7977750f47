import type { Effects } from '../../../db/queries/trainings/locked';
import { enqueue, type Queues } from '../../jobs';

/** Enqueues what a committed training move asks for: mails, offer expiries, notice fan-outs. */
export async function applyEffects(queues: Queues, fx: Effects): Promise<void> {
  for (const messageId of fx.mailIds) await enqueue(queues, 'mail.send', { messageId });
  for (const o of fx.offers) await enqueue(queues, 'trainings.offer-expire', o);
  for (const noticeId of fx.notices) await enqueue(queues, 'trainings.notice', { noticeId });
}
