import { sql } from 'drizzle-orm';
import { pgEnum, text } from 'drizzle-orm/pg-core';
import { AUDIENCE_KINDS } from '../../common/documents';

export type { AudienceKind } from '../../common/documents';

/**
 * Audience of a piece of content (documents now; news and newsletter segments
 * next): everyone signed in, staff only, or partners, optionally narrowed by
 * what they are (category or sub-category) and where they are (commune,
 * communauté de communes, office). The one predicate that reads these columns
 * is `audienceVisible` in db/queries/audience.ts.
 */
export const audienceKind = pgEnum('audience_kind', AUDIENCE_KINDS);

const ids = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** The audience columns, spread into a content table: `pgTable('documents', { ..., ...audienceColumns() })`. */
export function audienceColumns() {
  return {
    audienceKind: audienceKind('audience_kind').notNull().default('staff'),
    audienceCategories: ids('audience_categories'),
    audienceSubcategories: ids('audience_subcategories'),
    audienceCommunes: ids('audience_communes'),
    audienceCommunautes: ids('audience_communautes'),
    audienceOffices: ids('audience_offices'),
  };
}
