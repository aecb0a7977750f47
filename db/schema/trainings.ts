import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { establishments, users } from './accounts';
import { timestamps } from './columns';
import { communes, offices } from './territory';
import {
  ACTIVE_REGISTRATION_STATUSES, ATTENDANCES, NOTICE_KINDS, PLACE_KINDS, REGISTRATION_EVENT_KINDS, REGISTRATION_STATUSES, SESSION_STATUSES,
  TRAINING_THEMES, WAITLIST_MODES,
} from '../../common/trainings';

export const trainingTheme = pgEnum('training_theme', TRAINING_THEMES);
export const trainingSessionStatus = pgEnum('training_session_status', SESSION_STATUSES);
export const trainingPlaceKind = pgEnum('training_place_kind', PLACE_KINDS);
export const trainingWaitlistMode = pgEnum('training_waitlist_mode', WAITLIST_MODES);
export const trainingRegistrationStatus = pgEnum('training_registration_status', REGISTRATION_STATUSES);
export const trainingEventKind = pgEnum('training_event_kind', REGISTRATION_EVENT_KINDS);
export const trainingAttendance = pgEnum('training_attendance', ATTENDANCES);
export const trainingNoticeKind = pgEnum('training_notice_kind', NOTICE_KINDS);

/** `('confirmed', 'waiting', 'offered')` for the partial indexes (the same text as the landed migrations). */
const activeStatuses = sql.raw(`(${ACTIVE_REGISTRATION_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/** A training of the catalogue; its description is sanitised HTML. */
export const trainings = pgTable('trainings', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  descriptionHtml: text('description_html').notNull().default(''),
  theme: trainingTheme('theme').notNull(),
  targetCategories: text('target_categories').array().notNull().default(sql`'{}'::text[]`),
  durationMinutes: integer('duration_minutes').notNull(),
  trainer: text('trainer'),
  priceMemberCents: integer('price_member_cents'),
  priceNonMemberCents: integer('price_non_member_cents'),
  archived: boolean('archived').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps(),
});

/**
 * A dated session of a training. The seat counters live on this row, and
 * every change of its registrations locks it first (SELECT … FOR UPDATE),
 * so counters, caps and waiting-list order cannot drift under concurrency.
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id').notNull().references(() => trainings.id),
    status: trainingSessionStatus('status').notNull().default('draft'),
    /** First slot start / last slot end, denormalised for listing and schedules. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    slotCount: smallint('slot_count').notNull().default(1),
    placeKind: trainingPlaceKind('place_kind').notNull(),
    officeId: text('office_id').references(() => offices.id),
    communeInsee: text('commune_insee').references(() => communes.inseeCode),
    address: text('address'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    perEstablishmentCap: integer('per_establishment_cap'),
    signupDeadline: timestamp('signup_deadline', { withTimezone: true }).notNull(),
    waitlistMode: trainingWaitlistMode('waitlist_mode').notNull().default('offer'),
    offerHours: integer('offer_hours').notNull().default(48),
    notes: text('notes'),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    offeredCount: integer('offered_count').notNull().default(0),
    waitingCount: integer('waiting_count').notNull().default(0),
    /** Monotonic ticket counter: the order of the waiting list. */
    waitSeq: bigint('wait_seq', { mode: 'number' }).notNull().default(0),
    /** Bumped on each change of time or place (iCalendar SEQUENCE, notice dedupe). */
    revision: integer('revision').notNull().default(0),
    reminderSentFor: timestamp('reminder_sent_for', { withTimezone: true }),
    surveySentAt: timestamp('survey_sent_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('training_sessions_list_idx').on(t.startsAt, t.id).where(sql`${t.status} in ('open', 'closed')`),
    index('training_sessions_training_idx').on(t.trainingId, t.startsAt),
    index('training_sessions_status_idx').on(t.status, t.startsAt),
    check('training_sessions_capacity', sql`${t.capacity} > 0 AND ${t.confirmedCount} >= 0 AND ${t.offeredCount} >= 0 AND ${t.waitingCount} >= 0`),
    check('training_sessions_seats', sql`${t.confirmedCount} + ${t.offeredCount} <= ${t.capacity} OR ${t.status} = 'cancelled'`),
    check('training_sessions_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const trainingSlots = pgTable(
  'training_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('training_slots_session_idx').on(t.sessionId, t.position), check('training_slots_times', sql`${t.endsAt} > ${t.startsAt}`)],
);

/**
 * A person's registration to a session. At most one active (confirmed,
 * waiting, offered) row per person and session; inactive rows stay as history.
 */
export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    /** The establishment at sign-up time (cap and exports). */
    establishmentId: uuid('establishment_id').references(() => establishments.id),
    status: trainingRegistrationStatus('status').notNull(),
    /** Place in the waiting list (session.wait_seq ticket); null when confirmed directly. */
    queueSeq: bigint('queue_seq', { mode: 'number' }),
    /** Incremented on each offer: the offer link and expiry job carry it. */
    offerRound: integer('offer_round').notNull().default(0),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    attendance: trainingAttendance('attendance'),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_registrations_active_idx').on(t.sessionId, t.userId).where(sql`${t.status} in ${activeStatuses}`),
    index('training_registrations_queue_idx').on(t.sessionId, t.status, t.queueSeq),
    index('training_registrations_user_idx').on(t.userId, t.status),
    index('training_registrations_establishment_idx').on(t.sessionId, t.establishmentId).where(sql`${t.status} in ${activeStatuses}`),
    index('training_registrations_offer_idx').on(t.offerExpiresAt).where(sql`${t.status} = 'offered'`),
  ],
);

/** Every move of a registration, with its time and who made it (null = automatic). */
export const trainingRegistrationEvents = pgTable(
  'training_registration_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: uuid('registration_id').notNull().references(() => trainingRegistrations.id),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
    kind: trainingEventKind('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    details: jsonb('details').$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_events_session_idx').on(t.sessionId, t.id), index('training_events_registration_idx').on(t.registrationId)],
);

/** A change (time, place) or a cancellation of a session, fanned out to the registrants by a job. */
export const trainingSessionNotices = pgTable(
  'training_session_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
    kind: trainingNoticeKind('kind').notNull(),
    /** Old and new time / place, as shown in the mail. */
    details: jsonb('details').$type<Record<string, string | null>>().notNull().default({}),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    fannedOutAt: timestamp('fanned_out_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_notices_pending_idx').on(t.createdAt).where(sql`${t.fannedOutAt} is null`)],
);

export const trainingSurveyResponses = pgTable(
  'training_survey_responses',
  {
    registrationId: uuid('registration_id').primaryKey().references(() => trainingRegistrations.id),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_survey_session_idx').on(t.sessionId), check('training_survey_rating', sql`${t.rating} between 1 and 5`)],
);

/** A user's private calendar feed: the URL carries `${id}.${hmac}`; replacing the row revokes the old URL. */
export const trainingCalendarFeeds = pgTable('training_calendar_feeds', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  feedId: uuid('feed_id').notNull().unique().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
