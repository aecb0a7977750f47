import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { language, users } from './accounts';
import { MAIL_STATUSES } from '../../common/mail';

export const mailStatus = pgEnum('mail_status', MAIL_STATUSES);

/**
 * The mail outbox. A row is written in the same transaction as the change that
 * causes the mail; the `mail.send` job carries only the row id. The worker
 * claims the row (queued -> sending) before sending, so a job run twice sends
 * once, and a sweeper re-enqueues rows whose job was lost with Redis.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    template: text('template').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    language: language('language').notNull().default('fr'),
    /** Ids the template needs (never secrets or rendered content). */
    params: jsonb('params').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    /** Makes an enqueue idempotent: one message per (template, subject of the mail). */
    dedupeKey: text('dedupe_key'),
    status: mailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When a 'failed' row is due again (PostgreSQL owns the retry schedule); null: not retried. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_messages_dedupe_idx').on(t.dedupeKey),
    index('mail_messages_status_idx').on(t.status, t.createdAt),
    index('mail_messages_user_idx').on(t.userId),
    index('mail_messages_retry_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Mail captured instead of sent when no SMTP server is configured; admins read it in « Boîte d'envoi ». */
export const capturedMails = pgTable(
  'captured_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id').references(() => mailMessages.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('captured_mails_created_idx').on(t.createdAt)],
);
