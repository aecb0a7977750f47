import { contributionDecided, type ContributionDecidedProps } from './contribution-decided';
import { documentPublished, type DocumentPublishedProps } from './published';
import { documentReview, type DocumentReviewProps } from './review';

export type { ContributionDecidedProps, DocumentPublishedProps, DocumentReviewProps };

/** The documents feature's mails, by the name stored in mail_messages.template. */
export const documentsTemplates = {
  'document-review': documentReview,
  'document-published': documentPublished,
  'contribution-decided': contributionDecided,
};
