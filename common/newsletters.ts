/** Value lists of the newsletters feature (read by the tables, the api schemas and the client). */

/**
 * - draft: being written; scheduled: waits for its time (launched by the worker then; when the worker finds it
 *   more than NEWSLETTER_SCHEDULE.lateMinutes late, it is not sent but `missed_at` is set: an admin decides);
 * - sending: recipients frozen, batch jobs at work; paused: jobs stop between batches and before each send;
 * - cancelled: what was still queued is skipped; finished: no recipient is queued or sending any more.
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'cancelled', 'finished'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * - queued: to send (next_attempt_at set after a temporary failure);
 * - sending: claimed by a batch job (claim token + claimed_at: the lease);
 * - sent / failed (permanent refusal or given up) / skipped (unsubscribed, suppressed, cancelled);
 * - uncertain: claimed by a worker that died: it may or may not have been handed to SMTP; never re-sent
 *   unless an admin asks for it.
 */
export const RECIPIENT_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const SUPPRESSION_REASONS = ['hard_bounce', 'complaint', 'unsubscribe'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Why an admin takes an address off the suppression list (a closed list: the audit log keeps no free text). */
export const SUPPRESSION_REMOVAL_REASONS = ['entered_by_mistake', 'mailbox_fixed', 'person_asked'] as const;
export type SuppressionRemovalReason = (typeof SUPPRESSION_REMOVAL_REASONS)[number];

/** Where a consent came from (RGPD: who agreed, how, when). */
export const CONSENT_SOURCES = ['preferences', 'admin', 'invitation', 'import'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const NEWSLETTER_LIMITS = {
  subject: 200,
  preheader: 200,
  bodyHtml: 200_000,
  topicName: 80,
  topicDescription: 500,
  note: 500,
  pageSize: 20,
  /** Composer images: what an upload may weigh, the width they are resized to (a 600 px mail column, twice for sharp screens), the alt text's length. */
  imageBytes: 8 * 1024 * 1024,
  imageWidth: 1200,
  imageAlt: 300,
  /** Subject check: mail clients cut around 60 characters on a phone (warning); beyond 150 it is refused. */
  subjectWarn: 60,
  subjectMax: 150,
} as const;

/** Personal fields the composer inserts as `{{prenom|fallback}}`; filled per recipient at send time, escaped. */
export const PERSONAL_FIELDS = ['prenom', 'etablissement'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** The checks run before a launch (and shown in the composer); `blocking` ones refuse the launch. */
export const CAMPAIGN_CHECKS = ['subject', 'subjectLength', 'altTexts', 'links', 'fields', 'unsubscribe', 'plainText'] as const;
export type CampaignCheck = (typeof CAMPAIGN_CHECKS)[number];
