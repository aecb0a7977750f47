/**
 * Shapes of the trainings API, taken from the server's TypeBox schemas (types
 * only: nothing of the server ends up in the bundle). Contract in prose:
 * notes/TRAININGS_API.md.
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
export type Colleague = ColleagueList['items'][number];
export type HistoryList = Static<typeof HistoryListSchema>;
export type StaffSessionList = Static<typeof StaffSessionListSchema>;
export type TrainingList = Static<typeof TrainingListSchema>;
export type PlaceKind = Place['kind'];
export type WaitlistMode = SessionDetail['waitlistMode'];
export type Attendance = MyRegistration['attendance'];
export type EventKind = HistoryEvent['kind'];
export type OfferState = OfferView['state'];

// Kept here rather than imported: the server's arrays are runtime values (import type only).
export const THEMES: readonly Theme[] = ['digital', 'welcome', 'regulations', 'sustainable', 'eductour', 'other'];
export const SESSION_STATUSES: readonly SessionStatus[] = ['draft', 'open', 'closed', 'cancelled', 'done'];

/** Server limits mirrored by the forms so that they warn while typing (server/schemas/trainings.ts). */
export const LIMITS = {
  title: 200,
  summary: 500,
  descriptionHtml: 50_000,
  targetCategories: 20,
  durationMin: 15,
  durationMax: 10_080,
  trainer: 200,
  priceMaxCents: 10_000_000,
  slots: 20,
  capacityMax: 1000,
  offerHoursMin: 1,
  offerHoursMax: 168,
  address: 300,
  onlineUrl: 500,
  notes: 2000,
  cancelReason: 500,
  surveyComment: 2000,
  pageSize: 20,
} as const;
