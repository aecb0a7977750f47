import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingWaitingProps = TrainingMailBase & { position: number | null; myTrainingsUrl: string };

const waitingCopy = {
  fr: {
    subject: (t: string) => `Liste d’attente\u00a0: ${t}`,
    preview: 'La session est complète\u00a0: vous êtes sur la liste d’attente.',
    body: (n: number | null) => (n ? `La session est complète. Vous êtes sur la liste d’attente, en position ${n}.` : 'La session est complète. Vous êtes sur la liste d’attente.'),
    how: 'Si une place se libère, elle est proposée dans l’ordre de la liste\u00a0: vous recevrez alors un e-mail pour l’accepter ou la refuser, avec un délai de réponse.',
    leave: 'Vous pouvez quitter la liste d’attente à tout moment depuis « Mes formations ».',
    cta: 'Mes formations',
  },
  en: {
    subject: (t: string) => `Waiting list: ${t}`,
    preview: 'The session is full: you are on the waiting list.',
    body: (n: number | null) => (n ? `The session is full. You are on the waiting list, in position ${n}.` : 'The session is full. You are on the waiting list.'),
    how: 'When a seat frees up, it is offered in list order: you will then receive an e-mail to accept or decline it within a set time.',
    leave: 'You can leave the waiting list at any time from “My trainings”.',
    cta: 'My trainings',
  },
};

export const trainingWaiting = defineSessionLetter({
  copy: waitingCopy,
  letter: (p: TrainingWaitingProps, c) => ({ intro: c.body(p.position), blocks: [c.how], action: { href: p.myTrainingsUrl, label: c.cta }, note: c.leave }),
});
