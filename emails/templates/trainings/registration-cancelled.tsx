import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingRegistrationCancelledProps = TrainingMailBase;

const cancelledRegCopy = {
  fr: {
    subject: (t: string) => `Inscription annulée\u00a0: ${t}`,
    preview: 'Votre inscription a été annulée par l’office de tourisme.',
    body: 'L’office de tourisme a annulé votre inscription à cette session. Pour toute question, contactez votre bureau d’information touristique.',
  },
  en: {
    subject: (t: string) => `Registration cancelled: ${t}`,
    preview: 'Your registration was cancelled by the tourist office.',
    body: 'The tourist office cancelled your registration to this session. For any question, contact your tourist information office.',
  },
};

export const trainingRegistrationCancelled = defineSessionLetter({
  copy: cancelledRegCopy,
  letter: (_p: TrainingRegistrationCancelledProps, c) => ({ intro: c.body, showPlace: false, action: 'session page' }),
});
