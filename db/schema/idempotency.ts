import { index, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * Answers of creating requests sent with an `Idempotency-Key` header (IETF
 * httpapi draft "The Idempotency-Key HTTP Header Field"), per user, kept
 * 24 hours: the same key with the same request gets the first answer again
 * instead of a second record. `status` is null while the first request runs.
 * Only successful answers are kept; a refusal changed nothing, so repeating
 * the request is harmless.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of the method, path and canonical JSON body: the same key with another request is refused (422). */
    fingerprint: text('fingerprint').notNull(),
    status: smallint('status'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
