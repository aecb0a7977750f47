/** Value lists of the mail outbox enums. */
/**
 * - failed: not sent yet; retried at next_attempt_at (temporary failure), or given up when next_attempt_at is null
 * - refused: the SMTP server refused it permanently (5xx): never retried
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'skipped', 'failed', 'refused'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Waits before the next attempt after a temporary failure (4xx SMTP answer,
 * connection error), indexed by the number of attempts made so far (1 = after
 * the first). About two days in all; after the last one the mail is given up.
 */
export const MAIL_RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600] as const;
/** Attempts in all: the first one, then one per delay. */
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_DELAYS_SECONDS.length + 1;
