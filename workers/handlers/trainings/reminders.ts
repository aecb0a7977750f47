import { queueDueReminders } from '../../../db/queries/trainings/schedules';
import { enqueueEffects, type JobHandler } from '../../jobs';

/** Every 15 minutes: reminders for sessions starting within 2 days (each session and start time once). */
export const sendTrainingReminders: JobHandler<'trainings.reminders'> = async (_payload, ctx) => {
  const mailIds = await queueDueReminders(ctx.db);
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};
