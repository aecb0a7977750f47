import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Database } from '../db/client';
import type { MailTransport } from '../emails/transport';
import type { Config } from '../common/config';
import { createQueues, queueNames, type JobHandler, type JobName, type JobPayloads, type QueueName, type WorkerContext } from './jobs';
import { handlers } from './handlers';
import { createWorkerMailTransport } from './handlers/mail/transport';
import { registerSchedules } from './schedules';

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

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * One BullMQ Worker per queue; the process that owns cron registers the
 * repeatable jobs. The entry point (server/main.ts) starts it for the `all` and
 * `worker` roles: nothing here imports the api.
 */
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
