import { sql } from 'drizzle-orm';
import { index, integer, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { documents } from './documents';
import { trainings, trainingSessions } from './trainings';

/**
 * Library documents attached to a training (every session shows them) or to
 * one of its sessions. Only the link lives here: who may download is still
 * the document's audience, checked at every download.
 */
export const trainingDocuments = pgTable(
  'training_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id').notNull().references(() => trainings.id, { onDelete: 'cascade' }),
    /** null: attached to the training itself. */
    sessionId: uuid('session_id').references(() => trainingSessions.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_documents_unique_idx').on(t.trainingId, sql`coalesce(${t.sessionId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.documentId),
    index('training_documents_session_idx').on(t.sessionId),
    index('training_documents_document_idx').on(t.documentId),
  ],
);
