import postgres from 'postgres';
import { createDb } from '../db/client';
import { seedTerritory } from '../db/seed/territory';
import { TEMPLATE_DB, TEST_PG_URL, dbUrl } from './helpers/env';

/**
 * Builds a migrated, seeded template database once per run; each test file
 * then gets its own copy (CREATE DATABASE … TEMPLATE), which takes ~100 ms.
 */
export default async function setup() {
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DB}`);
  const handle = await createDb({ url: dbUrl(TEMPLATE_DB), poolSize: 1 });
  await handle.migrate();
  await seedTerritory(handle.db);
  await handle.close();
  // Old per-file databases left by an interrupted run.
  const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'ep_t_%'`;
  for (const { datname } of stale) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.end();
}
