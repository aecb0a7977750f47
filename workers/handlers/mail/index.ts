import { SCHEDULE_EVERY_MS } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { sendMail } from './send';
import { sweepMail } from './sweep';

/**
 * The mail outbox (infrastructure, not a feature): sends outbox rows and
 * sweeps the ones whose job was lost. Every feature's mails go through it.
 */
export const mailOutbox = defineWorkerFeature({
  name: 'mail',
  jobs: { 'mail.send': sendMail, 'mail.sweep': sweepMail },
  schedules: [{ job: 'mail.sweep', every: SCHEDULE_EVERY_MS.mailSweep }],
  mail: {},
  attachments: {},
});
