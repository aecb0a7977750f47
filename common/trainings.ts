/** Value lists of the trainings enums: read by pgEnum (db/schema), the TypeBox schemas and the client. */
export const TRAINING_THEMES = ['digital', 'welcome', 'regulations', 'sustainable', 'eductour', 'other'] as const;
export type TrainingTheme = (typeof TRAINING_THEMES)[number];

export const SESSION_STATUSES = ['draft', 'open', 'closed', 'cancelled', 'done'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PLACE_KINDS = ['office', 'address', 'online'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const WAITLIST_MODES = ['offer', 'direct'] as const;
export type WaitlistMode = (typeof WAITLIST_MODES)[number];

export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'offered', 'cancelled', 'declined', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration that holds or waits for a seat (the partial unique index of db/schema/trainings.ts uses the same list). */
export const ACTIVE_REGISTRATION_STATUSES = ['confirmed', 'waiting', 'offered'] as const satisfies readonly RegistrationStatus[];
export type ActiveRegistrationStatus = (typeof ACTIVE_REGISTRATION_STATUSES)[number];

export const REGISTRATION_EVENT_KINDS = ['joined', 'offered', 'accepted', 'declined', 'expired', 'promoted', 'cancelled'] as const;
export type RegistrationEventKind = (typeof REGISTRATION_EVENT_KINDS)[number];

export const ATTENDANCES = ['present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const NOTICE_KINDS = ['changed', 'cancelled'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
