import { Redis } from 'ioredis';
import { resolve } from 'node:path';
import { createDb, type DbHandle } from '../db/client';
import { databaseIdentity } from '../db/queries/identity';
import { closeQueues, createQueues } from '../workers/jobs';
import { startWorkers, type RunningWorkers } from '../workers/main';
import { ConfigError, loadConfig, type Config } from '../common/config';
import { buildApp } from './app';
import { installProcessGuards } from './lib/process-guards';
import { claimQueuePrefix, QueuePrefixTaken } from './lib/queue-prefix';
import { resolveRedis, withoutPassword, type RedisTarget } from './lib/redis';
import { bootstrap } from './services/bootstrap';

/**
 * The one entry point of every process (`npm start`, `npm run api`, `npm run
 * worker`): it composes the roles chosen by PROCESS_ROLE: `all` (api +
 * workers, the default of `npm start`), `api` or `worker`. Migrates and seeds
 * on start. It is the only file of server/ that imports workers/main.ts, and
 * nothing imports it back (workers/ never imports server/), so there is no
 * import cycle.
 */
async function openDatabase(config: Config): Promise<DbHandle> {
  const handle = await createDb({ url: config.DATABASE_URL, pgliteDir: resolve(config.dataDir, 'pglite'), poolSize: config.DATABASE_POOL_SIZE });
  await handle.migrate();
  return handle;
}

/** Which database this process uses, as printed at start (no password). */
function describeDatabase(config: Config): string {
  return config.DATABASE_URL ? `PostgreSQL ${withoutPassword(config.DATABASE_URL)} (DATABASE_URL)` : `embedded PGlite in ${resolve(config.dataDir, 'pglite')}`;
}

/**
 * Sets config.QUEUE_PREFIX to this installation's prefix (QUEUE_PREFIX, else
 * derived from the database) once it is claimed for this database on this
 * Redis; throws QueuePrefixTaken when another database holds it.
 */
async function claimPrefix(config: Config, db: DbHandle['db'], redis: Redis, redisTarget: RedisTarget): Promise<string> {
  const configured = config.QUEUE_PREFIX || undefined;
  const identity = await databaseIdentity(db);
  config.QUEUE_PREFIX = await claimQueuePrefix({ redis, configured, identity, description: describeDatabase(config), redisDescription: redisTarget.description });
  return `${config.QUEUE_PREFIX} (${configured ? 'QUEUE_PREFIX' : 'derived from the database'})`;
}

function onShutdown(log: (msg: string) => void, steps: (() => Promise<unknown>)[]) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down…`);
    const timer = setTimeout(() => process.exit(1), 15_000).unref();
    for (const step of steps) await step().catch((err) => console.error(err));
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

export async function runApiProcess(role: 'all' | 'api'): Promise<void> {
  installProcessGuards(); // an uncaught error: log it, exit 1, the supervisor restarts (README "Faults")
  const config = loadConfig();
  const dbHandle = await openDatabase(config);
  const { adminLink, pendingAdmin } = await bootstrap(dbHandle.db, config);
  const redisTarget: RedisTarget = await resolveRedis({ url: config.REDIS_URL, dataDir: config.dataDir, log: console.log });
  const redis = new Redis(redisTarget.url, { maxRetriesPerRequest: null });
  const prefixDescription = await claimPrefix(config, dbHandle.db, redis, redisTarget);
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  const app = await buildApp({ config, db: dbHandle.db, redis, queues });
  let workers: RunningWorkers | null = null;
  if (role === 'all') workers = await startWorkers({ config, db: dbHandle.db, redisUrl: redisTarget.url, log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m), error: (m) => app.log.error(m) } });

  onShutdown((m) => app.log.info(m), [
    () => app.close(),
    async () => workers?.close(),
    () => closeQueues(queues),
    async () => redis.disconnect(),
    () => redisTarget.stop(),
    () => dbHandle.close(),
  ]);
  await app.listen({ host: config.HOST, port: config.PORT });
  console.log(
    `\nEspace Pro Sud Cévennes — ${config.PUBLIC_URL}\n  database: ${describeDatabase(config)}\n  redis:    ${redisTarget.description}` +
      `\n  queues:   prefix ${prefixDescription}` +
      `\n  mail:     ${config.SMTP_URL ? `SMTP ${withoutPassword(config.SMTP_URL)}` : "captured, see « Boîte d'envoi »"}`,
  );
  if (adminLink) {
    console.log(`\nFirst administrator (${config.ADMIN_EMAIL}): set the password with this one-time link:\n  ${adminLink}\n`);
  } else if (pendingAdmin) {
    // The link was printed once, by the process that created it: a later start never voids it.
    console.log(`\nThe administrator ${pendingAdmin} has not set a password yet. Link lost or expired: npm run admin:invite ${pendingAdmin}\n`);
  }
}

export async function runWorkerProcess(): Promise<void> {
  installProcessGuards();
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new ConfigError('A separate worker process needs DATABASE_URL (the embedded PGlite database belongs to the api process).');
  const dbHandle = await openDatabase(config);
  const redisTarget = await resolveRedis({ url: config.REDIS_URL, dataDir: config.dataDir, log: console.log });
  const claim = new Redis(redisTarget.url, { maxRetriesPerRequest: null });
  const prefixDescription = await claimPrefix(config, dbHandle.db, claim, redisTarget).finally(() => claim.disconnect());
  const workers = await startWorkers({ config, db: dbHandle.db, redisUrl: redisTarget.url });
  onShutdown(console.log, [() => workers.close(), () => redisTarget.stop(), () => dbHandle.close()]);
  console.log(`Workers started (concurrency ${config.WORKER_CONCURRENCY}, cron owner: ${config.CRON_OWNER}).\n  database: ${describeDatabase(config)}\n  redis:    ${redisTarget.description}\n  queues:   prefix ${prefixDescription}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const role = process.env.PROCESS_ROLE ?? 'all';
  const run = role === 'worker' ? runWorkerProcess() : runApiProcess(role === 'api' ? 'api' : 'all');
  run.catch((err) => {
    console.error(err instanceof ConfigError || err instanceof QueuePrefixTaken ? err.message : err);
    process.exit(1);
  });
}
