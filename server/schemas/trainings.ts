import { Type, type Static } from 'typebox';
import { DateTime, MULTILINE, OneOf, PageQuery, Paginated, Uuid } from './common';
import { InseeCode, OfficeId, placeInputFields, placeShownFields } from './places';
import {
  ATTENDANCES, PLACE_KINDS, REGISTRATION_EVENT_KINDS, REGISTRATION_STATUSES, SESSION_STATUSES, TRAINING_THEMES, WAITLIST_MODES,
} from '../../common/trainings';
import { SEARCH_MAX_LENGTH, TRAINING_LIMITS as L } from '../../common/limits';

/**
 * Trainings API schemas (catalogue, sessions, registrations, offers, surveys,
 * exports, calendars). The client imports the `Static` types (import type only).
 */

const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) });
/** The same, on several lines. */
const Lines = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}), ...MULTILINE });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Cents = Type.Integer({ minimum: 0, maximum: L.priceMaxCents });

export const ThemeSchema = OneOf(TRAINING_THEMES);
export type Theme = Static<typeof ThemeSchema>;
export const themes: Theme[] = [...TRAINING_THEMES];

export const SessionStatusSchema = OneOf(SESSION_STATUSES);
export type SessionStatus = Static<typeof SessionStatusSchema>;
export const PlaceKindSchema = OneOf(PLACE_KINDS);
export const WaitlistModeSchema = OneOf(WAITLIST_MODES);
export const RegistrationStatusSchema = OneOf(REGISTRATION_STATUSES);
export type RegistrationStatus = Static<typeof RegistrationStatusSchema>;
export const EventKindSchema = OneOf(REGISTRATION_EVENT_KINDS);
export const AttendanceSchema = Nullable(OneOf(ATTENDANCES));

// ---------- catalogue ----------

export const TrainingSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  descriptionHtml: Type.String(),
  theme: ThemeSchema,
  targetCategories: Type.Array(Type.String()),
  durationMinutes: Type.Integer(),
  trainer: Nullable(Type.String()),
  priceMemberCents: Nullable(Type.Integer()),
  priceNonMemberCents: Nullable(Type.Integer()),
  archived: Type.Boolean(),
  upcomingSessionCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Training = Static<typeof TrainingSchema>;

const trainingFields = {
  title: Str(L.title),
  summary: Lines(L.summary),
  descriptionHtml: Type.String({ maxLength: L.descriptionHtml, ...MULTILINE }),
  theme: ThemeSchema,
  targetCategories: Type.Array(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_-]+$' }), { maxItems: L.targetCategories, uniqueItems: true }),
  durationMinutes: Type.Integer({ minimum: L.durationMin, maximum: L.durationMax }),
  trainer: Nullable(Str(L.trainer)),
  priceMemberCents: Nullable(Cents),
  priceNonMemberCents: Nullable(Cents),
};
export const CreateTrainingBody = Type.Object(
  {
    ...trainingFields,
    trainer: Type.Optional(trainingFields.trainer),
    priceMemberCents: Type.Optional(trainingFields.priceMemberCents),
    priceNonMemberCents: Type.Optional(trainingFields.priceNonMemberCents),
  },
  { additionalProperties: false },
);
export type CreateTrainingBody = Static<typeof CreateTrainingBody>;
export const UpdateTrainingBody = Type.Partial(Type.Object({ ...trainingFields, archived: Type.Boolean() }), { additionalProperties: false, minProperties: 1 });
export type UpdateTrainingBody = Static<typeof UpdateTrainingBody>;
export const TrainingListQuery = Type.Object(
  { search: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH })), theme: Type.Optional(ThemeSchema), includeArchived: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export const TrainingList = Paginated(TrainingSchema);

// ---------- sessions ----------

export const PlaceSchema = Type.Object({ kind: PlaceKindSchema, ...placeShownFields });
export type Place = Static<typeof PlaceSchema>;

export const MyRegistrationSchema = Type.Object({
  id: Type.String(),
  status: RegistrationStatusSchema,
  position: Nullable(Type.Integer()),
  offerExpiresAt: Nullable(Type.String()),
  attendance: AttendanceSchema,
});
export type MyRegistration = Static<typeof MyRegistrationSchema>;

const sessionListFields = {
  id: Type.String(),
  trainingId: Type.String(),
  title: Type.String(),
  theme: ThemeSchema,
  summary: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  slotCount: Type.Integer(),
  place: PlaceSchema,
  capacity: Type.Integer(),
  seatsLeft: Type.Integer(),
  waitingCount: Type.Integer(),
  signupDeadline: Type.String(),
  status: SessionStatusSchema,
  myRegistration: Nullable(MyRegistrationSchema),
};
export const SessionListItemSchema = Type.Object(sessionListFields);
export type SessionListItem = Static<typeof SessionListItemSchema>;

export const SlotSchema = Type.Object({ startsAt: DateTime, endsAt: DateTime }, { additionalProperties: false });
export type Slot = Static<typeof SlotSchema>;

export const SessionDetailSchema = Type.Object({
  ...sessionListFields,
  training: TrainingSchema,
  slots: Type.Array(Type.Object({ startsAt: Type.String(), endsAt: Type.String() })),
  perEstablishmentCap: Nullable(Type.Integer()),
  waitlistMode: WaitlistModeSchema,
  offerHours: Type.Integer(),
  notes: Nullable(Type.String()),
  confirmedCount: Type.Integer(),
  offeredCount: Type.Integer(),
  canSignUp: Type.Boolean(),
  surveyAvailable: Type.Boolean(),
  cancelReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type SessionDetail = Static<typeof SessionDetailSchema>;

export const PlaceInput = Type.Object({ kind: PlaceKindSchema, ...placeInputFields(L) }, { additionalProperties: false });
export type PlaceInput = Static<typeof PlaceInput>;

const sessionInputFields = {
  slots: Type.Array(SlotSchema, { minItems: 1, maxItems: L.slots }),
  place: PlaceInput,
  capacity: Type.Integer({ minimum: 1, maximum: L.capacityMax }),
  perEstablishmentCap: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: L.capacityMax }))),
  signupDeadline: DateTime,
  waitlistMode: Type.Optional(WaitlistModeSchema),
  offerHours: Type.Optional(Type.Integer({ minimum: L.offerHoursMin, maximum: L.offerHoursMax })),
  notes: Type.Optional(Nullable(Lines(L.notes))),
};
export const CreateSessionBody = Type.Object(
  { ...sessionInputFields, status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('open')])) },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBody>;
export const UpdateSessionBody = Type.Partial(
  Type.Object({ ...sessionInputFields, status: SessionStatusSchema, cancelReason: Nullable(Lines(L.cancelReason)) }),
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;
export const CancelSessionBody = Type.Object({ reason: Type.Optional(Nullable(Lines(L.cancelReason))) }, { additionalProperties: false });

export const SessionListQuery = Type.Object(
  {
    theme: Type.Optional(ThemeSchema),
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
    officeId: Type.Optional(OfficeId),
    communeInsee: Type.Optional(InseeCode),
    seatsLeft: Type.Optional(Type.Boolean()),
    trainingId: Type.Optional(Uuid),
    cursor: Type.Optional(Type.String({ maxLength: 100, pattern: '^-?[0-9]{1,19}_[0-9a-f-]{36}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SessionListQuery = Static<typeof SessionListQuery>;
export const SessionList = Type.Object({ items: Type.Array(SessionListItemSchema), nextCursor: Nullable(Type.String()) });
export type SessionList = Static<typeof SessionList>;

export const StaffSessionItemSchema = Type.Object({
  id: Type.String(),
  trainingId: Type.String(),
  title: Type.String(),
  theme: ThemeSchema,
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: PlaceSchema,
  capacity: Type.Integer(),
  confirmedCount: Type.Integer(),
  offeredCount: Type.Integer(),
  waitingCount: Type.Integer(),
  fillRate: Type.Number(),
  signupDeadline: Type.String(),
  status: SessionStatusSchema,
});
export type StaffSessionItem = Static<typeof StaffSessionItemSchema>;
export const StaffSessionQuery = Type.Object(
  {
    status: Type.Optional(SessionStatusSchema),
    trainingId: Type.Optional(Uuid),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const StaffSessionList = Paginated(StaffSessionItemSchema);

// ---------- registrations ----------

export const RegistrationSchema = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  user: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
  establishment: Nullable(Ref),
  status: RegistrationStatusSchema,
  position: Nullable(Type.Integer()),
  offerExpiresAt: Nullable(Type.String()),
  attendance: AttendanceSchema,
  registeredBy: Nullable(Ref),
  createdAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
});
export type Registration = Static<typeof RegistrationSchema>;
export const SignUpBody = Type.Object({ userId: Type.Optional(Uuid) }, { additionalProperties: false });
export const RegistrationGroups = Type.Object({
  confirmed: Type.Array(RegistrationSchema),
  offered: Type.Array(RegistrationSchema),
  waiting: Type.Array(RegistrationSchema),
  inactive: Type.Array(RegistrationSchema),
});
export type RegistrationGroups = Static<typeof RegistrationGroups>;
export const ColleagueList = Type.Object({
  items: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), registration: Nullable(MyRegistrationSchema) })),
});
export const HistoryEventSchema = Type.Object({
  id: Type.Integer(),
  registrationId: Type.String(),
  user: Ref,
  kind: EventKindSchema,
  actor: Nullable(Ref),
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  createdAt: Type.String(),
});
export type HistoryEvent = Static<typeof HistoryEventSchema>;
export const HistoryList = Type.Object({ items: Type.Array(HistoryEventSchema) });
export const AttendanceBody = Type.Object({ attendance: AttendanceSchema }, { additionalProperties: false });

// ---------- tokens from e-mail links ----------

export const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' }) }, { additionalProperties: false });
export const OfferStateSchema = Type.Union([
  Type.Literal('offered'), Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('expired'), Type.Literal('cancelled'), Type.Literal('invalid'),
]);
export const OfferView = Type.Object({
  state: OfferStateSchema,
  expiresAt: Nullable(Type.String()),
  session: Nullable(Type.Object({ id: Type.String(), title: Type.String(), startsAt: Type.String(), endsAt: Type.String(), place: PlaceSchema })),
  userName: Nullable(Type.String()),
});
export type OfferView = Static<typeof OfferView>;
export const OfferResult = Type.Object({ state: OfferStateSchema });
export const SurveyView = Type.Object({
  state: Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('invalid')]),
  session: Nullable(Type.Object({ id: Type.String(), title: Type.String(), startsAt: Type.String(), endsAt: Type.String() })),
});
export type SurveyView = Static<typeof SurveyView>;
export const SurveyBody = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Nullable(Type.String({ maxLength: L.surveyComment, ...MULTILINE }))) },
  { additionalProperties: false },
);
export const SurveySummary = Type.Object({
  sent: Type.Integer(),
  responses: Type.Integer(),
  average: Nullable(Type.Number()),
  distribution: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5 }),
  comments: Type.Array(Type.Object({ rating: Type.Integer(), comment: Type.String(), createdAt: Type.String() })),
});
export type SurveySummary = Static<typeof SurveySummary>;

// ---------- me ----------

export const MyItemSchema = Type.Object({ session: SessionListItemSchema, registration: MyRegistrationSchema, certificateAvailable: Type.Boolean() });
export type MyItem = Static<typeof MyItemSchema>;
export const MyRegistrations = Type.Object({ upcoming: Type.Array(MyItemSchema), waiting: Type.Array(MyItemSchema), past: Type.Array(MyItemSchema) });
export type MyRegistrations = Static<typeof MyRegistrations>;
export const NextQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 3 })) }, { additionalProperties: false });
export const NextSessions = Type.Object({ items: Type.Array(SessionListItemSchema) });
export const CalendarFeed = Type.Object({ url: Nullable(Type.String()) });
export const FeedParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9._-]+\\.ics$' }) }, { additionalProperties: false });
