import type { Locale } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface DocumentReviewProps extends LetterRecipient {
  title: string;
  /** The review date that has come (YYYY-MM-DD). */
  reviewOn: string;
  documentUrl: string;
}

const day = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const reviewCopy = {
  fr: {
    subject: (title: string) => `Document à revoir : ${title}`,
    preview: 'La date de revue d’un document dont vous êtes responsable est arrivée.',
    due: (title: string, date: string) => `Le document « ${title} » devait être revu le ${date}. Vérifiez qu’il est toujours à jour : déposez une nouvelle version, changez sa date de revue ou archivez-le.`,
    cta: 'Ouvrir le document',
    reason: 'Vous recevez ce message parce que vous êtes responsable de ce document dans le centre de ressources.',
  },
  en: {
    subject: (title: string) => `Document to review: ${title}`,
    preview: 'The review date of a document you are responsible for has come.',
    due: (title: string, date: string) => `The document “${title}” was due for review on ${date}. Check that it is still up to date: upload a new version, change its review date or archive it.`,
    cta: 'Open the document',
    reason: 'You are receiving this message because you are responsible for this document in the resource centre.',
  },
};

export const documentReview = defineLetter({
  copy: reviewCopy,
  subject: (p: DocumentReviewProps, c) => c.subject(p.title),
  letter: (p, c, locale) => ({ blocks: [c.due(p.title, day(p.reviewOn, locale))], action: { href: p.documentUrl, label: c.cta } }),
});
