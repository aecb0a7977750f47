import { sql } from 'drizzle-orm';
import { bigint, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CONTRIBUTION_STATUSES } from '../../common/documents';
import { establishments, users } from './accounts';
import { documentFolders, documents } from './documents';

export const contributionStatus = pgEnum('contribution_status', CONTRIBUTION_STATUSES);

/**
 * A file a partner proposes to the library (a document or a photo), with
 * the author credit and the usage licence they accepted. Staff approve it
 * into a folder (the stored object becomes the document's first version,
 * credit kept on the document) or decline it with a message (the object is
 * removed). The establishment scopes who may see it: its partners and staff.
 */
export const documentContributions = pgTable(
  'document_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    establishmentId: uuid('establishment_id').references(() => establishments.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Author credit, kept on the document once approved ("© Jeanne Martin"). */
    credit: text('credit').notNull(),
    licenceVersion: text('licence_version').notNull(),
    licenceAcceptedAt: timestamp('licence_accepted_at', { withTimezone: true }).notNull(),
    status: contributionStatus('status').notNull().default('pending'),
    /** null once declined: the object is removed. */
    storageKey: text('storage_key'),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    folderId: uuid('folder_id').references(() => documentFolders.id, { onDelete: 'set null' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionMessage: text('decision_message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('document_contributions_queue_idx').on(t.status, t.createdAt),
    index('document_contributions_establishment_idx').on(t.establishmentId, t.createdAt),
    uniqueIndex('document_contributions_storage_key_idx').on(t.storageKey),
    check('document_contributions_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('document_contributions_decided', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);
