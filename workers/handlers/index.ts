import type { JobName } from '../jobs';
import type { JobHandler } from '../jobs';
import { requestPasswordReset } from './accounts/password-reset';
import { purgeAccounts } from './accounts/purge';
import { sendMail } from './mailings/send';
import { sweepMail } from './mailings/sweep';
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
  'accounts.password-reset': requestPasswordReset,
  'trainings.offer-expire': expireTrainingOffer,
  'trainings.notice': fanOutTrainingNotice,
  'trainings.sweep': sweepTrainings,
  'trainings.reminders': sendTrainingReminders,
  'trainings.surveys': sendTrainingSurveys,
};
