import { defineTemplate } from '../template';
import { Newsletter, newsletterTestSubject, type NewsletterProps } from './newsletter';

export type { NewsletterProps };

/** The newsletters' outbox mails (campaign mail itself is built by the sending engine, one row per recipient). */
export const newslettersTemplates = {
  'newsletter-test': defineTemplate<NewsletterProps>({ component: Newsletter, subject: newsletterTestSubject }),
};
