import { queueDueSurveys } from '../../../db/queries/trainings/schedules';
import { enqueueEffects, type JobHandler } from '../../jobs';

/** Every 15 minutes: the satisfaction survey of sessions that ended at least an hour ago (each session once). */
export const sendTrainingSurveys: JobHandler<'trainings.surveys'> = async (_payload, ctx) => {
  const mailIds = await queueDueSurveys(ctx.db);
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};
