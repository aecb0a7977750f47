import { queueDueSurveys } from '../../../db/queries/trainings/schedules';
import { enqueue } from '../../jobs';
import type { JobHandler } from '../../jobs';

/** Every 15 minutes: the satisfaction survey of sessions that ended at least an hour ago (each session once). */
export const sendTrainingSurveys: JobHandler<'trainings.surveys'> = async (_payload, ctx) => {
  const mailIds = await queueDueSurveys(ctx.db);
  for (const messageId of mailIds) await enqueue(ctx.queues, 'mail.send', { messageId });
  return { queued: mailIds.length };
};
