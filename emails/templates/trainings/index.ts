import { defineTemplate } from '../template';
import { TrainingConfirmed, trainingConfirmedSubject, type TrainingConfirmedProps } from './confirmed';
import { TrainingWaiting, trainingWaitingSubject, type TrainingWaitingProps } from './waiting';
import { TrainingOffer, trainingOfferSubject, type TrainingOfferProps } from './offer';
import { TrainingOfferExpired, trainingOfferExpiredSubject, type TrainingOfferExpiredProps } from './offer-expired';
import { TrainingRegistrationCancelled, trainingRegistrationCancelledSubject, type TrainingRegistrationCancelledProps } from './registration-cancelled';
import { TrainingReminder, trainingReminderSubject, type TrainingReminderProps } from './reminder';
import { TrainingSessionChanged, trainingSessionChangedSubject, type TrainingSessionChangedProps } from './session-changed';
import { TrainingSessionCancelled, trainingSessionCancelledSubject, type TrainingSessionCancelledProps } from './session-cancelled';
import { TrainingSurvey, trainingSurveySubject, type TrainingSurveyProps } from './survey';

export type { TrainingSessionInfo } from './frame';
export type {
  TrainingConfirmedProps, TrainingWaitingProps, TrainingOfferProps, TrainingOfferExpiredProps, TrainingRegistrationCancelledProps, TrainingReminderProps, TrainingSessionChangedProps, TrainingSessionCancelledProps, TrainingSurveyProps,
};

/** The trainings feature's mails, by the name stored in mail_messages.template. */
export const trainingsTemplates = {
  'training-confirmed': defineTemplate<TrainingConfirmedProps>({ component: TrainingConfirmed, subject: trainingConfirmedSubject }),
  'training-waiting': defineTemplate<TrainingWaitingProps>({ component: TrainingWaiting, subject: trainingWaitingSubject }),
  'training-offer': defineTemplate<TrainingOfferProps>({ component: TrainingOffer, subject: trainingOfferSubject }),
  'training-offer-expired': defineTemplate<TrainingOfferExpiredProps>({ component: TrainingOfferExpired, subject: trainingOfferExpiredSubject }),
  'training-registration-cancelled': defineTemplate<TrainingRegistrationCancelledProps>({ component: TrainingRegistrationCancelled, subject: trainingRegistrationCancelledSubject }),
  'training-reminder': defineTemplate<TrainingReminderProps>({ component: TrainingReminder, subject: trainingReminderSubject }),
  'training-session-changed': defineTemplate<TrainingSessionChangedProps>({ component: TrainingSessionChanged, subject: trainingSessionChangedSubject }),
  'training-session-cancelled': defineTemplate<TrainingSessionCancelledProps>({ component: TrainingSessionCancelled, subject: trainingSessionCancelledSubject }),
  'training-survey': defineTemplate<TrainingSurveyProps>({ component: TrainingSurvey, subject: trainingSurveySubject }),
};
