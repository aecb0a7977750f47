import type { Database } from '../../../db/client';
import { digestForMail, importantForMail } from '../../../db/queries/news/mail';
import type { NewsDigestProps, NewsImportantProps } from '../../../emails/templates/news';
import { appLink, loadForRecipient, type ComposeContext } from '../mail/context';

/** Loaders of the news mails: props rebuilt at send time, or null when the mail no longer applies. */
export const newsComposers = {
  'news-important': loadForRecipient('postId', importantForMail, (post, postId, ctx): NewsImportantProps => ({
    recipientName: post.name, title: post.title, summary: post.summary, postUrl: appLink(ctx, `/actualites/${postId}`), homeUrl: appLink(ctx, '/'),
  })),
  'news-digest': async (db: Database, _params: Record<string, unknown>, ctx: ComposeContext): Promise<NewsDigestProps | null> => {
    if (!ctx.message.userId) return null;
    const d = await digestForMail(db, ctx.message.userId);
    if (!d) return null;
    return {
      recipientName: d.name, posts: d.posts.map((p) => ({ title: p.title, summary: p.summary, important: p.important, url: appLink(ctx, `/actualites/${p.id}`) })),
      feedUrl: appLink(ctx, '/actualites'), homeUrl: appLink(ctx, '/'),
    };
  },
};
