import type { Locale } from '../layout';
import { SessionLetter, type TrainingMailBase } from './frame';

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
} as const;

export function TrainingReminder(p: TrainingReminderProps & { locale: Locale }) {
  const c = reminderCopy[p.locale];
  return <SessionLetter mail={p} preview={c.preview} intro={c.body} action="session page" note={c.cancel} />;
}

export const trainingReminderSubject = (p: TrainingReminderProps, locale: Locale): string => reminderCopy[locale].subject(p.session.title);
