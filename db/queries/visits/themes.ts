import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { visitThemes } from '../../schema';

export type ThemeRow = typeof visitThemes.$inferSelect;

/** Every theme (the admin page), or the active ones (the counter), in their order. */
export async function listThemes(db: Database, activeOnly: boolean): Promise<ThemeRow[]> {
  const q = db.select().from(visitThemes);
  return (activeOnly ? q.where(eq(visitThemes.active, true)) : q).orderBy(asc(visitThemes.position), asc(visitThemes.id));
}

/** A new theme goes last. */
export async function createTheme(db: Database, values: { labelFr: string; labelEn: string }): Promise<ThemeRow> {
  const [row] = await db.insert(visitThemes)
    .values({ ...values, position: sql`coalesce((select max(position) from visit_themes), 0) + 1` })
    .returning();
  return row!;
}

/**
 * Renames, reorders or (de)activates a theme. Themes are never deleted:
 * past contacts keep pointing at them, and the dashboard still names them.
 */
export async function updateTheme(db: Database, id: number, change: Partial<Pick<ThemeRow, 'labelFr' | 'labelEn' | 'position' | 'active'>>): Promise<{ ok: true; row: ThemeRow } | { ok: false; reason: 'themeNotFound' }> {
  const [row] = await db.update(visitThemes).set(change).where(eq(visitThemes.id, id)).returning();
  return row ? { ok: true, row } : { ok: false, reason: 'themeNotFound' };
}
