import { queueDueReminders } from '../../../db/queries/trainings/schedules';
import { enqueue } from '../../jobs';
import type { JobHandler } from '../../jobs';

/** Every 15 minutes: reminders for sessions starting within 2 days (each session and start time once). */
export const sendTrainingReminders: JobHandler<'trainings.reminders'> = async (_payload, ctx) => {
  const mailIds = await queueDueReminders(ctx.db);
  for (const messageId of mailIds) await enqueue(ctx.queues, 'mail.send', { messageId });
  return { queued: mailIds.length };
};
