import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingSurveyProps = TrainingMailBase & { link: string };

const surveyCopy = {
  fr: {
    subject: (t: string) => `Votre avis sur\u00a0: ${t}`,
    preview: 'Deux questions, une minute\u00a0: aidez-nous à améliorer nos formations.',
    body: 'Merci d’avoir participé à cette formation. Votre avis nous aide à améliorer les prochaines sessions\u00a0: une note de 1 à 5 et, si vous le souhaitez, un commentaire.',
    cta: 'Donner mon avis',
    note: 'Votre réponse est anonyme pour le formateur\u00a0: l’office de tourisme n’en publie que la synthèse.',
  },
  en: {
    subject: (t: string) => `Your feedback on: ${t}`,
    preview: 'Two questions, one minute: help us improve our trainings.',
    body: 'Thank you for attending this training. Your feedback helps us improve the next sessions: a rating from 1 to 5 and, if you wish, a comment.',
    cta: 'Give my feedback',
    note: 'Your answer is anonymous for the trainer: the tourist office only publishes the summary.',
  },
};

export const trainingSurvey = defineSessionLetter({
  copy: surveyCopy,
  letter: (p: TrainingSurveyProps, c) => ({ intro: c.body, showPlace: false, action: { href: p.link, label: c.cta }, note: c.note }),
});
