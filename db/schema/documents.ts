import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, customType, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { DOCUMENT_STATUSES, DOCUMENT_TEXT_STATUSES } from '../../common/documents';
import { users } from './accounts';
import { audienceColumns } from './audience';
import { timestamps } from './columns';

export type { DocumentStatus } from '../../common/documents';
export const documentStatus = pgEnum('document_status', DOCUMENT_STATUSES);

export const documentTextStatus = pgEnum('document_text_status', DOCUMENT_TEXT_STATUSES);

/** `tsvector` for the search column, built by db/queries/documents (`searchVector`), never by hand. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Folders of the library, nested (`parentId` null = at the root). Their audience decides who sees the folder itself. */
export const documentFolders = pgTable(
  'document_folders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => documentFolders.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    ...audienceColumns(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    // Two folders of one parent never share a name (the root counts as one parent).
    uniqueIndex('document_folders_parent_name_idx').on(sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.name})`),
    check('document_folders_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/**
 * A document of the library. What is downloaded is its current version; the
 * audience decides who sees it in lists, search, detail, downloads and
 * previews (db/queries/audience.ts). `search` is rebuilt by every write that
 * changes the title, description, tags or current text.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    folderId: uuid('folder_id').references(() => documentFolders.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: documentStatus('status').notNull().default('draft'),
    ...audienceColumns(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** "À revoir" date: the owner is reminded once when it passes; staff list what is due. */
    /** Author credit of a partner's contribution, shown with the document (null: the office's own). */
    credit: text('credit'),
    reviewOn: date('review_on', { mode: 'string' }),
    reviewRemindedAt: timestamp('review_reminded_at', { withTimezone: true }),
    currentVersionId: uuid('current_version_id').references((): AnyPgColumn => documentVersions.id, { onDelete: 'set null' }),
    search: tsvector('search'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('documents_folder_idx').on(t.folderId, t.status, t.updatedAt),
    index('documents_search_idx').using('gin', t.search),
    index('documents_tags_idx').using('gin', t.tags),
    index('documents_review_idx').on(t.reviewOn).where(sql`${t.status} <> 'archived' and ${t.reviewOn} is not null`),
    index('documents_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** One uploaded file of a document; the stored object is named by the server (`storageKey`), the upload's name kept for download only. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    changeNote: text('change_note').notNull().default(''),
    pageCount: integer('page_count'),
    thumbnailKey: text('thumbnail_key'),
    textStatus: documentTextStatus('text_status').notNull().default('pending'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_versions_number_idx').on(t.documentId, t.number),
    uniqueIndex('document_versions_storage_key_idx').on(t.storageKey),
    index('document_versions_sha256_idx').on(t.sha256),
    check('document_versions_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('document_versions_size', sql`${t.size} >= 0`),
  ],
);

/** Text extracted from a version by the worker (capped, so its tsvector stays far below PostgreSQL's 1 MB). */
export const documentTexts = pgTable('document_texts', {
  versionId: uuid('version_id').primaryKey().references(() => documentVersions.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  truncated: boolean('truncated').notNull().default(false),
  extractedAt: timestamp('extracted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Downloads counted per version, day and partner category ('staff' for the office): never who downloaded what. */
export const documentDownloads = pgTable(
  'document_downloads',
  {
    versionId: uuid('version_id').notNull().references(() => documentVersions.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.day, t.category] }), index('document_downloads_document_idx').on(t.documentId, t.day)],
);

/** Partners following a folder are told of new documents in it by e-mail (when their preferences allow). */
export const documentFolderFollows = pgTable(
  'document_folder_follows',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    folderId: uuid('folder_id').notNull().references(() => documentFolders.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.folderId] }), index('document_folder_follows_folder_idx').on(t.folderId)],
);

/** When a user last opened the library: what changed since is marked "nouveau". */
export const documentVisits = pgTable('document_visits', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  previousVisitAt: timestamp('previous_visit_at', { withTimezone: true }),
  lastVisitAt: timestamp('last_visit_at', { withTimezone: true }).notNull().defaultNow(),
});
