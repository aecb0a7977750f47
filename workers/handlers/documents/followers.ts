import { queueFollowerMails } from '../../../db/queries/documents';
import { enqueueEffects, type JobHandler } from '../../jobs';

/**
 * A document was published in a folder: its followers who may see it and
 * accept resource-centre mail get one mail each. Run twice, it queues
 * nothing more (each mail's dedupe key is the document and the follower).
 */
export const notifyFolderFollowers: JobHandler<'documents.followers'> = async (payload, ctx) => {
  const mailIds = await queueFollowerMails(ctx.db, payload.documentId);
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};
