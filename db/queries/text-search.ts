import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';

/**
 * French full-text search shared by the features that search (documents,
 * news): the configuration, the query people type, and highlighted snippets.
 */

/** The text search configuration of migration 0005 (unaccent + french_stem; a plain `french` copy where unaccent is missing). */
export const SEARCH_CONFIG = sql.raw(`'french_unaccent'::regconfig`);

/** What people type (`gîtes -camping`, "carte pass"), as a query in the same configuration. */
export const searchQuery = (q: string): SQL => sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${q})`;

const accentFlags = new WeakMap<Database, Promise<boolean>>();

/**
 * Whether migration 0005 could map words through unaccent (false: search is
 * accent-sensitive, said in every answer). Read once per database handle: it
 * changes only with a migration. A failed read (database unreachable) is not
 * remembered: the next search asks again.
 */
export function searchAccentInsensitive(db: Database): Promise<boolean> {
  let flag = accentFlags.get(db);
  if (!flag) {
    flag = readAccentFlag(db).catch((err: unknown) => {
      accentFlags.delete(db);
      throw err;
    });
    accentFlags.set(db, flag);
  }
  return flag;
}

async function readAccentFlag(db: Database): Promise<boolean> {
  const rows = (await db.execute(sql`select exists (
    select 1 from pg_ts_config_map m join pg_ts_config c on c.oid = m.mapcfg join pg_ts_dict d on d.oid = m.mapdict
    where c.cfgname = 'french_unaccent' and d.dictname = 'unaccent') as ok`)) as unknown;
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return (list[0] as { ok: boolean } | undefined)?.ok === true;
}

export interface Snippet {
  text: string;
  mark: boolean;
}

// Markers no text contains: the snippet is cut into plain segments, never sent as HTML.
const START = '\u0002';
const STOP = '\u0003';

/** Highlighted passages of `text` for query `q` (ts_headline re-parses the text: run it on a page of hits only). */
export const headline = (text: SQL, q: string): SQL<string> =>
  sql<string>`ts_headline(${SEARCH_CONFIG}, ${text}, ${searchQuery(q)}, ${`StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … "`})`;

/** A `headline` cut into plain and marked segments. */
export function toSnippet(headlineText: string): Snippet[] {
  const out: Snippet[] = [];
  for (const [i, piece] of headlineText.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) out.push({ text: piece, mark: i % 2 === 1 });
  }
  return out;
}
