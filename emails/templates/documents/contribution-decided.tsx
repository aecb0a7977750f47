import { Notice } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface ContributionDecidedProps extends LetterRecipient {
  title: string;
  approved: boolean;
  /** The office's message (declined proposals; may be empty). */
  message: string;
  /** The new document (approved) or the partner's proposals. */
  url: string;
}

const copy = {
  fr: {
    subject: (approved: boolean, title: string) => (approved ? `Votre proposition « ${title} » est publiée` : `Votre proposition « ${title} » n’a pas été retenue`),
    preview: (approved: boolean): string => (approved ? 'L’office a accepté votre proposition.' : 'L’office a répondu à votre proposition.'),
    approved: (title: string) => `Merci ! L’office a accepté « ${title} » et l’a ajouté au centre de ressources, avec votre mention d’auteur.`,
    declined: (title: string) => `L’office n’a pas retenu « ${title} » pour le centre de ressources. Le fichier a été supprimé.`,
    messageIntro: 'Message de l’office\u00a0:',
    ctaApproved: 'Voir le document',
    ctaDeclined: 'Voir mes propositions',
    reason: 'Vous recevez ce message parce que vous avez proposé ce document. Vous pouvez désactiver les e-mails du centre de ressources dans votre profil.',
  },
  en: {
    subject: (approved: boolean, title: string) => (approved ? `Your proposal “${title}” is published` : `Your proposal “${title}” was not accepted`),
    preview: (approved: boolean): string => (approved ? 'The office accepted your proposal.' : 'The office answered your proposal.'),
    approved: (title: string) => `Thank you! The office accepted “${title}” and added it to the resource centre, with your author credit.`,
    declined: (title: string) => `The office did not accept “${title}” for the resource centre. The file has been deleted.`,
    messageIntro: 'Message from the office:',
    ctaApproved: 'View the document',
    ctaDeclined: 'View my proposals',
    reason: 'You are receiving this message because you proposed this document. You can turn off resource-centre e-mails in your profile.',
  },
};

export const contributionDecided = defineLetter({
  copy,
  subject: (p: ContributionDecidedProps, c) => c.subject(p.approved, p.title),
  letter: (p, c) => ({
    preview: c.preview(p.approved),
    blocks: [
      p.approved ? c.approved(p.title) : c.declined(p.title),
      // The office's message comes before the button, set apart like a closing note.
      p.message ? <Notice>{c.messageIntro} {p.message}</Notice> : null,
    ],
    action: { href: p.url, label: p.approved ? c.ctaApproved : c.ctaDeclined },
  }),
});
