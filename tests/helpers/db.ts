import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle } from '../../db/client';
import { TEMPLATE_DB, TEST_PG_URL, dbUrl } from './env';

export interface TestDatabase extends DbHandle {
  name: string;
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/** A database of its own for one test file, copied from the migrated, seeded template. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const name = `ep_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = dbUrl(name);
  const handle = await createDb({ url, poolSize });
  return {
    ...handle,
    name,
    url,
    async drop() {
      await handle.close();
      const a = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
