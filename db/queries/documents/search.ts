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

/**
 * UTF-8 bytes of extracted text kept, whatever the script. Characters alone
 * do not bound the vector: 300,000 characters of two-letter Chinese words
 * (all different) make a 1.4 MB tsvector, about 2 bytes of vector per byte
 * of text (tests/workers/documents.test.ts). 400,000 bytes keep the worst
 * case near 0.8–0.95 MB with the title, tags and description; French prose
 * (~1.03 bytes a character) still keeps its 300,000 characters.
 */
export const SEARCH_TEXT_BYTES = 400_000;

/** The extracted text cut to SEARCH_TEXT_BYTES, between two characters. */
export function capSearchText(text: string): { text: string; cut: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= SEARCH_TEXT_BYTES) return { text, cut: false };
  let end = SEARCH_TEXT_BYTES;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a character's continuation bytes
  return { text: bytes.subarray(0, end).toString('utf8'), cut: true };
}

/** The search vector of a document row: title and tags weigh most, then description, then the current version's text. */
const vector: SQL = sql`setweight(to_tsvector(${SEARCH_CONFIG}, ${documents.title}), 'A')
  || setweight(to_tsvector(${SEARCH_CONFIG}, array_to_string(${documents.tags}, ' ')), 'A')
  || setweight(to_tsvector(${SEARCH_CONFIG}, ${documents.description}), 'B')
  || setweight(to_tsvector(${SEARCH_CONFIG}, coalesce((select left(t.text, ${SEARCH_TEXT_CHARS}) from document_texts t where t.version_id = ${documents.currentVersionId}), '')), 'C')`;

/** Rebuilds one document's search vector; every write that changes what it reads calls it in its transaction. */
export async function refreshSearch(tx: Tx | Database, documentId: string): Promise<void> {
  await tx.execute(sql`update ${documents} set search = ${vector} where ${documents.id} = ${documentId}`);
}
