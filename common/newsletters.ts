/** Value lists of the newsletters feature (read by the tables, the api schemas and the client). */

/**
 * - draft: being written; scheduled: waits for its time (launched by hand for now);
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
} as const;
