import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { desc, eq } from 'drizzle-orm';
import { capturedMails } from '../../db/schema';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../common/config';
import { clientDist } from '../../server/plugins/static';
import { bootstrap } from '../../server/services/bootstrap';
import { createQueues } from '../../workers/jobs';
import { discardQueues } from './queues';
import { startWorkers } from '../../workers/main';
import { createTestDatabase } from './db';
import { TEST_REDIS_URL } from './env';
import { freePort } from './ports';

/**
 * The built app as `npm start` runs it (api + workers + client, captured
 * mail), on its own database of the machine's PostgreSQL and its own Redis prefix.
 * With `smtpUrl` the workers deliver to that SMTP server instead (tests/helpers/smtp.ts).
 */
export async function startE2eServer(options: { smtpUrl?: string } = {}) {
  if (!existsSync(`${clientDist}/index.html`)) throw new Error('dist/client is missing: run `npx vite build` first (npm test does)');
  const database = await createTestDatabase();
  const prefix = `epe_${randomBytes(5).toString('hex')}`;
  // A port nothing listens on: a random one in a fixed range once hit NATS on 4222 (EADDRINUSE).
  const port = await freePort();
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: `/tmp/ep-e2e/${prefix}`, RATE_LIMIT_LOGIN_PER_MINUTE: '100', ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}) },
    { JWT_SECRET: randomBytes(32).toString('hex'), PUBLIC_URL: `http://127.0.0.1:${port}`, CRON_OWNER: true },
  );
  const { adminLink } = await bootstrap(database.db, config);
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const app = await buildApp({ config, db: database.db, redis, queues }, { logger: false });
  const workers = await startWorkers({ config, db: database.db, redisUrl: TEST_REDIS_URL, log: { info: () => {}, warn: () => {}, error: console.error } });
  await app.listen({ host: '127.0.0.1', port });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url, app, db: database.db, config, adminLink: adminLink!,
    /** The newest captured e-mail sent to `to`, waiting for the worker to deliver it. */
    async mailTo(to: string, subjectIncludes?: string, timeoutMs = 15_000) {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        const rows = await database.db.select().from(capturedMails).where(eq(capturedMails.toAddress, to)).orderBy(desc(capturedMails.createdAt));
        const found = rows.find((r) => !subjectIncludes || r.subject.includes(subjectIncludes));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no captured mail to ${to}${subjectIncludes ? ` about “${subjectIncludes}”` : ''}`);
    },
    async close() {
      await app.close();
      await workers.close();
      await discardQueues(queues, redis, prefix);
      await database.drop();
    },
  };
}

/** First link in an e-mail body that starts with `base`. */
export function linkIn(text: string, base: string): string {
  const match = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^\\s"<>)]+`).exec(text);
  if (!match) throw new Error(`no link to ${base} in:\n${text.slice(0, 500)}`);
  return match[0];
}
