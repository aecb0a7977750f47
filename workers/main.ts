import { withoutParameters } from '../db/errors';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Database } from '../db/client';
import type { MailTransport } from '../emails/transport';
import type { Config } from '../common/config';
import { createQueues, isJobName, payloadProblem, queueNames, type JobHandler, type JobName, type JobPayloads, type QueueName, type WorkerContext } from './jobs';
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

/**
 * Runs one job: the one place where a payload is checked against its job's
 * schema (workers/jobs.ts). An unknown job or a bad payload fails at once,
 * without retry (UnrecoverableError), with a log line; handlers receive only
 * well-formed payloads.
 */
export async function runJob(job: Job, ctx: WorkerContext): Promise<unknown> {
  const name = job.name;
  if (!isJobName(name)) {
    ctx.log.error(`job ${name} ${job.id ?? ''}: unknown job, failed without retry`);
    throw new UnrecoverableError(`Unknown job ${name}`);
  }
  const problem = payloadProblem(name, job.data);
  if (problem) {
    ctx.log.error(`job ${name} ${job.id ?? ''}: bad payload, failed without retry: ${problem}`);
    throw new UnrecoverableError(`${name}: bad payload: ${problem}`);
  }
  // A failed query's parameter values (addresses, names) must not reach Redis or the log.
  return (handlers[name] as JobHandler<JobName>)(job.data as JobPayloads[JobName], ctx, job).catch((err: unknown) => {
    throw withoutParameters(err);
  });
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * One BullMQ Worker per queue; the process that owns cron registers the
 * repeatable jobs, and re-asserts them whenever its Redis connection becomes
 * ready again and every SCHEDULES_CHECK_SECONDS (Redis may come back empty;
 * the schedulers are the safety nets that re-derive lost jobs from the
 * database). The entry point (server/main.ts) starts it for the `all` and
 * `worker` roles: nothing here imports the api.
 */
export async function startWorkers(opts: { config: Config; db: Database; redisUrl: string; log?: WorkerContext['log'] }): Promise<RunningWorkers> {
  const { config, db, redisUrl } = opts;
  const log = opts.log ?? console;
  // Named, so that an operator (or a test) can tell this process's connections in CLIENT LIST.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: `${config.QUEUE_PREFIX}-worker` });
  const queues = createQueues(connection, config.QUEUE_PREFIX);
  const ctx = createWorkerContext({ config, db, queues, log });

  const workers = queueNames.map((name: QueueName) =>
    new Worker(name, (job) => runJob(job, ctx), {
      connection: new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: `${config.QUEUE_PREFIX}-worker-${name}` }),
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKER_CONCURRENCY,
      ...(name === 'mail' ? { limiter: { max: config.MAIL_RATE_PER_SECOND, duration: 1000 } } : {}),
    }),
  );
  for (const w of workers) w.on('failed', (job, err) => log.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`));

  let stopSchedules = async (): Promise<void> => {};
  if (config.CRON_OWNER) {
    await registerSchedules(queues);
    let inFlight: Promise<void> | null = null;
    const reassert = () => {
      inFlight ??= registerSchedules(queues)
        .catch((err: unknown) => log.warn(`schedules: could not re-assert the repeatable jobs (next try in ${config.SCHEDULES_CHECK_SECONDS} s): ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => { inFlight = null; });
    };
    connection.on('ready', reassert);
    const timer = setInterval(reassert, config.SCHEDULES_CHECK_SECONDS * 1000);
    timer.unref();
    stopSchedules = async () => {
      clearInterval(timer);
      connection.off('ready', reassert);
      await inFlight;
    };
  }

  return {
    workers,
    async close() {
      await stopSchedules();
      await Promise.all(workers.map((w) => w.close()));
      await ctx.close();
      await Promise.all(Object.values(queues).map((q) => q.close()));
      connection.disconnect();
    },
  };
}
