import { SCHEDULE_EVERY_MS } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { trainingAttachments, trainingComposers } from './mail';
import { fanOutTrainingNotice } from './notices';
import { expireTrainingOffer } from './offers';
import { sendTrainingReminders } from './reminders';
import { sendTrainingSurveys } from './surveys';
import { sweepTrainings } from './sweep';

/** The trainings feature in the worker process: waiting-list offers, notices, reminders, surveys and their mails. */
export const trainings = defineWorkerFeature({
  name: 'trainings',
  jobs: {
    'trainings.offer-expire': expireTrainingOffer,
    'trainings.notice': fanOutTrainingNotice,
    'trainings.sweep': sweepTrainings,
    'trainings.reminders': sendTrainingReminders,
    'trainings.surveys': sendTrainingSurveys,
  },
  schedules: [
    { job: 'trainings.sweep', every: SCHEDULE_EVERY_MS.trainingsSweep },
    { job: 'trainings.reminders', every: SCHEDULE_EVERY_MS.trainingReminders },
    { job: 'trainings.surveys', every: SCHEDULE_EVERY_MS.trainingSurveys },
  ],
  mail: trainingComposers,
  attachments: trainingAttachments,
});
