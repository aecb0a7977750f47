import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { timestamps } from './columns';
import type { SegmentFilter } from '../../common/newsletter-segments';

/**
 * A saved segment: a named filter over establishments and people (typed JSON,
 * validated by the api's TypeBox schema before it is stored). A campaign that
 * names one freezes, at launch, the segment ∩ its topic's subscribers ∩ not
 * suppressed (db/queries/newsletters/campaigns.ts).
 */
export const newsletterSegments = pgTable(
  'newsletter_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<SegmentFilter>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('newsletter_segments_name_idx').on(sql`lower(${t.name})`)],
);
