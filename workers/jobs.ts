import { Queue, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import type { Config } from '../common/config';
import type { Database } from '../db/client';
import type { MailTransport } from '../emails/transport';

/**
 * The job contract shared by the api (which only enqueues) and the workers:
 * job name -> payload type -> queue. Payloads carry ids, never content; job
 * ids are deterministic so that enqueuing the same work twice is a no-op.
 */
export const queueNames = ['mail', 'schedule'] as const;
export type QueueName = (typeof queueNames)[number];

export interface JobPayloads {
  /** Send one row of the mail outbox (mail_messages.id). */
  'mail.send': { messageId: string };
  /** Re-enqueue outbox rows whose job was lost (Redis flushed, crash between commit and enqueue). */
  'mail.sweep': Record<string, never>;
  /** Retention: delete expired sessions and tokens, and audit / mail history past the period the privacy page states. */
  'accounts.purge': Record<string, never>;
  /**
   * "Forgot password" for an address: the handler looks the account up and queues the reset mail.
   * It carries the address, not an id, because the api answers before any lookup (so that the
   * answer time does not reveal whether the address has an account); the job is deleted when done.
   */
  'accounts.password-reset': { email: string; ip: string | null; requestId: string };
  /** Expire one training offer (round = the offer it was made for); runs at expiresAt. */
  'trainings.offer-expire': { registrationId: string; round: number; expiresAt: string };
  /** Fan out a change / cancellation notice of a session to its registrants. */
  'trainings.notice': { noticeId: string };
  /** Safety net: overdue offers and notices whose job was lost. */
  'trainings.sweep': Record<string, never>;
  /** Reminders 2 days before each session. */
  'trainings.reminders': Record<string, never>;
  /** Satisfaction surveys after each session. */
  'trainings.surveys': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const jobQueue: { [N in JobName]: QueueName } = {
  'mail.send': 'mail',
  'mail.sweep': 'schedule',
  'accounts.purge': 'schedule',
  'accounts.password-reset': 'mail',
  'trainings.offer-expire': 'schedule',
  'trainings.notice': 'schedule',
  'trainings.sweep': 'schedule',
  'trainings.reminders': 'schedule',
  'trainings.surveys': 'schedule',
};

export const defaultJobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 20_000 },
};

/** Deterministic job ids (BullMQ ignores an add whose id already exists). */
export const jobIds = {
  'mail.send': (p: JobPayloads['mail.send']) => `mail-${p.messageId}`,
  'accounts.password-reset': (p: JobPayloads['accounts.password-reset']) => `password-reset-${p.requestId}`,
  'trainings.offer-expire': (p: JobPayloads['trainings.offer-expire']) => `training-offer-${p.registrationId}-${p.round}`,
  'trainings.notice': (p: JobPayloads['trainings.notice']) => `training-notice-${p.noticeId}`,
} satisfies Partial<{ [N in JobName]: (p: JobPayloads[N]) => string }>;

/** Jobs that run at a time given by their payload (milliseconds from now). */
export const jobDelays = {
  'trainings.offer-expire': (p: JobPayloads['trainings.offer-expire']) => Math.max(0, Date.parse(p.expiresAt) - Date.now()),
} satisfies Partial<{ [N in JobName]: (p: JobPayloads[N]) => number }>;

/** Jobs whose options differ from the defaults. */
export const jobOptions = {
  // The payload holds an e-mail address: not kept in Redis once handled.
  'accounts.password-reset': { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
} satisfies Partial<{ [N in JobName]: JobsOptions }>;

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  return Object.fromEntries(
    queueNames.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions })]),
  ) as Queues;
}

export async function enqueue<N extends JobName>(queues: Queues, name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
  const idOf = (jobIds as Partial<Record<JobName, (p: JobPayloads[N]) => string>>)[name];
  const delayOf = (jobDelays as Partial<Record<JobName, (p: JobPayloads[N]) => number>>)[name];
  const own = (jobOptions as Partial<Record<JobName, JobsOptions>>)[name];
  await queues[jobQueue[name]].add(name, payload, { ...own, ...(idOf ? { jobId: idOf(payload) } : {}), ...(delayOf ? { delay: delayOf(payload) } : {}), ...options });
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** What every job handler receives (workers/main.ts builds it once per process). */
export interface WorkerContext {
  config: Config;
  db: Database;
  queues: Queues;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
  /** The process's one mail transport (SMTP pool or captured outbox), created on first use. */
  mailTransport(): MailTransport;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], ctx: WorkerContext, job: Job) => Promise<unknown>;
