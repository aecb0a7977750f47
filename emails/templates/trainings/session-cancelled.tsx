import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingSessionCancelledProps = TrainingMailBase & { reason: string | null };

const sessionCancelledCopy = {
  fr: {
    subject: (t: string) => `Session annulée\u00a0: ${t}`,
    preview: 'Une session pour laquelle vous aviez une inscription est annulée.',
    body: 'Nous sommes désolés\u00a0: l’office de tourisme a annulé cette session.',
    reason: (r: string) => `Motif\u00a0: ${r}`,
    next: 'Les autres sessions de cette formation sont sur l’Espace Pro, rubrique « Formations ».',
  },
  en: {
    subject: (t: string) => `Session cancelled: ${t}`,
    preview: 'A session you signed up for is cancelled.',
    body: 'We are sorry: the tourist office has cancelled this session.',
    reason: (r: string) => `Reason: ${r}`,
    next: 'Other sessions of this training are on Espace Pro, under “Trainings”.',
  },
};

export const trainingSessionCancelled = defineSessionLetter({
  copy: sessionCancelledCopy,
  letter: (p: TrainingSessionCancelledProps, c) => ({ intro: c.body, showPlace: false, blocks: [p.reason ? c.reason(p.reason) : null, c.next] }),
});
