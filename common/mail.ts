/** Value lists of the mail outbox enums. */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'skipped', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
