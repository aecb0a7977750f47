import { formatDateTime } from '../layout';
import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingOfferProps = TrainingMailBase & { link: string; expiresAt: Date | string };

const offerCopy = {
  fr: {
    subject: (t: string) => `Une place s’est libérée\u00a0: ${t}`,
    preview: 'Une place vous est proposée\u00a0: répondez avant l’échéance.',
    body: 'Bonne nouvelle\u00a0: une place s’est libérée et elle vous est proposée, car vous étiez le premier ou la première sur la liste d’attente.',
    until: (d: string) => `Cette proposition est valable jusqu’au ${d}. Sans réponse, elle passe à la personne suivante.`,
    cta: 'Accepter ou refuser la place',
    note: 'Le lien ouvre une page où vous confirmez votre choix\u00a0: rien n’est enregistré tant que vous n’avez pas cliqué sur « Accepter » ou « Refuser ».',
  },
  en: {
    subject: (t: string) => `A seat is free: ${t}`,
    preview: 'A seat is offered to you: reply before it expires.',
    body: 'Good news: a seat became free and is offered to you, as you were first on the waiting list.',
    until: (d: string) => `This offer is valid until ${d}. Without a reply, it goes to the next person.`,
    cta: 'Accept or decline the seat',
    note: 'The link opens a page where you confirm your choice: nothing is recorded until you click “Accept” or “Decline”.',
  },
};

export const trainingOffer = defineSessionLetter({
  copy: offerCopy,
  letter: (p: TrainingOfferProps, c, locale) => ({
    intro: c.body,
    blocks: [{ bold: c.until(formatDateTime(p.expiresAt, locale)) }],
    action: { href: p.link, label: c.cta },
    note: c.note,
  }),
});
