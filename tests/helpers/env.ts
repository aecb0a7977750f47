import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The machine's real services (DEVELOPERS.md): tests never mock them. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The migrated + seeded template database is named after the content of the
 * migrations and seed, so concurrent runs share it and a schema change gets a new one.
 */
export const TEMPLATE_DB = `ep_tpl_${templateHash()}`;

function templateHash(): string {
  const root = resolve(import.meta.dirname, '../..');
  const hash = createHash('sha256');
  const dir = join(root, 'db/migrations');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  for (const f of ['db/seed/territory.json', 'db/seed/territory.ts', 'db/seed/reference.ts']) hash.update(readFileSync(join(root, f)));
  return hash.digest('hex').slice(0, 12);
}

export function dbUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
