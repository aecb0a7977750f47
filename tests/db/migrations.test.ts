import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql, type SQL } from 'drizzle-orm';
import { createDb, migrationsFolder, type DbHandle } from '../../db/client';
import { TEST_PG_URL, dbUrl } from '../helpers/env';

/**
 * The same drizzle-kit migrations must build the same schema on PGlite (the
 * embedded default, PostgreSQL 18) and on the PostgreSQL server (15 here).
 */

type Row = Record<string, unknown>;

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{ rows }`). */
async function rows(handle: DbHandle, query: SQL): Promise<Row[]> {
  const result = (await handle.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows).map((r) => ({ ...r }));
}

/** A driver-independent description of the public schema, sorted. */
async function describeSchema(handle: DbHandle) {
  const columns = await rows(handle, sql`
    select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.character_maximum_length, c.numeric_precision
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public'
    order by c.table_name, c.column_name`);
  const constraints = await rows(handle, sql`
    select conrelid::regclass::text as table_name, conname, contype::text as contype, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where connamespace = 'public'::regnamespace
      and contype <> 'n' -- PostgreSQL 18 also lists NOT NULL here; compared through is_nullable above
    order by 1, 2`);
  const indexes = await rows(handle, sql`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`);
  const enums = await rows(handle, sql`
    select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder) as labels
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    where t.typnamespace = 'public'::regnamespace
    group by t.typname order by t.typname`);
  return { columns, constraints, indexes, enums };
}

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

describe('migrations on PGlite and PostgreSQL', () => {
  const name = `ep_t_mig_${randomBytes(5).toString('hex')}`;
  let pg: DbHandle;
  let lite: DbHandle;

  beforeAll(async () => {
    const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`); // empty: not the pre-migrated template
    await admin.end();
    pg = await createDb({ url: dbUrl(name), poolSize: 2 });
    lite = await createDb({}); // in-memory PGlite
  });

  afterAll(async () => {
    await lite?.close();
    await pg?.close();
    const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('apply on both, record every migration, and can run again as a no-op', async () => {
    expect(pg.kind).toBe('postgres');
    expect(lite.kind).toBe('pglite');
    await pg.migrate();
    await lite.migrate();
    for (const handle of [pg, lite]) {
      const applied = await rows(handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied[0]!.n).toBe(journal.entries.length);
      await handle.migrate(); // already applied: nothing happens, no error
      expect((await rows(handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n).toBe(journal.entries.length);
    }
  }, 90_000); // every migration twice on PGlite (WASM): 16–29 s on a slow day, over the 30 s default under load

  it('produce the same tables, columns, constraints, indexes and enums', async () => {
    const [a, b] = await Promise.all([describeSchema(pg), describeSchema(lite)]);
    expect(a.columns.length).toBeGreaterThan(50);
    const tables = new Set(a.columns.map((c) => c.table_name));
    for (const t of ['communes', 'offices', 'establishments', 'users', 'logins', 'one_time_tokens', 'audit_log', 'mail_messages', 'captured_mails']) expect(tables).toContain(t);
    expect(b.columns).toEqual(a.columns);
    expect(b.constraints).toEqual(a.constraints);
    expect(b.indexes).toEqual(a.indexes);
    expect(b.enums).toEqual(a.enums);
  });

  it('enforce the same constraints at run time (case-insensitive unique e-mail)', async () => {
    for (const handle of [pg, lite]) {
      await handle.db.execute(sql`insert into users (email, name, role) values ('Marie@Example.test', 'Marie', 'admin')`);
      await expect(handle.db.execute(sql`insert into users (email, name, role) values ('marie@example.TEST', 'Marie bis', 'admin')`)).rejects.toThrow();
      // A partner needs an establishment.
      await expect(handle.db.execute(sql`insert into users (email, name, role) values ('p@example.test', 'P', 'partner')`)).rejects.toThrow();
    }
  });
});
