import { queueDueReviewReminders } from '../../../db/queries/documents';
import { enqueue, type JobHandler } from '../../jobs';

/** Daily: the owner of each document whose review date has come is told once ("à revoir"). */
export const sendDocumentReviewReminders: JobHandler<'documents.review-reminders'> = async (_payload, ctx) => {
  const mailIds = await queueDueReviewReminders(ctx.db);
  for (const messageId of mailIds) await enqueue(ctx.queues, 'mail.send', { messageId });
  return { queued: mailIds.length };
};
