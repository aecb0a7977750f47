import type { Database } from '../../../db/client';
import { contributionForMail, documentForFollowerMail, documentForReviewMail } from '../../../db/queries/documents';
import type { ContributionDecidedProps, DocumentPublishedProps, DocumentReviewProps } from '../../../emails/templates/documents';
import { appLink, loadForRecipient, uuidParam, type ComposeContext } from '../mail/context';

/** Loaders of the documents mails: props rebuilt at send time, or null when the mail no longer applies. */
export const documentComposers = {
  'document-review': async (db: Database, params: Record<string, unknown>, ctx: ComposeContext): Promise<DocumentReviewProps | null> => {
    const documentId = uuidParam(params, 'documentId');
    const doc = await documentForReviewMail(db, documentId);
    if (!doc) return null;
    return {
      recipientName: doc.ownerName, title: doc.title, reviewOn: doc.reviewOn!,
      documentUrl: `${ctx.config.PUBLIC_URL}/documents/${documentId}`, homeUrl: `${ctx.config.PUBLIC_URL}/`,
    };
  },
  'document-published': loadForRecipient('documentId', documentForFollowerMail, (doc, documentId, ctx): DocumentPublishedProps => ({
    recipientName: doc.name, title: doc.title, folderName: doc.folderName, documentUrl: appLink(ctx, `/documents/${documentId}`), homeUrl: appLink(ctx, '/'),
  })),
  'contribution-decided': async (db: Database, params: Record<string, unknown>, ctx: ComposeContext): Promise<ContributionDecidedProps | null> => {
    const c = await contributionForMail(db, uuidParam(params, 'contributionId'));
    if (!c) return null;
    const approved = c.status === 'approved';
    return {
      recipientName: c.name, title: c.title, approved, message: c.message,
      url: appLink(ctx, approved && c.documentId ? `/documents/${c.documentId}` : '/documents/mes-propositions'), homeUrl: appLink(ctx, '/'),
    };
  },
};
