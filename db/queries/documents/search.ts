import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { documents } from '../../schema';

/** The text search configuration of migration 0005 (unaccent + french_stem; a plain `french` copy where unaccent is missing). */
export const SEARCH_CONFIG = sql.raw(`'french_unaccent'::regconfig`);

/**
 * Characters of extracted text that feed the search vector. PostgreSQL
 * refuses a tsvector over 1 MB; 300,000 characters of prose give about a
 * tenth of that (lexemes are shared and positions stop at 16,383).
 */
export const SEARCH_TEXT_CHARS = 300_000;

/** The search vector of a document row: title and tags weigh most, then description, then the current version's text. */
const vector: SQL = sql`setweight(to_tsvector(${SEARCH_CONFIG}, ${documents.title}), 'A')
  || setweight(to_tsvector(${SEARCH_CONFIG}, array_to_string(${documents.tags}, ' ')), 'A')
  || setweight(to_tsvector(${SEARCH_CONFIG}, ${documents.description}), 'B')
  || setweight(to_tsvector(${SEARCH_CONFIG}, coalesce((select left(t.text, ${SEARCH_TEXT_CHARS}) from document_texts t where t.version_id = ${documents.currentVersionId}), '')), 'C')`;

/** Rebuilds one document's search vector; every write that changes what it reads calls it in its transaction. */
export async function refreshSearch(tx: Tx | Database, documentId: string): Promise<void> {
  await tx.execute(sql`update ${documents} set search = ${vector} where ${documents.id} = ${documentId}`);
}

/** What people type (`gîtes -camping`, "carte pass"), as a query in the same configuration. */
export const searchQuery = (q: string): SQL => sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${q})`;

/** Whether migration 0005 could map words through unaccent (false: search is accent-sensitive, said in every answer). */
export async function searchAccentInsensitive(db: Database): Promise<boolean> {
  const rows = (await db.execute(sql`select exists (
    select 1 from pg_ts_config_map m join pg_ts_config c on c.oid = m.mapcfg join pg_ts_dict d on d.oid = m.mapdict
    where c.cfgname = 'french_unaccent' and d.dictname = 'unaccent') as ok`)) as unknown;
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return (list[0] as { ok: boolean } | undefined)?.ok === true;
}
