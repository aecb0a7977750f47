import { queueFiguresReminders } from '../../../db/queries/figures';
import { addMonths, currentMonth } from '../../../common/figures';
import { enqueue, type JobHandler } from '../../jobs';

/**
 * The 2nd of each month: last month's figures are asked of every
 * establishment that has not given them, once per establishment
 * (figures_reminder_sends and each mail's dedupe key), so a second run of the
 * same month sends nothing.
 */
export const sendFiguresReminders: JobHandler<'figures.reminders'> = async (_payload, ctx) => {
  const month = addMonths(currentMonth(), -1);
  const mailIds = await queueFiguresReminders(ctx.db, month);
  for (const messageId of mailIds) await enqueue(ctx.queues, 'mail.send', { messageId });
  return { month, queued: mailIds.length };
};
