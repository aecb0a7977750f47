import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * A sort key for French names that works on any PostgreSQL (C collation,
 * PGlite without ICU): lower case with accents folded, so "Gîte" sorts before "Grotte".
 */
export const frenchSortKey = (column: SQL | AnyColumn) =>
  sql`translate(lower(${column}), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa')`;
