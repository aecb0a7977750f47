import { asc, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsCategories, newsPosts } from '../../schema';

export type CategoryRow = typeof newsCategories.$inferSelect & { postCount: number };

/** Every category, in the admins' order, with the number of posts filed under it. */
export async function listCategories(db: Database): Promise<CategoryRow[]> {
  return db
    .select({
      id: newsCategories.id, labelFr: newsCategories.labelFr, labelEn: newsCategories.labelEn, position: newsCategories.position,
      createdAt: newsCategories.createdAt, updatedAt: newsCategories.updatedAt,
      postCount: sql<number>`(select count(*)::int from ${newsPosts} p where p.category_id = news_categories.id)`,
    })
    .from(newsCategories)
    .orderBy(asc(newsCategories.position), asc(newsCategories.id));
}
