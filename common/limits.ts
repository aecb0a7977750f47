/**
 * Field limits shared by the server's schemas and the client's forms (which
 * warn while typing). A limit is written here once.
 */
import { TIME_ZONE } from './format';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** The search box of every list. */
export const SEARCH_MAX_LENGTH = 100;

export const ACCOUNT_LIMITS = {
  userName: 120,
  email: 254,
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
  establishmentName: 160,
  address: 300,
  phoneMin: 4,
  phone: 30,
  websiteMin: 8,
  website: 300,
  description: 4000,
  labels: 20,
  yearMin: 1990,
  yearMax: 2100,
} as const;

export const TRAINING_LIMITS = {
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

/**
 * Background jobs (workers/): retries, retention in Redis, and how often each
 * scheduled job runs. Not operator settings: they follow from the product's
 * rules (a mail waits at most about a minute for its safety net) and from
 * BullMQ's bookkeeping cost.
 */
export const JOB_RETRY = {
  /** Attempts of a job that throws (a bad payload is not retried: UnrecoverableError). */
  attempts: 6,
  /** First retry delay, doubled at each attempt (2, 4, 8, 16, 32 s). */
  firstDelayMs: 2_000,
} as const;

export const JOB_RETENTION = {
  /** Finished jobs kept in Redis (they block a duplicate add with the same id meanwhile). */
  completedSeconds: 24 * 3600,
  completedCount: 5_000,
  failedSeconds: 14 * 24 * 3600,
  failedCount: 20_000,
} as const;

/** How often each repeatable job runs (workers/handlers/<feature>/index.ts `schedules`). */
export const SCHEDULE_EVERY_MS = {
  /** Mail outbox safety net: re-enqueues rows whose job was lost. */
  mailSweep: 60_000,
  /** Trainings safety net: overdue offers and notices whose job was lost. */
  trainingsSweep: 60_000,
  trainingReminders: 15 * 60_000,
  trainingSurveys: 15 * 60_000,
  /** Documents safety net: files left by crashed uploads, extractions whose job was lost. */
  documentsSweep: 60 * 60_000,
  /** Partners' figures rollup: pages show aggregates at most a minute old (each save also enqueues it). */
  figuresRollup: 30_000,
  /** Visitor counts: rollup of the office-months changed since the last run (figures at most a minute old). */
  visitsRollup: 20_000,
  /** News safety net: important posts whose publication job was lost. */
  newsSweep: 60_000,
} as const;

/**
 * The documents storage sweeper (documents.sweep, every
 * SCHEDULE_EVERY_MS.documentsSweep): what it may remove, and how much it asks
 * PostgreSQL at once.
 */
export const DOCUMENTS_SWEEP = {
  /**
   * Stored objects, temporary files and multipart uploads younger than this are
   * left alone: they may belong to an upload still streaming or whose
   * transaction has not committed yet (a multipart upload is dated from its
   * start: 1 h lets UPLOAD_MAX_BYTES' 100 MiB finish at about 230 kbit/s).
   */
  graceMs: 60 * 60_000,
  /** A version still « pending » this long after its upload lost its extraction job: the sweeper re-enqueues it. */
  extractionLostAfterMs: 10 * 60_000,
  /** Object names checked against the database per query (one `unnest` array: a bounded statement, whatever the bucket holds). */
  keysPerQuery: 500,
} as const;

/** The news weekly digest: Monday morning in the office's time zone (issue 12). */
export const NEWS_DIGEST_CRON = { pattern: '0 8 * * 1', tz: TIME_ZONE } as const;

/** Daily reminders of documents whose review date has come, in the morning of the office's time zone. */
export const DOCUMENTS_REVIEW_CRON = { pattern: '7 8 * * *', tz: TIME_ZONE } as const;

/**
 * Longest an api process keeps a statistics dashboard's figures (visits
 * dashboard, partners' aggregates: server/lib/statistics-cache.ts) when no
 * change notification came: a safety net, the change feed empties them as
 * soon as a rollup, a theme, an office or a communauté changes. The rollups
 * are at most SCHEDULE_EVERY_MS.visitsRollup / figuresRollup old.
 */
export const STATISTICS_CACHE_MS = 30_000;

/** The partners' figures reminder: the 2nd of each month, 9:00 in the office's time zone. */
export const FIGURES_REMINDER_CRON = { pattern: '0 9 2 * *', tz: TIME_ZONE } as const;

/** The daily retention purge, at a quiet hour of the office's time zone. */
export const ACCOUNTS_PURGE_CRON = { pattern: '17 3 * * *', tz: TIME_ZONE } as const;

/** The trainings' time rules read by the scheduled jobs and the waiting list (db/queries/trainings). */
export const TRAINING_SCHEDULE = {
  /** Reminders go out this long before a session starts (the mail says « dans 2 jours »). */
  reminderHoursBefore: 48,
  /** Surveys go out this long after a session ends. */
  surveyHoursAfter: 1,
  /** Sessions handled per reminders / surveys run (every 15 minutes); more wait for the next run. */
  sessionsPerRun: 200,
  /** A notice not fanned out this long after it was written lost its job: the sweeper re-enqueues it. */
  noticeSweepAfterSeconds: 30,
  noticesPerSweep: 200,
  overdueOffersPerSweep: 500,
  /** A person's calendar feed keeps sessions that ended up to this long ago. */
  calendarFeedPastDays: 180,
} as const;

/**
 * How long a freed seat stays offered to the next person on the waiting list:
 * the session's offerHours, shrinking to a share of the time left before the
 * sign-up deadline, but not below a floor (and never past the deadline).
 */
export const OFFER_WINDOW = { minHours: 2, shareOfTimeLeft: 1 / 3 } as const;

/**
 * The newsletter sending engine (workers/handlers/newsletters). A campaign is
 * sent by `lanes` batch jobs at once; each claims `batchSize` recipients,
 * sends them through the SMTP pool under the shared rate limit and records
 * them in one statement. The in-flight window — what a `kill -9` can leave
 * « incertain » — is at most lanes × batchSize per worker process.
 */
export const NEWSLETTER_SENDING = {
  lanes: 4,
  batchSize: 50,
  /** Temporary SMTP failures (4xx): waits before the next attempts; given up after the last. */
  retryDelaysSeconds: [60, 5 * 60, 30 * 60, 2 * 3600] as readonly number[],
  /** How often a batch job re-reads the campaign's status between two sends (pause / cancel honoured within this). */
  statusCheckMs: 250,
  /** Safety net: marks stale claims « incertain », re-enqueues lost batch jobs, finishes campaigns. */
  sweepEveryMs: 30_000,
} as const;

/** Scheduled newsletters (newsletters.schedule). */
export const NEWSLETTER_SCHEDULE = {
  /** How often the worker looks for campaigns whose time came. */
  everyMs: 60_000,
  /** A scheduled campaign found later than this (the system was down at its time) is not sent: an admin chooses « envoyer maintenant » or « reprogrammer ». */
  lateMinutes: 30,
} as const;

/** Office visitor counts (feature `visits`). */
export const VISIT_LIMITS = {
  /** A contact can be corrected or removed by whoever recorded it for this long (server-enforced). */
  correctionMinutes: 10,
  partySizeMax: 200,
  themesPerContact: 10,
  /** How far back a contact recorded offline may be dated (a browser kept offline over a weekend). */
  backdateDays: 14,
  /** Clock drift allowed for a contact dated in the future by the browser. */
  futureMinutes: 5,
  /** Frequent origins shown first at the counter. */
  frequentOrigins: 10,
  /** Days of the office's contacts read to rank its frequent origins. */
  frequentOriginsDays: 365,
  themeLabel: 80,
  themes: 40,
  /** Rows of one bulk month entry and lines of one CSV import. */
  bulkRows: 500,
  importLines: 20_000,
  importChars: 2_000_000,
  /** Bad lines named in an import's error report (the rest are counted). */
  importErrorsShown: 200,
  /** Monthly totals: a ceiling that catches a typo (a stray zero key). */
  monthTotalMax: 1_000_000,
  yearMin: 2000,
  yearMax: 2100,
  /** Office-months recomputed per rollup run; more wait for the next run. */
  rollupBatch: 500,
} as const;
