import { timestamp } from 'drizzle-orm/pg-core';

/**
 * When a row was written and when it last changed, spread into an editable
 * table: `pgTable('trainings', { ..., ...timestamps() })`. Both are set by the
 * database on insert; the queries that change the row set `updatedAt`.
 */
export function timestamps() {
  return {
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
