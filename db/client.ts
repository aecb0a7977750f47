import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { assertPostgresPatched } from './postgres-patch';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app uses, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle (what `db.transaction(fn)` passes to fn). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DbHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when absent an embedded PGlite database is opened in `pgliteDir`. */
  url?: string;
  pgliteDir?: string;
  poolSize?: number;
}

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.url) {
    assertPostgresPatched();
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // Every query is a prepared statement (postgres.js default). Left on `auto`,
    // PostgreSQL keeps re-planning the many-join list queries at each execution
    // (planning ~1 ms, more than running them): measured 1.5 ms vs 0.55 ms per
    // page of the partner session list. Generic plans suit these OLTP queries.
    const client = postgres(options.url, { max: options.poolSize ?? 10, onnotice: () => {}, connection: { plan_cache_mode: 'force_generic_plan' } });
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      // Processes started at once on an empty database would each apply the
      // same migrations (and all but one fail): one at a time, under a
      // session-level advisory lock held by a connection of its own.
      migrate: async () => {
        const lock = postgres(options.url!, { max: 1, onnotice: () => {} });
        try {
          await lock`select pg_advisory_lock(hashtext('espace-pro migrations'))`;
          await migrate(db, { migrationsFolder });
        } finally {
          await lock.end({ timeout: 5 }); // ending the session releases the lock
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // PGlite ships unaccent as a loadable extension: the French search configuration needs it (migration 0005).
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const dir = options.pgliteDir;
  const release = dir ? lockDataDir(dir) : () => {};
  const client = new PGlite({ dataDir: dir ? resolve(dir) : undefined, extensions: { unaccent } });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    migrate: () => migrate(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite has no locking between processes: two processes opening the same
 * directory would corrupt it. A pid file makes the first one the owner.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = join(resolve(dir), '..', `${basenameOf(dir)}.lock`);
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is already used by process ${pid}. ` +
          'Run the api and workers as separate processes only with DATABASE_URL (a PostgreSQL server).',
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

function basenameOf(dir: string): string {
  return resolve(dir).split(/[\\/]/).pop() ?? 'pglite';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
