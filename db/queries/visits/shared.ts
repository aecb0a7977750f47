import type { SQL } from 'drizzle-orm';
import type { Database } from '../../client';

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function rowsOf<T>(db: Pick<Database, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** `YYYY-MM` -> the first day of that month, as PostgreSQL's `date` text. */
export const monthStart = (month: string): string => `${month}-01`;
