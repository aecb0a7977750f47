import { defineTemplate } from '../template';
import { NewsDigest, newsDigestSubject, type NewsDigestProps } from './digest';
import { NewsImportant, newsImportantSubject, type NewsImportantProps } from './important';

export type { NewsDigestProps, NewsImportantProps };

/** The news feature's mails, by the name stored in mail_messages.template. */
export const newsTemplates = {
  'news-important': defineTemplate<NewsImportantProps>({ component: NewsImportant, subject: newsImportantSubject }),
  'news-digest': defineTemplate<NewsDigestProps>({ component: NewsDigest, subject: newsDigestSubject }),
};
