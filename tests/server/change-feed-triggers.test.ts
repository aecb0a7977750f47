import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { CACHED_TABLES, CHANNELS } from '../../server/plugins/change-feed';
import { sessionListPageQuery } from '../../db/queries/trainings/session-list';
import { documentCountQuery, documentPageQuery } from '../../db/queries/documents';
import { feedNextChange, feedPage, feedReadCountQuery, feedTotalQuery } from '../../db/queries/news/feed';
import { dashboardShared } from '../../server/services/visits';
import { aggregatesFromRollup } from '../../server/services/figures';
import type { Database } from '../../db/client';
import { loadAudienceViewer, type AudienceViewer } from '../../db/queries/audience';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * A cache is only as fresh as its triggers: every table a cached query reads
 * must NOTIFY the cache's channel when it changes, or a change to it stays
 * unseen until the entry expires. The tables come from the cached queries'
 * own SQL, the triggers from pg_trigger of the migrated database, and both
 * are held to the one list in server/plugins/change-feed.ts (CACHED_TABLES).
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(2);
});
afterAll(async () => db?.drop());

/** The SQL `run` sends, as it sends it (a drizzle that logs every query, on the test database). */
async function queriesSentBy(run: (logged: Database) => Promise<unknown>): Promise<string[]> {
  const client = postgres(db.url, { max: 1, onnotice: () => {} });
  const texts: string[] = [];
  const logged = drizzle(client, { logger: { logQuery: (query) => void texts.push(query) } }) as unknown as Database;
  try {
    await run(logged);
  } finally {
    await client.end();
  }
  return texts;
}

const partner: AudienceViewer = { kind: 'partner', category: 'hebergement', subcategory: 'camping', commune: '30350', communaute: 'x', offices: ['bit-le-vigan'] };

/** The queries whose results the api keeps in memory, by the channel that empties them. */
const cachedQueries = async () => ({
  // Every filter on: the widest form of the list query.
  [CHANNELS.trainingsList]: [sessionListPageQuery(db.db, ['theme', 'month', 'officeId', 'communeInsee', 'seatsLeft', 'trainingId']).toSQL().sql],
  // The library's pages and totals as cached: every filter but the search (never cached).
  [CHANNELS.documentsList]: [documentPageQuery, documentCountQuery].map((query) => query(db.db, {
    viewer: { kind: 'partner', category: 'hebergement', subcategory: null, commune: '30350', communaute: 'x', offices: [] },
    folderId: '00000000-0000-0000-0000-000000000000', tag: 'guide', type: 'pdf', status: 'published', page: 1, pageSize: 20,
  }).toSQL().sql),
  // The news feed's totals per audience profile, in a category; its pages as everyone of the profile sees them, and their time bound.
  [CHANNELS.newsFeed]: [
    feedTotalQuery(db.db, partner, 'vie-du-reseau').toSQL().sql,
    ...(await queriesSentBy(async (logged) => {
      await feedPage(logged, { viewer: partner, userId: null, categoryId: 'vie-du-reseau', page: 2, pageSize: 20 });
      await feedNextChange(logged);
    })),
  ],
  // Each reader's count of posts read in their feed.
  [CHANNELS.newsReads]: [feedReadCountQuery(db.db, partner, '00000000-0000-0000-0000-000000000000', 'vie-du-reseau').toSQL().sql],
  // The visits dashboard and the partners' aggregates (server/lib/statistics-cache.ts).
  [CHANNELS.statistics]: await queriesSentBy(async (logged) => {
    await dashboardShared(logged, { year: 2025, officeId: 'bit-ganges' });
    await aggregatesFromRollup(logged, { kind: 'accommodation', from: '2025-01', to: '2025-12' });
  }),
  // Each establishment's audience viewer (server/services/audience-viewer.ts).
  [CHANNELS.audienceViewer]: await queriesSentBy((logged) => loadAudienceViewer(logged, { role: 'partner', establishmentId: '00000000-0000-0000-0000-000000000000' })),
});

async function tablesReadBy(text: string): Promise<string[]> {
  const named = [...text.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi)].map((m) => m[1]!.toLowerCase());
  const rows = (await db.db.execute(sql`
    select relname from pg_class where relkind in ('r', 'p', 'v', 'm') and relnamespace = 'public'::regnamespace
      and relname = any(string_to_array(${named.join(',')}, ','))`)) as unknown as { relname: string }[];
  return rows.map((r) => r.relname).sort();
}

describe('change triggers of cached tables', () => {
  it('every table a cached query reads is in CACHED_TABLES under its channel', async () => {
    for (const [channel, queries] of Object.entries(await cachedQueries())) {
      const declared = CACHED_TABLES[channel as keyof typeof CACHED_TABLES].map((t) => t.table);
      for (const text of queries) {
        const read = await tablesReadBy(text);
        expect(read.length, `${channel}: no table found in ${text}`).toBeGreaterThan(0);
        expect(read.filter((t) => !declared.includes(t as never)), `${channel}: tables read without a declared trigger`).toEqual([]);
      }
    }
  });

  it('every declared table has its trigger in the database, enabled, notifying its channel on every change', async () => {
    const rows = (await db.db.execute(sql`
      select c.relname as table, t.tgname as trigger, t.tgenabled as enabled, t.tgtype as type, p.prosrc as body,
        nullif(split_part(encode(t.tgargs, 'escape'), '\\000', 1), '') as arg
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      where not t.tgisinternal and c.relnamespace = 'public'::regnamespace`)) as unknown as { table: string; trigger: string; enabled: string; type: number; body: string; arg: string | null }[];
    for (const [channel, tables] of Object.entries(CACHED_TABLES)) {
      for (const { table, trigger } of tables) {
        const found = rows.find((r) => r.table === table && r.trigger === trigger);
        expect(found, `${table}: trigger ${trigger} missing`).toBeDefined();
        expect(found!.enabled, `${table}: trigger ${trigger} disabled`).not.toBe('D');
        // Its own body names the channel, or the generic notify_channel() (migration 0036) takes it as its argument.
        if (found!.body.includes('pg_notify(TG_ARGV[0]')) expect(found!.arg, `${table}: ${trigger} notifies another channel`).toBe(channel);
        else expect(found!.body).toContain(`pg_notify('${channel}'`);
        // tgtype bits: 8 DELETE, 16 UPDATE (INSERT 4 where a new row can change the cached result).
        expect(found!.type & 16, `${table}: ${trigger} does not fire on UPDATE`).toBe(16);
        expect(found!.type & 8, `${table}: ${trigger} does not fire on DELETE`).toBe(8);
      }
    }
  });

  it('sees a table read without a trigger (the check is not vacuous)', async () => {
    const read = await tablesReadBy(sessionListPageQuery(db.db, []).toSQL().sql + ' join training_slots sl on true');
    const declared = CACHED_TABLES[CHANNELS.trainingsList].map((t) => t.table as string);
    expect(read.filter((t) => !declared.includes(t))).toEqual(['training_slots']);
  });
});
