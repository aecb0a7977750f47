import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

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
}
export type JobName = keyof JobPayloads;

export const jobQueue: { [N in JobName]: QueueName } = {
  'mail.send': 'mail',
  'mail.sweep': 'schedule',
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
} satisfies Partial<{ [N in JobName]: (p: JobPayloads[N]) => string }>;

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  return Object.fromEntries(
    queueNames.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions })]),
  ) as Queues;
}

export async function enqueue<N extends JobName>(queues: Queues, name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
  const idOf = (jobIds as Partial<Record<JobName, (p: JobPayloads[N]) => string>>)[name];
  await queues[jobQueue[name]].add(name, payload, { ...(idOf ? { jobId: idOf(payload) } : {}), ...options });
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
