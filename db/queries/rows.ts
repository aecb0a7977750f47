/** The rows of a raw `db.execute` result: postgres.js gives an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The one row a query by key finds (or a guarded update claims), or null when there is none:
 * `return firstOrNull(db.select(...).from(table).where(eq(table.id, id)))`.
 */
export async function firstOrNull<T>(query: PromiseLike<T[]>): Promise<T | null> {
  const [row] = await query;
  return row ?? null;
}
