import { UnrecoverableError } from 'bullmq';
import { fanOutNotice } from '../../../db/queries/trainings/notices';
import { enqueueEffects } from '../../jobs';
import type { JobHandler } from '../../jobs';

/**
 * Sends a session's change or cancellation notice to every active
 * registrant: one outbox row per person (deduplicated), then one mail.send
 * job per still-queued row (deterministic ids): running it twice sends once.
 */
export const fanOutTrainingNotice: JobHandler<'trainings.notice'> = async ({ noticeId }, ctx) => {
  const { found, mailIds } = await fanOutNotice(ctx.db, noticeId);
  if (!found) throw new UnrecoverableError(`trainings.notice: unknown notice ${noticeId}`);
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};
