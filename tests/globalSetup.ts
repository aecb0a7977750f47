import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { createDb } from '../db/client';
import { seedTerritory } from '../db/seed/territory';
import { TEMPLATE_DB, TEST_PG_URL, dbUrl } from './helpers/env';

/**
 * Builds the migrated, seeded template database when it does not exist yet
 * (built under a temporary name, then renamed: concurrent runs never see a
 * half-built one). Each test file copies it (CREATE DATABASE … TEMPLATE, ~100 ms).
 */
export default async function setup() {
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${TEMPLATE_DB}`;
    if (exists) return;
    const building = `ep_build_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE ${building}`);
    const handle = await createDb({ url: dbUrl(building), poolSize: 1 });
    await handle.migrate();
    await seedTerritory(handle.db);
    await handle.close();
    try {
      await admin.unsafe(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE_DB}`);
    } catch {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`); // another run won the race
    }
  } finally {
    await admin.end();
  }
}
