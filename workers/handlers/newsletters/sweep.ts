import { finishIfDone, markStaleUncertain, sendingCampaigns } from '../../../db/queries/newsletters';
import { NEWSLETTER_SENDING } from '../../../common/limits';
import { requeue, type JobHandler } from '../../jobs';

/**
 * The campaigns' safety net (every NEWSLETTER_SENDING.sweepEveryMs), all from
 * PostgreSQL: claims older than the lease become « incertain » (the worker
 * died between handing them to SMTP and recording them); every lane of a
 * sending campaign with due recipients is enqueued again when its job is not
 * pending (Redis lost its keys, a job failed for good, retries became due);
 * a campaign with nothing queued or sending is finished.
 */
export const sweepNewsletters: JobHandler<'newsletters.sweep'> = async (_payload, ctx) => {
  const uncertain = await markStaleUncertain(ctx.db, ctx.config.NEWSLETTER_LEASE_SECONDS);
  if (uncertain) ctx.log.warn(`newsletters.sweep: ${uncertain} recipient(s) marked « incertain » (claimed by a worker that stopped)`);
  let requeued = 0;
  let finished = 0;
  for (const c of await sendingCampaigns(ctx.db)) {
    if (c.due) {
      for (let lane = 0; lane < NEWSLETTER_SENDING.lanes; lane++) if (await requeue(ctx.queues, 'newsletters.send', { campaignId: c.id, lane })) requeued++;
    } else if (!c.open && (await finishIfDone(ctx.db, c.id))) finished++;
  }
  if (requeued) ctx.log.info(`newsletters.sweep: re-enqueued ${requeued} lane(s)`);
  return { uncertain, requeued, finished };
};
