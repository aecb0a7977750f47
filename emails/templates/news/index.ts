import { newsDigest, type NewsDigestProps } from './digest';
import { newsImportant, type NewsImportantProps } from './important';

export type { NewsDigestProps, NewsImportantProps };

/** The news feature's mails, by the name stored in mail_messages.template. */
export const newsTemplates = {
  'news-important': newsImportant,
  'news-digest': newsDigest,
};
