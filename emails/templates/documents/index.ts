import { defineTemplate } from '../template';
import { ContributionDecided, contributionDecidedSubject, type ContributionDecidedProps } from './contribution-decided';
import { DocumentPublished, documentPublishedSubject, type DocumentPublishedProps } from './published';
import { DocumentReview, documentReviewSubject, type DocumentReviewProps } from './review';

export type { ContributionDecidedProps, DocumentPublishedProps, DocumentReviewProps };

/** The documents feature's mails, by the name stored in mail_messages.template. */
export const documentsTemplates = {
  'document-review': defineTemplate<DocumentReviewProps>({ component: DocumentReview, subject: documentReviewSubject }),
  'document-published': defineTemplate<DocumentPublishedProps>({ component: DocumentPublished, subject: documentPublishedSubject }),
  'contribution-decided': defineTemplate<ContributionDecidedProps>({ component: ContributionDecided, subject: contributionDecidedSubject }),
};
