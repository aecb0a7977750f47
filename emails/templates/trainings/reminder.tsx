import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingReminderProps = TrainingMailBase;

const reminderCopy = {
  fr: {
    subject: (t: string) => `Rappel\u00a0: ${t} dans 2 jours`,
    preview: 'Votre formation a lieu dans 2 jours.',
    body: 'Petit rappel\u00a0: votre formation a lieu bientôt. Voici le lieu et l’horaire.',
    cancel: 'Un empêchement\u00a0? Prévenez-nous ou annulez depuis « Mes formations » pour que la place profite à une personne en liste d’attente.',
  },
  en: {
    subject: (t: string) => `Reminder: ${t} in 2 days`,
    preview: 'Your training takes place in 2 days.',
    body: 'A quick reminder: your training is coming up. Here are the place and time.',
    cancel: 'Cannot make it? Let us know or cancel from “My trainings” so that someone on the waiting list gets the seat.',
  },
};

export const trainingReminder = defineSessionLetter({
  copy: reminderCopy,
  letter: (_p: TrainingReminderProps, c) => ({ intro: c.body, action: 'session page', note: c.cancel }),
});
