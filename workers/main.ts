import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Database } from '../db/client';
import type { MailTransport } from '../emails/transport';
import type { Config } from '../common/config';
import { createQueues, queueNames, type JobName, type JobPayloads, type QueueName, type Queues } from './jobs';
import { handlers } from './handlers';
import { createWorkerMailTransport } from './handlers/mailings/transport';
import { registerSchedules } from './schedules';

export interface WorkerContext {
  config: Config;
  db: Database;
  queues: Queues;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
  /** The process's one mail transport (SMTP pool or captured outbox), created on first use. */
  mailTransport(): MailTransport;
}

/** A context for running handlers; `close()` releases what it created lazily (the mail transport). */
export function createWorkerContext(base: Omit<WorkerContext, 'mailTransport'>): WorkerContext & { close(): Promise<void> } {
  let transport: MailTransport | null = null;
  return {
    ...base,
    mailTransport: () => (transport ??= createWorkerMailTransport(base.config, base.db)),
    async close() {
      await transport?.close();
      transport = null;
    },
  };
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], ctx: WorkerContext, job: Job) => Promise<unknown>;

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** One BullMQ Worker per queue; the process that owns cron registers the repeatable jobs. */
export async function startWorkers(opts: { config: Config; db: Database; redisUrl: string; log?: WorkerContext['log'] }): Promise<RunningWorkers> {
  const { config, db, redisUrl } = opts;
  const log = opts.log ?? console;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = createQueues(connection, config.QUEUE_PREFIX);
  const ctx = createWorkerContext({ config, db, queues, log });

  const workers = queueNames.map((name: QueueName) =>
    new Worker(
      name,
      async (job) => {
        const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
        if (!handler) throw new UnrecoverableError(`Unknown job ${job.name} on queue ${name}`);
        return handler(job.data as JobPayloads[JobName], ctx, job);
      },
      {
        connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        ...(name === 'mail' ? { limiter: { max: config.MAIL_RATE_PER_SECOND, duration: 1000 } } : {}),
      },
    ),
  );
  for (const w of workers) w.on('failed', (job, err) => log.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`));
  if (config.CRON_OWNER) await registerSchedules(queues);

  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await ctx.close();
      await Promise.all(Object.values(queues).map((q) => q.close()));
      connection.disconnect();
    },
  };
}

// Run as its own process: `npm run worker` (requires DATABASE_URL: PGlite cannot be shared between processes).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { runWorkerProcess } = await import('../server/main');
  await runWorkerProcess();
}
