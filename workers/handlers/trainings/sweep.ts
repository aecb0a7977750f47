import { listPendingNotices } from '../../../db/queries/trainings/notices';
import { expireOffer, listOverdueOffers } from '../../../db/queries/trainings/offers';
import { enqueueEffects, requeue, type JobHandler } from '../../jobs';

/**
 * Every minute, the safety net for jobs lost with Redis: offers past their
 * time are expired here (the same idempotent use case as the delayed job),
 * and notices not yet fanned out get a runnable job again (`requeue`).
 */
export const sweepTrainings: JobHandler<'trainings.sweep'> = async (_payload, ctx) => {
  let expired = 0;
  for (const o of await listOverdueOffers(ctx.db)) {
    const result = await expireOffer(ctx.db, { registrationId: o.registrationId, round: o.round });
    await enqueueEffects(ctx.queues, result.effects);
    if (result.expired) expired++;
  }
  // Counted as enqueued, not as found: a notice whose job is still waiting is not re-enqueued.
  let notices = 0;
  for (const n of await listPendingNotices(ctx.db)) if (await requeue(ctx.queues, 'trainings.notice', { noticeId: n.id })) notices++;
  return { expired, notices };
};
