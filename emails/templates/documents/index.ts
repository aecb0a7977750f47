import { defineTemplate } from '../template';
import { DocumentReview, documentReviewSubject, type DocumentReviewProps } from './review';

export type { DocumentReviewProps };

/** The documents feature's mails, by the name stored in mail_messages.template. */
export const documentsTemplates = {
  'document-review': defineTemplate<DocumentReviewProps>({ component: DocumentReview, subject: documentReviewSubject }),
};
