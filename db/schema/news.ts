import { sql } from 'drizzle-orm';
import {
  boolean, check, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import {
  NEWS_COMMENT_STATUSES, NEWS_MAIL_FREQUENCIES, NEWS_PLACE_KINDS, NEWS_POST_STATUSES, NEWS_REPORT_STATUSES, NEWS_SHEET_STATUSES,
} from '../../common/news';
import { establishments, users } from './accounts';
import { audienceColumns } from './audience';
import { timestamps } from './columns';
import { documents } from './documents';
import { communes, offices } from './territory';

export const newsPostStatus = pgEnum('news_post_status', NEWS_POST_STATUSES);
export const newsPlaceKind = pgEnum('news_place_kind', NEWS_PLACE_KINDS);
export const newsMailFrequency = pgEnum('news_mail_frequency', NEWS_MAIL_FREQUENCIES);
export const newsCommentStatus = pgEnum('news_comment_status', NEWS_COMMENT_STATUSES);
export const newsReportStatus = pgEnum('news_report_status', NEWS_REPORT_STATUSES);
export const newsSheetStatus = pgEnum('news_sheet_status', NEWS_SHEET_STATUSES);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** HTML reduced to its text for the search vector and the snippets (tags become spaces). */
export const htmlText = (column: unknown) => sql`regexp_replace(${column}, '<[^>]*>', ' ', 'g')`;

/** Categories of posts; seeded with the seven of common/news.ts by the migration, then edited by admins. */
export const newsCategories = pgTable('news_categories', {
  /** A slug (`vie-du-reseau`): stable in filters and links. */
  id: text('id').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  position: integer('position').notNull().default(0),
  ...timestamps(),
}, (t) => [check('news_categories_id_slug', sql`${t.id} ~ '^[a-z0-9-]+$'`)]);

/**
 * A post of the network's news. Partners see it when it is published, its
 * `publishAt` has come, it has not expired, and its audience includes them
 * (`audienceVisible`). The search vector is a generated column over the
 * title (A), summary (B) and the body's text (C), in the accent-insensitive
 * French configuration of db/migrations/0005_french_search.sql.
 */
export const newsPosts = pgTable(
  'news_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Sanitised by the server before it is stored (the trainings' sanitiser); rendered as HTML. */
    bodyHtml: text('body_html').notNull().default(''),
    /** Cover image: storage key of the resized image, its alt text (required with the image) and size. */
    coverKey: text('cover_key'),
    coverAlt: text('cover_alt'),
    coverWidth: integer('cover_width'),
    coverHeight: integer('cover_height'),
    categoryId: text('category_id').notNull().references(() => newsCategories.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
    ...audienceColumns(),
    status: newsPostStatus('status').notNull().default('draft'),
    /** When the post appears (set at publication; in the future: scheduled). */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    /** After this, the post leaves the feed (still reachable by staff). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Pinned first in the feed until this moment (at most NEWS_MAX_PINNED at once). */
    pinnedUntil: timestamp('pinned_until', { withTimezone: true }),
    /** Mailed to its audience at publication (honouring each person's preferences). */
    important: boolean('important').notNull().default(false),
    /** When the important-post mail was fanned out (once per post). */
    importantMailedAt: timestamp('important_mailed_at', { withTimezone: true }),
    /** An event: its time range and place (« Agenda du réseau »). */
    eventStart: timestamp('event_start', { withTimezone: true }),
    eventEnd: timestamp('event_end', { withTimezone: true }),
    placeKind: newsPlaceKind('place_kind'),
    officeId: text('office_id').references(() => offices.id),
    communeInsee: text('commune_insee').references(() => communes.inseeCode),
    address: text('address'),
    onlineUrl: text('online_url'),
    /** Bumped on each change of an event's time or place (iCalendar SEQUENCE). */
    eventSequence: integer('event_sequence').notNull().default(0),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('french_unaccent'::regconfig, regexp_replace(coalesce(body_html, ''), '<[^>]*>', ' ', 'g')), 'C')`,
    ),
  },
  (t) => [
    // The feed: published posts by publication time (the audience predicate filters the rows this index yields in order).
    index('news_posts_feed_idx').on(t.publishAt.desc(), t.id.desc()).where(sql`${t.status} = 'published'`),
    index('news_posts_pinned_idx').on(t.pinnedUntil).where(sql`${t.pinnedUntil} is not null and ${t.status} = 'published'`),
    index('news_posts_category_idx').on(t.categoryId, t.publishAt.desc()),
    index('news_posts_event_idx').on(t.eventStart).where(sql`${t.eventStart} is not null`),
    index('news_posts_scheduled_idx').on(t.publishAt).where(sql`${t.status} = 'published' and ${t.important} and ${t.importantMailedAt} is null`),
    index('news_posts_search_idx').using('gin', t.search),
    check('news_posts_event_range', sql`${t.eventEnd} is null or (${t.eventStart} is not null and ${t.eventEnd} >= ${t.eventStart})`),
    check('news_posts_place', sql`${t.placeKind} is null
      or (${t.placeKind} = 'office' and ${t.officeId} is not null)
      or (${t.placeKind} = 'commune' and ${t.communeInsee} is not null)
      or (${t.placeKind} = 'online' and ${t.onlineUrl} is not null)`),
    check('news_posts_cover_alt', sql`${t.coverKey} is null or ${t.coverAlt} is not null`),
    check('news_posts_published_at', sql`${t.status} = 'draft' or ${t.publishAt} is not null`),
  ],
);

/** Library documents attached to a post: a partner sees one only if the document's own audience also allows it. */
export const newsPostAttachments = pgTable(
  'news_post_attachments',
  {
    postId: uuid('post_id').notNull().references(() => newsPosts.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.documentId] }), index('news_post_attachments_document_idx').on(t.documentId)],
);

/** Who has read which post (unread marks, « tout marquer comme lu », staff's read share, the digest's "not read"). */
export const newsReads = pgTable(
  'news_reads',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => newsPosts.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] }), index('news_reads_post_idx').on(t.postId)],
);

/** A person's news mail preferences (absent row: immediate, no quiet period). */
export const newsPreferences = pgTable(
  'news_preferences',
  {
    userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    frequency: newsMailFrequency('frequency').notNull().default('immediate'),
    /** Quiet period, months 1–12 inclusive (may wrap over the new year): digest only. Both null: none. */
    quietFromMonth: smallint('quiet_from_month'),
    quietToMonth: smallint('quiet_to_month'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('news_preferences_quiet', sql`(${t.quietFromMonth} is null) = (${t.quietToMonth} is null)
      and (${t.quietFromMonth} is null or (${t.quietFromMonth} between 1 and 12 and ${t.quietToMonth} between 1 and 12))`),
  ],
);

/** Posts a person muted: no mail about new comments on them. */
export const newsMutes = pgTable(
  'news_mutes',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => newsPosts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] })],
);

/**
 * An experience sheet (« retour d'expérience ») of an establishment: what it
 * did and what came of it. Staff publish, return (with a remark) or decline
 * it; published sheets appear in their own section and in search.
 */
export interface NewsSheetFigure { label: string; value: string }
export interface NewsSheetPhoto { key: string; alt: string; width: number; height: number }
export const newsSheets = pgTable(
  'news_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    establishmentId: uuid('establishment_id').notNull().references(() => establishments.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    context: text('context').notNull(),
    actions: text('actions').notNull(),
    result: text('result').notNull(),
    figures: jsonb('figures').$type<NewsSheetFigure[]>(),
    photos: jsonb('photos').$type<NewsSheetPhoto[]>().notNull().default([]),
    status: newsSheetStatus('status').notNull().default('submitted'),
    staffRemark: text('staff_remark'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(context, '') || ' ' || coalesce(actions, '') || ' ' || coalesce(result, '')), 'C')`,
    ),
  },
  (t) => [
    index('news_sheets_status_idx').on(t.status, t.publishedAt.desc()),
    index('news_sheets_establishment_idx').on(t.establishmentId),
    index('news_sheets_search_idx').using('gin', t.search),
  ],
);

/** A comment on a post or on a published sheet: plain text (never HTML); hidden by staff with a reason; deleted by its author. */
export const newsComments = pgTable(
  'news_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id').references(() => newsPosts.id, { onDelete: 'cascade' }),
    sheetId: uuid('sheet_id').references(() => newsSheets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    status: newsCommentStatus('status').notNull().default('visible'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // Counts shown in the feed read only shown comments: an index of exactly those.
    index('news_comments_post_shown_idx').on(t.postId).where(sql`${t.status} = 'visible' and ${t.deletedAt} is null`),
    index('news_comments_post_idx').on(t.postId, t.createdAt),
    index('news_comments_sheet_idx').on(t.sheetId, t.createdAt),
    index('news_comments_author_idx').on(t.authorId, t.createdAt),
    check('news_comments_target', sql`num_nonnulls(${t.postId}, ${t.sheetId}) = 1`),
  ],
);

/** A partner's report of a comment, handled by staff in the moderation queue. */
export const newsCommentReports = pgTable(
  'news_comment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commentId: uuid('comment_id').notNull().references(() => newsComments.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    status: newsReportStatus('status').notNull().default('open'),
    handledBy: uuid('handled_by').references(() => users.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('news_comment_reports_once_idx').on(t.commentId, t.reporterId),
    index('news_comment_reports_queue_idx').on(t.status, t.createdAt),
  ],
);

/** « Utile » reactions: one per person per post, comment or sheet. */
export const newsReactions = pgTable(
  'news_reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => newsPosts.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => newsComments.id, { onDelete: 'cascade' }),
    sheetId: uuid('sheet_id').references(() => newsSheets.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('news_reactions_post_idx').on(t.postId, t.userId).where(sql`${t.postId} is not null`),
    uniqueIndex('news_reactions_comment_idx').on(t.commentId, t.userId).where(sql`${t.commentId} is not null`),
    uniqueIndex('news_reactions_sheet_idx').on(t.sheetId, t.userId).where(sql`${t.sheetId} is not null`),
    index('news_reactions_user_idx').on(t.userId),
    check('news_reactions_target', sql`num_nonnulls(${t.postId}, ${t.commentId}, ${t.sheetId}) = 1`),
  ],
);

/** The weekly digest sent to a person for an ISO week ("2026-W49"): the primary key is the "once per person per week" guarantee. */
export const newsDigestSends = pgTable(
  'news_digest_sends',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    isoWeek: text('iso_week').notNull(),
    postCount: integer('post_count').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.isoWeek] }), check('news_digest_sends_week', sql`${t.isoWeek} ~ '^[0-9]{4}-W[0-9]{2}$'`)],
);
