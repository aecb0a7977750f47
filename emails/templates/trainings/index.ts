import { trainingConfirmed, type TrainingConfirmedProps } from './confirmed';
import { trainingWaiting, type TrainingWaitingProps } from './waiting';
import { trainingOffer, type TrainingOfferProps } from './offer';
import { trainingOfferExpired, type TrainingOfferExpiredProps } from './offer-expired';
import { trainingRegistrationCancelled, type TrainingRegistrationCancelledProps } from './registration-cancelled';
import { trainingReminder, type TrainingReminderProps } from './reminder';
import { trainingSessionChanged, type TrainingSessionChangedProps } from './session-changed';
import { trainingSessionCancelled, type TrainingSessionCancelledProps } from './session-cancelled';
import { trainingSurvey, type TrainingSurveyProps } from './survey';

export type { TrainingSessionInfo } from './frame';
export type {
  TrainingConfirmedProps, TrainingWaitingProps, TrainingOfferProps, TrainingOfferExpiredProps, TrainingRegistrationCancelledProps, TrainingReminderProps, TrainingSessionChangedProps, TrainingSessionCancelledProps, TrainingSurveyProps,
};

/** The trainings feature's mails, by the name stored in mail_messages.template. */
export const trainingsTemplates = {
  'training-confirmed': trainingConfirmed,
  'training-waiting': trainingWaiting,
  'training-offer': trainingOffer,
  'training-offer-expired': trainingOfferExpired,
  'training-registration-cancelled': trainingRegistrationCancelled,
  'training-reminder': trainingReminder,
  'training-session-changed': trainingSessionChanged,
  'training-session-cancelled': trainingSessionCancelled,
  'training-survey': trainingSurvey,
};
