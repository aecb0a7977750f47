import { sql } from 'drizzle-orm';
import type { Database } from '../client';

/**
 * What tells this database apart from every other: the cluster's system
 * identifier (chosen at random by initdb, PGlite included, and kept by
 * restarts and by physical replicas, so a failover keeps it) and the
 * database's oid in that cluster. Rows are not part of it: a copy made with
 * `CREATE DATABASE … TEMPLATE`, or a dump restored elsewhere, is another
 * database with another identity, even though its rows are the same.
 * `pg_control_system()` is executable by every role on PostgreSQL ≥ 10;
 * should a server refuse it, the cluster part falls back to the server's
 * address and port.
 */
export async function databaseIdentity(db: Database): Promise<string> {
  const oid = await firstValue(db, sql`select oid::text as v from pg_database where datname = current_database()`);
  let cluster: string;
  try {
    cluster = await firstValue(db, sql`select system_identifier::text as v from pg_control_system()`);
  } catch {
    cluster = `${await firstValue(db, sql`select coalesce(host(inet_server_addr()), 'local') || ':' || coalesce(inet_server_port(), 0)::text as v`)}`;
  }
  return `${cluster}/${oid}`;
}

async function firstValue(db: Database, query: ReturnType<typeof sql>): Promise<string> {
  const result = (await db.execute(query)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: { v: string }[] }).rows) as { v: string }[];
  return rows[0]!.v;
}
