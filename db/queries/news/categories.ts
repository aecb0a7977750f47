import { asc, eq, sql } from 'drizzle-orm';
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

export type CategoryRefusal = 'categoryNotFound' | 'categoryTaken' | 'categoryInUse';

export async function createCategory(db: Database, v: { id: string; labelFr: string; labelEn: string; position?: number }): Promise<{ ok: true } | { ok: false; reason: CategoryRefusal }> {
  const rows = await db.insert(newsCategories)
    .values({ ...v, position: v.position ?? sql`(select coalesce(max(position), 0) + 1 from news_categories)` })
    .onConflictDoNothing().returning({ id: newsCategories.id });
  return rows.length ? { ok: true } : { ok: false, reason: 'categoryTaken' };
}

export async function updateCategory(db: Database, id: string, v: { labelFr?: string; labelEn?: string; position?: number }): Promise<{ ok: true } | { ok: false; reason: CategoryRefusal }> {
  const rows = await db.update(newsCategories).set({ ...v, updatedAt: sql`now()` }).where(eq(newsCategories.id, id)).returning({ id: newsCategories.id });
  return rows.length ? { ok: true } : { ok: false, reason: 'categoryNotFound' };
}

/** Deletes an unused category (posts keep their category: the foreign key refuses, read here as `categoryInUse`). */
export async function deleteCategory(db: Database, id: string): Promise<{ ok: true } | { ok: false; reason: CategoryRefusal }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: newsCategories.id }).from(newsCategories).where(eq(newsCategories.id, id)).for('update');
    if (!row) return { ok: false, reason: 'categoryNotFound' } as const;
    if (await tx.$count(newsPosts, eq(newsPosts.categoryId, id))) return { ok: false, reason: 'categoryInUse' } as const;
    await tx.delete(newsCategories).where(eq(newsCategories.id, id));
    return { ok: true } as const;
  });
}
