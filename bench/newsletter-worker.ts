/**
 * The worker process of `npm run bench:newsletter`: the app's own workers
 * (workers/main.ts) over the bench database, configured by the environment
 * the parent gives. It reports its RSS every 200 ms over IPC, so that the
 * parent samples the memory of the process that sends. Killed with SIGKILL
 * half-way in the crash run.
 */
import { loadConfig } from '../common/config';
import { createDb } from '../db/client';
import { startWorkers } from '../workers/main';

const config = loadConfig(process.env);
const handle = await createDb({ url: config.DATABASE_URL!, poolSize: config.DATABASE_POOL_SIZE });
const quiet = { info: () => {}, warn: (m: string) => { if (!/re-enqueued|incertain/.test(m)) return; process.send?.({ type: 'log', message: m }); }, error: (m: string) => process.send?.({ type: 'log', message: String(m) }) };
const running = await startWorkers({ config, db: handle.db, redisUrl: config.REDIS_URL!, log: { ...quiet, info: (m: string) => { if (/re-enqueued/.test(m)) process.send?.({ type: 'log', message: m }); } } });
setInterval(() => process.send?.({ type: 'rss', rss: process.memoryUsage().rss }), 200).unref();
process.send?.({ type: 'ready' });
const stop = async () => {
  await running.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
