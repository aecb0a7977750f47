import { sql } from 'drizzle-orm';
import {
  bigint, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { establishments, users } from './accounts';
import { timestamps } from './columns';
import { mailMessages } from './mail';
import type { ForeignCountry } from '../../common/figures';

/**
 * One establishment's figures for one month (the first day of the month in
 * `month`). Partners of the establishment write it and correct it later; the
 * rollup below is what every page reads.
 */
export const figuresMonthly = pgTable(
  'figures_monthly',
  {
    establishmentId: uuid('establishment_id').notNull().references(() => establishments.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    /** Accommodation: rooms, pitches or beds offered (common/figures.ts capacityUnitOf), and nights sold in the same unit. */
    capacity: integer('capacity'),
    nightsSold: integer('nights_sold'),
    arrivals: integer('arrivals'),
    /** % of arrivals from abroad, and by main country ({ GB: 12.5, ... }). */
    foreignShare: doublePrecision('foreign_share'),
    countries: jsonb('countries').$type<Partial<Record<ForeignCountry, number>>>().notNull().default({}),
    /** Activity providers and sites: visitors or participants. */
    visitors: integer('visitors'),
    averagePriceCents: integer('average_price_cents'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.establishmentId, t.month] }),
    index('figures_monthly_month_idx').on(t.month),
    check('figures_monthly_first_day', sql`extract(day from ${t.month}) = 1`),
    check('figures_monthly_nights', sql`${t.nightsSold} IS NULL OR ${t.capacity} IS NULL OR ${t.nightsSold} <= ${t.capacity} * extract(day from (${t.month} + interval '1 month' - interval '1 day'))`),
    check('figures_monthly_non_negative', sql`coalesce(${t.capacity}, 0) >= 0 AND coalesce(${t.nightsSold}, 0) >= 0 AND coalesce(${t.arrivals}, 0) >= 0 AND coalesce(${t.visitors}, 0) >= 0`),
  ],
);

/**
 * The aggregates every page reads, one row per month, kind, category and
 * communauté (`*` = all), rebuilt by the worker (`figures.rollup`) for the
 * months marked in figures_rollup_dirty by the triggers of migration 0018.
 * Sums, counts and the largest single contribution (for the secrecy rule),
 * quartiles of the compared measure (occupancy rate or visitors).
 */
export const figuresRollups = pgTable(
  'figures_rollups',
  {
    month: date('month').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    communauteId: text('communaute_id').notNull(),
    contributors: integer('contributors').notNull(),
    capacityDays: bigint('capacity_days', { mode: 'number' }).notNull(),
    capacityDaysMax: bigint('capacity_days_max', { mode: 'number' }).notNull(),
    nightsSold: bigint('nights_sold', { mode: 'number' }).notNull(),
    nightsSoldMax: bigint('nights_sold_max', { mode: 'number' }).notNull(),
    arrivals: bigint('arrivals', { mode: 'number' }).notNull(),
    arrivalsMax: bigint('arrivals_max', { mode: 'number' }).notNull(),
    foreignArrivals: doublePrecision('foreign_arrivals').notNull(),
    countryArrivals: jsonb('country_arrivals').$type<Partial<Record<ForeignCountry, number>>>().notNull(),
    visitors: bigint('visitors', { mode: 'number' }).notNull(),
    visitorsMax: bigint('visitors_max', { mode: 'number' }).notNull(),
    /** Quartiles of the compared measure over the contributors (occupancy % or visitors). */
    q1: doublePrecision('q1'),
    median: doublePrecision('median'),
    q3: doublePrecision('q3'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind, t.category, t.communauteId] })],
);

/** Months whose rollup is stale (written by triggers, emptied by the worker). */
export const figuresRollupDirty = pgTable('figures_rollup_dirty', {
  month: date('month').primaryKey(),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The monthly reminder, once per establishment and month whatever the number of runs. */
export const figuresReminderSends = pgTable(
  'figures_reminder_sends',
  {
    establishmentId: uuid('establishment_id').notNull().references(() => establishments.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    /** The mail queued; null when no user of the establishment accepts the reminder. */
    mailId: uuid('mail_id').references(() => mailMessages.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.month] })],
);

/** « Observatoire »: what staff published for a month, frozen (aggregates under secrecy as JSON, and their comment). */
export const figuresEditions = pgTable(
  'figures_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: date('month').notNull(),
    comment: text('comment').notNull(),
    data: jsonb('data').$type<unknown>().notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('figures_editions_month_idx').on(t.month)],
);
