import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingOfferExpiredProps = TrainingMailBase;

const expiredCopy = {
  fr: {
    subject: (t: string) => `Proposition expirée\u00a0: ${t}`,
    preview: 'Le délai pour accepter la place est passé.',
    body: 'Le délai pour accepter la place qui vous était proposée est passé\u00a0: elle a été proposée à la personne suivante et vous ne figurez plus sur la liste d’attente.',
    again: 'Vous pouvez vous réinscrire sur la page de la session (en fin de liste d’attente si elle est complète).',
  },
  en: {
    subject: (t: string) => `Offer expired: ${t}`,
    preview: 'The time to accept the seat has passed.',
    body: 'The time to accept the seat offered to you has passed: it went to the next person and you are no longer on the waiting list.',
    again: 'You can sign up again on the session page (at the end of the waiting list if it is full).',
  },
};

export const trainingOfferExpired = defineSessionLetter({
  copy: expiredCopy,
  letter: (_p: TrainingOfferExpiredProps, c) => ({ intro: c.body, showPlace: false, blocks: [c.again], action: 'session page' }),
});
