import type { JobName } from '../jobs';
import type { JobHandler } from '../jobs';
import { purgeAccounts } from './accounts/purge';
import { sendMail } from './mailings/send';
import { sweepMail } from './mailings/sweep';
import { fanOutTrainingNotice } from './trainings/notices';
import { expireTrainingOffer } from './trainings/offers';
import { sendTrainingReminders } from './trainings/reminders';
import { sendTrainingSurveys } from './trainings/surveys';
import { sweepTrainings } from './trainings/sweep';
import { extractDocumentText } from './documents/extract';
import { sendDocumentReviewReminders } from './documents/reviews';
import { sweepDocuments } from './documents/sweep';
import { makeDocumentThumbnail } from './documents/thumbnail';

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
  'documents.extract': extractDocumentText,
  'documents.thumbnail': makeDocumentThumbnail,
  'documents.sweep': sweepDocuments,
  'documents.review-reminders': sendDocumentReviewReminders,
};
