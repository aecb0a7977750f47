import type { ActiveRegistrationStatus } from '../../../common/trainings';
import { formatDateTime } from '../layout';
import { defineSessionLetter, type TrainingMailBase } from './frame';

export type TrainingSessionChangedProps = TrainingMailBase & {
  timeChanged: boolean;
  placeChanged: boolean;
  oldStartsAt: Date | string | null;
  oldPlace: string | null;
  registrationStatus: ActiveRegistrationStatus;
};

const changedCopy = {
  fr: {
    subject: (t: string) => `Changement\u00a0: ${t}`,
    preview: 'L’horaire ou le lieu de votre formation a changé.',
    body: 'L’office de tourisme a modifié une session pour laquelle vous avez une inscription. Voici les nouvelles informations.',
    oldTime: (d: string) => `Ancien horaire\u00a0: ${d}.`,
    oldPlace: (p: string) => `Ancien lieu\u00a0: ${p}.`,
    status: { confirmed: 'Votre place reste réservée.', waiting: 'Vous restez sur la liste d’attente, à la même position.', offered: 'La place qui vous est proposée reste valable jusqu’à l’échéance indiquée.' },
    cannot: 'Ces nouvelles conditions ne vous conviennent pas\u00a0? Annulez depuis « Mes formations » pour libérer la place.',
  },
  en: {
    subject: (t: string) => `Change: ${t}`,
    preview: 'The time or place of your training has changed.',
    body: 'The tourist office changed a session you signed up for. Here are the new details.',
    oldTime: (d: string) => `Previous time: ${d}.`,
    oldPlace: (p: string) => `Previous place: ${p}.`,
    status: { confirmed: 'Your seat remains booked.', waiting: 'You stay on the waiting list, in the same position.', offered: 'The seat offered to you remains valid until the stated deadline.' },
    cannot: 'The new arrangements do not suit you? Cancel from “My trainings” to free the seat.',
  },
};

export const trainingSessionChanged = defineSessionLetter({
  copy: changedCopy,
  letter: (p: TrainingSessionChangedProps, c, locale) => {
    const was = [
      p.timeChanged && p.oldStartsAt ? c.oldTime(formatDateTime(p.oldStartsAt, locale)) : null,
      p.placeChanged && p.oldPlace ? c.oldPlace(p.oldPlace) : null,
    ];
    return { intro: c.body, blocks: [...was, c.status[p.registrationStatus]], action: 'session page', note: c.cannot };
  },
});
