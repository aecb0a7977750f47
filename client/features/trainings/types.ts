/**
 * Shapes of the trainings API, taken from the server's TypeBox schemas (types
 * only: nothing of the server ends up in the bundle). The contract is
 * server/schemas/trainings.ts and the OpenAPI document at /api/docs.
 */
import type { Static } from 'typebox';
import type {
  ColleagueList as ColleagueListSchema,
  CreateSessionBody, CreateTrainingBody, HistoryEvent, HistoryList as HistoryListSchema, MyItem, MyRegistration, MyRegistrations,
  OfferView, Place, PlaceInput, Registration, RegistrationGroups, RegistrationStatus, SessionDetail, SessionList,
  SessionListItem, SessionStatus, Slot, StaffSessionItem, StaffSessionList as StaffSessionListSchema, SurveySummary, SurveyView,
  Theme, Training, TrainingList as TrainingListSchema, UpdateSessionBody, UpdateTrainingBody,
} from '../../../server/schemas/trainings';

export type {
  CreateSessionBody, CreateTrainingBody, HistoryEvent, MyItem, MyRegistration, MyRegistrations, OfferView, Place, PlaceInput,
  Registration, RegistrationGroups, RegistrationStatus, SessionDetail, SessionList, SessionListItem, SessionStatus, Slot,
  StaffSessionItem, SurveySummary, SurveyView, Theme, Training, UpdateSessionBody, UpdateTrainingBody,
};

export type ColleagueList = Static<typeof ColleagueListSchema>;
export type HistoryList = Static<typeof HistoryListSchema>;
export type StaffSessionList = Static<typeof StaffSessionListSchema>;
export type TrainingList = Static<typeof TrainingListSchema>;
export type PlaceKind = Place['kind'];
export type WaitlistMode = SessionDetail['waitlistMode'];
export type Attendance = MyRegistration['attendance'];
export type OfferState = OfferView['state'];

// Value lists come from common/ (the server's schemas are imported as types only).
export { SESSION_STATUSES, TRAINING_THEMES as THEMES } from '../../../common/trainings';

/** Field limits, shared with the server's schemas: the forms warn while typing. */
export { TRAINING_LIMITS as LIMITS } from '../../../common/limits';
