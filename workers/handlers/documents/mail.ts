import { UnrecoverableError } from 'bullmq';
import type { Database } from '../../../db/client';
import { documentForReviewMail } from '../../../db/queries/documents';
import type { DocumentReviewProps } from '../../../emails/templates/documents';
import { isUuid } from '../../../common/ids';
import type { ComposeContext } from '../mail/context';

/** Loaders of the documents mails: props rebuilt at send time, or null when the mail no longer applies. */
export const documentComposers = {
  'document-review': async (db: Database, params: Record<string, unknown>, ctx: ComposeContext): Promise<DocumentReviewProps | null> => {
    if (!isUuid(params.documentId)) throw new UnrecoverableError('mail params: documentId must be a uuid');
    const doc = await documentForReviewMail(db, params.documentId);
    if (!doc) return null;
    return {
      recipientName: doc.ownerName, title: doc.title, reviewOn: doc.reviewOn!,
      documentUrl: `${ctx.config.PUBLIC_URL}/documents/${params.documentId}`, homeUrl: `${ctx.config.PUBLIC_URL}/`,
    };
  },
};
