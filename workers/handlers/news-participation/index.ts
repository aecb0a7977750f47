import { commentForMail, queueCommentMails } from '../../../db/queries/news/comment-notices';
import type { NewsCommentProps } from '../../../emails/templates/news-participation';
import { defineWorkerFeature } from '../../feature';
import { enqueueEffects, type JobHandler } from '../../jobs';
import { appLink, loadForRecipient } from '../mail/context';

/** Mail excerpt of a comment: its first characters, on a word boundary. */
export const COMMENT_EXCERPT_CHARS = 280;
const excerpt = (s: string) => (s.length <= COMMENT_EXCERPT_CHARS ? s : `${s.slice(0, COMMENT_EXCERPT_CHARS).replace(/\s+\S*$/, '')}…`);

/** Client paths of a post's and a sheet's page (client/features/news). */
export const newsPostPath = (id: string) => `/actualites/${id}`;
export const newsSheetPath = (id: string) => `/retours-experience/${id}`;

/** A new comment: its target's author and earlier commenters get one mail each; run twice, it queues nothing more. */
export const notifyNewComment: JobHandler<'news.comment-notify'> = async (payload, ctx) => {
  const mailIds = await queueCommentMails(ctx.db, payload.commentId);
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};

export const newsParticipationComposers = {
  'news-comment': loadForRecipient('commentId', commentForMail, (c, _commentId, ctx): NewsCommentProps => {
    const path = c.target.kind === 'post' ? newsPostPath(c.target.id) : newsSheetPath(c.target.id);
    return { recipientName: c.recipientName, authorName: c.authorName, title: c.title, excerpt: excerpt(c.body), url: appLink(ctx, path), homeUrl: appLink(ctx, '/') };
  }),
};

/** News participation in the worker process: new-comment mail. */
export const newsParticipation = defineWorkerFeature({
  name: 'news-participation',
  jobs: { 'news.comment-notify': notifyNewComment },
  schedules: [],
  mail: newsParticipationComposers,
  attachments: {},
});
