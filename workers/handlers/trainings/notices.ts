import { UnrecoverableError } from 'bullmq';
import { fanOutNotice } from '../../../db/queries/trainings/notices';
import { enqueue } from '../../jobs';
import type { JobHandler } from '../../jobs';
import { isUuid } from '../../../common/ids';

/**
 * Sends a session's change or cancellation notice to every active
 * registrant: one outbox row per person (deduplicated), then one mail.send
 * job per still-queued row (deterministic ids): running it twice sends once.
 */
export const fanOutTrainingNotice: JobHandler<'trainings.notice'> = async (payload, ctx) => {
  const noticeId = (payload as { noticeId?: unknown } | null)?.noticeId;
  if (!isUuid(noticeId)) throw new UnrecoverableError('trainings.notice: payload.noticeId must be a uuid');
  const { found, mailIds } = await fanOutNotice(ctx.db, noticeId);
  if (!found) throw new UnrecoverableError(`trainings.notice: unknown notice ${noticeId}`);
  for (const messageId of mailIds) await enqueue(ctx.queues, 'mail.send', { messageId });
  return { queued: mailIds.length };
};
