import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { documents } from '../../schema';
import { SEARCH_CONFIG } from '../text-search';

export { SEARCH_CONFIG, searchAccentInsensitive, searchQuery } from '../text-search';

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
