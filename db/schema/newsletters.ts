import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { establishments, language, users } from './accounts';
import { audienceColumns } from './audience';
import { timestamps } from './columns';
import { newsletterSegments } from './newsletter-segments';
import { CAMPAIGN_STATUSES, CONSENT_SOURCES, RECIPIENT_STATUSES, SUPPRESSION_REASONS } from '../../common/newsletters';

export const campaignStatus = pgEnum('newsletter_campaign_status', CAMPAIGN_STATUSES);
export const recipientStatus = pgEnum('newsletter_recipient_status', RECIPIENT_STATUSES);
export const suppressionReason = pgEnum('newsletter_suppression_reason', SUPPRESSION_REASONS);
export const consentSource = pgEnum('newsletter_consent_source', CONSENT_SOURCES);

/** What people subscribe to (« Lettre du réseau », « Formations »…); admins edit the list. */
export const newsletterTopics = pgTable('newsletter_topics', {
  id: text('id').primaryKey(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionFr: text('description_fr').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  position: smallint('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A consent: an address (a person's, or an establishment's contact address)
 * agreed to receive a topic, from a source, at a date. An unsubscribe keeps
 * the row (unsubscribed_at set): the proof of both stays.
 */
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topicId: text('topic_id').notNull().references(() => newsletterTopics.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    establishmentId: uuid('establishment_id').references(() => establishments.id, { onDelete: 'cascade' }),
    source: consentSource('source').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('newsletter_subscriptions_topic_address_idx').on(t.topicId, sql`lower(${t.address})`),
    index('newsletter_subscriptions_user_idx').on(t.userId),
    index('newsletter_subscriptions_address_idx').on(sql`lower(${t.address})`),
  ],
);

/** Addresses never mailed: hard bounces (permanent SMTP refusals), complaints entered by admins, global unsubscribes. Stored lower-case. */
export const newsletterSuppressions = pgTable('newsletter_suppressions', {
  address: text('address').primaryKey(),
  reason: suppressionReason('reason').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const newsletterCampaigns = pgTable(
  'newsletter_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    preheader: text('preheader').notNull().default(''),
    /** One of the configured senders (NEWSLETTER_SENDERS), by its position's address. */
    sender: text('sender').notNull(),
    /** Sanitised on the server before it is stored. */
    bodyHtml: text('body_html').notNull(),
    topicId: text('topic_id').notNull().references(() => newsletterTopics.id),
    ...audienceColumns(),
    /** When set, the recipients frozen at launch are this segment ∩ the topic's subscribers ∩ not suppressed (the audience columns are then not read). */
    segmentId: uuid('segment_id').references(() => newsletterSegments.id, { onDelete: 'set null' }),
    status: campaignStatus('status').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** Set when the worker found a scheduled campaign too late (the system was down at its time): not sent until an admin decides. */
    missedAt: timestamp('missed_at', { withTimezone: true }),
    /** A finished campaign shown in the partners' web archive (rendered without personal fields or unsubscribe links). */
    archived: boolean('archived').notNull().default(false),
    /** Recipients frozen at launch. */
    total: integer('total').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('newsletter_campaigns_status_idx').on(t.status),
    index('newsletter_campaigns_scheduled_idx').on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
    index('newsletter_campaigns_archive_idx').on(t.finishedAt.desc()).where(sql`${t.archived}`),
  ],
);

/**
 * The per-recipient delivery record, frozen at launch: one row per campaign
 * and address (lower-case), so a person in two segments gets one mail. The
 * sending position is these rows' statuses, never a cursor kept elsewhere.
 */
export const newsletterRecipients = pgTable(
  'newsletter_recipients',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: uuid('campaign_id').notNull().references(() => newsletterCampaigns.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    language: language('language').notNull().default('fr'),
    status: recipientStatus('status').notNull().default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    messageId: text('message_id'),
    claimToken: uuid('claim_token'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('newsletter_recipients_campaign_address_idx').on(t.campaignId, sql`lower(${t.address})`),
    index('newsletter_recipients_campaign_status_idx').on(t.campaignId, t.status, t.id),
    index('newsletter_recipients_claimed_idx').on(t.claimedAt).where(sql`${t.status} = 'sending'`),
  ],
);

/**
 * A campaign's links, frozen at launch, and their click counts — one number
 * per link, no identity (CNIL: no per-person click tracking without consent).
 * The mails point each link to /api/newsletters/l/<token>, the same URL for
 * every recipient; a click adds one and redirects to `url` (only a stored URL:
 * no open redirect).
 */
export const newsletterLinks = pgTable(
  'newsletter_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: uuid('campaign_id').notNull().references(() => newsletterCampaigns.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    url: text('url').notNull(),
    position: smallint('position').notNull(),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [uniqueIndex('newsletter_links_campaign_url_idx').on(t.campaignId, t.url)],
);

/**
 * Images of the composer: resized by sharp, stored through the documents'
 * storage module, served at /api/newsletters/images/<token> WITHOUT a
 * session — mail clients fetch them with no cookie — so the token is 32
 * random bytes (unguessable), and only newsletter images live here.
 */
export const newsletterImages = pgTable('newsletter_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  token: text('token').notNull().unique(),
  storageKey: text('storage_key').notNull(),
  contentType: text('content_type').notNull(),
  alt: text('alt').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
