import { defineConfig } from 'drizzle-kit';

// `generate` needs no database: the same migrations are applied at start-up
// to PostgreSQL (postgres.js) or to the embedded PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
