import { launchDueCampaigns } from '../../../db/queries/newsletters';
import { NEWSLETTER_SCHEDULE } from '../../../common/limits';
import { enqueueEffects, type JobHandler } from '../../jobs';

/**
 * Scheduled campaigns whose time came (every NEWSLETTER_SCHEDULE.everyMs):
 * launched, their lanes enqueued after commit (a lost enqueue is redone by
 * the sweeper). One found more than NEWSLETTER_SCHEDULE.lateMinutes after its
 * time — the system was down then — is not sent: it is marked missed and the
 * campaign page asks an admin to send it now or reschedule it. Run twice, the
 * second run finds nothing due.
 */
export const launchScheduledCampaigns: JobHandler<'newsletters.schedule'> = async (_payload, ctx) => {
  const out = await launchDueCampaigns(ctx.db, NEWSLETTER_SCHEDULE.lateMinutes);
  if (out.launched.length) await enqueueEffects(ctx.queues, { campaigns: out.launched }, (err) => ctx.log.warn({ err }, 'newsletters.schedule: lanes not enqueued; the sweeper will'));
  if (out.missed.length) ctx.log.warn(`newsletters.schedule: ${out.missed.length} campaign(s) found after their time, waiting for an administrator's decision`);
  return { launched: out.launched.length, missed: out.missed.length, empty: out.empty.length };
};
