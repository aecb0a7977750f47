import type { CategoryRow } from '../../../db/queries/news/categories';
import type { NewsCategory } from '../../schemas/news';

/** One `toX` per API object of the news feature (routes never map). */

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export function toCategory(row: CategoryRow): NewsCategory {
  return { id: row.id, labelFr: row.labelFr, labelEn: row.labelEn, position: row.position, postCount: row.postCount };
}
