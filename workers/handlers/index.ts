import type { JobName } from '../jobs';
import type { JobHandler } from '../jobs';
import { purgeAccounts } from './accounts/purge';
import { sendMail } from './mail/send';
import { sweepMail } from './mail/sweep';
import { fanOutTrainingNotice } from './trainings/notices';
import { expireTrainingOffer } from './trainings/offers';
import { sendTrainingReminders } from './trainings/reminders';
import { sendTrainingSurveys } from './trainings/surveys';
import { sweepTrainings } from './trainings/sweep';

/** Job name -> handler. Every handler re-reads state and is safe to run twice. */
export const handlers: { [N in JobName]: JobHandler<N> } = {
  'mail.send': sendMail,
  'mail.sweep': sweepMail,
  'accounts.purge': purgeAccounts,
  'trainings.offer-expire': expireTrainingOffer,
  'trainings.notice': fanOutTrainingNotice,
  'trainings.sweep': sweepTrainings,
  'trainings.reminders': sendTrainingReminders,
  'trainings.surveys': sendTrainingSurveys,
};
