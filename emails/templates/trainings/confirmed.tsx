import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingConfirmedProps = TrainingMailBase & { myTrainingsUrl: string; promoted: boolean };

const confirmedCopy = {
  fr: {
    subject: (t: string) => `Inscription confirmée\u00a0: ${t}`,
    preview: 'Votre place est réservée.',
    body: 'Votre inscription est confirmée, votre place est réservée.',
    promoted: 'Une place s’est libérée\u00a0: vous passez de la liste d’attente aux participants confirmés.',
    ics: 'Le fichier joint (.ics) ajoute la session à votre agenda (Google, Apple, Outlook).',
    cancel: 'Un empêchement\u00a0? Annulez depuis « Mes formations » pour libérer votre place pour une autre personne.',
    cta: 'Mes formations',
  },
  en: {
    subject: (t: string) => `Registration confirmed: ${t}`,
    preview: 'Your seat is booked.',
    body: 'Your registration is confirmed and your seat is booked.',
    promoted: 'A seat became free: you move from the waiting list to the confirmed participants.',
    ics: 'The attached file (.ics) adds the session to your calendar (Google, Apple, Outlook).',
    cancel: 'Cannot make it? Cancel from “My trainings” to free your seat for someone else.',
    cta: 'My trainings',
  },
};

export const trainingConfirmed = defineSessionLetter({
  copy: confirmedCopy,
  letter: (p: TrainingConfirmedProps, c) => ({ intro: p.promoted ? c.promoted : c.body, blocks: [c.ics], action: { href: p.myTrainingsUrl, label: c.cta }, note: c.cancel }),
});
