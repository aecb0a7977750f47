import { NEWSLETTER_SCHEDULE, NEWSLETTER_SENDING } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { sendCampaignLane } from './send';
import { sweepNewsletters } from './sweep';
import { launchScheduledCampaigns } from './schedule';
import { newslettersComposers } from './mail';

/** Newsletters in the worker process: the campaign lanes and their sweeper. Campaign mail is built here, not in the outbox (one row per recipient in newsletter_recipients). */
export const newsletters = defineWorkerFeature({
  name: 'newsletters',
  jobs: { 'newsletters.send': sendCampaignLane, 'newsletters.sweep': sweepNewsletters, 'newsletters.schedule': launchScheduledCampaigns },
  schedules: [{ job: 'newsletters.sweep', every: NEWSLETTER_SENDING.sweepEveryMs }, { job: 'newsletters.schedule', every: NEWSLETTER_SCHEDULE.everyMs }],
  mail: newslettersComposers,
  attachments: {},
});
