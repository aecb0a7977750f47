import { Queue, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Config } from '../common/config';
import { JOB_RETENTION, JOB_RETRY, NEWSLETTER_SENDING } from '../common/limits';
import type { Database } from '../db/client';
import type { MailTransport } from '../emails/transport';

/**
 * The job contract shared by the api (which only enqueues: this is the one
 * file of workers/ that server/ imports) and the workers: job name -> queue,
 * payload schema, deterministic id. Payloads carry ids, never content; the
 * worker checks each payload against its schema once, when it takes the job
 * (workers/main.ts), and fails a bad one without retry.
 */
/** `newsletters`: a campaign's long batch jobs get their own queue, so they never hold up transactional mail. */
export const queueNames = ['mail', 'schedule', 'newsletters'] as const;
export type QueueName = (typeof queueNames)[number];

interface JobDefinition<S extends TSchema> {
  queue: QueueName;
  payload: S;
  /** Deterministic job id: BullMQ ignores an add whose id already exists, so enqueuing the same work twice is a no-op. */
  id?: (payload: Static<S>) => string;
  /** Jobs that run at a time given by their payload: milliseconds from now. */
  delay?: (payload: Static<S>) => number;
  /** Options that differ from the defaults. */
  options?: JobsOptions;
}
const job = <S extends TSchema>(d: JobDefinition<S>) => d;

const Uuid = Type.String({ format: 'uuid' });
/** Scheduled jobs carry nothing: they re-read the database. */
const NoPayload = Type.Object({}, { additionalProperties: false });
const MailSend = Type.Object({ messageId: Uuid }, { additionalProperties: false });
const TrainingOfferExpire = Type.Object(
  { registrationId: Uuid, round: Type.Integer({ minimum: 0 }), expiresAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
const TrainingNotice = Type.Object({ noticeId: Uuid }, { additionalProperties: false });
const DocumentVersion = Type.Object({ versionId: Uuid }, { additionalProperties: false });
const DocumentRef = Type.Object({ documentId: Uuid }, { additionalProperties: false });
/** A stored object's key, as the server makes them (`documents/2026/11/<uuid>`, `thumbnails/…`): never a path a client chose. */
const StoredObject = Type.Object({ key: Type.String({ maxLength: 200, pattern: '^(documents|thumbnails)/[0-9]{4}/[0-9]{2}/[0-9a-f-]{36}(\\.[a-z]+)?$' }) }, { additionalProperties: false });
const NewsletterLane = Type.Object(
  { campaignId: Uuid, lane: Type.Integer({ minimum: 0, maximum: 63 }) },
  { additionalProperties: false },
);
const NewsPublish = Type.Object({ postId: Uuid, publishAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false });
const NewsCommentRef = Type.Object({ commentId: Uuid }, { additionalProperties: false });
const PasswordResetRequest = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), ip: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]), requestId: Uuid },
  { additionalProperties: false },
);

/** Deterministic job ids, for the jobs that have one (the mail sweeper looks a job up by it). */
export const jobIds = {
  'mail.send': (p: Static<typeof MailSend>) => `mail-${p.messageId}`,
  'trainings.offer-expire': (p: Static<typeof TrainingOfferExpire>) => `training-offer-${p.registrationId}-${p.round}`,
  'trainings.notice': (p: Static<typeof TrainingNotice>) => `training-notice-${p.noticeId}`,
  'accounts.password-reset': (p: Static<typeof PasswordResetRequest>) => `password-reset-${p.requestId}`,
  'documents.extract': (p: Static<typeof DocumentVersion>) => `documents-extract-${p.versionId}`,
  'documents.thumbnail': (p: Static<typeof DocumentVersion>) => `documents-thumbnail-${p.versionId}`,
  'documents.followers': (p: Static<typeof DocumentRef>) => `documents-followers-${p.documentId}`,
  'documents.delete-object': (p: Static<typeof StoredObject>) => `documents-delete-${p.key.replaceAll('/', '-')}`,
  'newsletters.send': (p: Static<typeof NewsletterLane>) => `newsletter-${p.campaignId}-${p.lane}`,
  'news.publish': (p: Static<typeof NewsPublish>) => `news-publish-${p.postId}-${Date.parse(p.publishAt)}`,
  'news.comment-notify': (p: Static<typeof NewsCommentRef>) => `news-comment-${p.commentId}`,
};

export const jobs = {
  /** Send one row of the mail outbox (mail_messages.id). */
  'mail.send': job({ queue: 'mail', payload: MailSend, id: jobIds['mail.send'] }),
  /** Re-enqueue outbox rows whose job was lost (Redis flushed, crash between commit and enqueue). */
  'mail.sweep': job({ queue: 'schedule', payload: NoPayload }),
  /** Retention: delete expired sessions and tokens, and audit / mail history past the period the privacy page states. */
  'accounts.purge': job({ queue: 'schedule', payload: NoPayload }),
  /**
   * "Forgot password" for an address: the handler looks the account up and queues the reset mail.
   * It carries the address, not an id, because the api answers before any lookup (so that the
   * answer time does not reveal whether the address has an account); the job is deleted when done.
   */
  'accounts.password-reset': job({
    queue: 'mail',
    payload: PasswordResetRequest,
    id: jobIds['accounts.password-reset'],
    options: { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
  }),
  /** Expire one training offer (round = the offer it was made for); runs at expiresAt. */
  'trainings.offer-expire': job({
    queue: 'schedule',
    payload: TrainingOfferExpire,
    id: jobIds['trainings.offer-expire'],
    delay: (p) => Math.max(0, Date.parse(p.expiresAt) - Date.now()),
  }),
  /** Fan out a change / cancellation notice of a session to its registrants. */
  'trainings.notice': job({ queue: 'schedule', payload: TrainingNotice, id: jobIds['trainings.notice'] }),
  /** Safety net: overdue offers and notices whose job was lost. */
  'trainings.sweep': job({ queue: 'schedule', payload: NoPayload }),
  /** Reminders before each session. */
  'trainings.reminders': job({ queue: 'schedule', payload: NoPayload }),
  /** Satisfaction surveys after each session. */
  'trainings.surveys': job({ queue: 'schedule', payload: NoPayload }),
  /** Extract the searchable text (and page count) of one document version. */
  'documents.extract': job({ queue: 'schedule', payload: DocumentVersion, id: jobIds['documents.extract'] }),
  /** Make the thumbnail of one image version. */
  'documents.thumbnail': job({ queue: 'schedule', payload: DocumentVersion, id: jobIds['documents.thumbnail'] }),
  /** Remove what crashed uploads left in storage; re-enqueue lost extractions. */
  'documents.sweep': job({ queue: 'schedule', payload: NoPayload }),
  /** Tell the followers of its folder that a document was published (once per document: the job id and each mail's dedupe key). */
  'documents.followers': job({ queue: 'schedule', payload: DocumentRef, id: jobIds['documents.followers'] }),
  /** Remove a stored object a committed write let go of (an erased person's pending proposal), if nothing refers to it any more. */
  'documents.delete-object': job({ queue: 'schedule', payload: StoredObject, id: jobIds['documents.delete-object'] }),
  /** Tell owners of documents whose review date has come ("à revoir"). */
  'documents.review-reminders': job({ queue: 'schedule', payload: NoPayload }),
  /** Partners' figures: rebuild the rollup of the months marked stale (after each save, debounced by its fixed id, and every 30 s). */
  'figures.rollup': job({ queue: 'schedule', payload: NoPayload, id: () => 'figures-rollup', delay: () => 1_000, options: { removeOnComplete: true, removeOnFail: true } }),
  /** The 2nd of each month: one reminder per establishment that has not given last month's figures. */
  'figures.reminders': job({ queue: 'schedule', payload: NoPayload }),
  /**
   * One lane of a campaign: claims batches of its recipients until none is due or the campaign
   * stops being `sending` (NEWSLETTER_SENDING.lanes lanes per campaign). Its failures are recorded
   * per recipient; a job that throws is retried and, like a lost one, re-enqueued by the sweeper.
   */
  'newsletters.send': job({ queue: 'newsletters', payload: NewsletterLane, id: jobIds['newsletters.send'] }),
  /** Safety net: stale claims become « incertain », lost lanes are re-enqueued from the table, finished campaigns are closed. */
  'newsletters.sweep': job({ queue: 'schedule', payload: NoPayload }),
  /** Scheduled campaigns whose time came: launched, or, found too late (the system was down), left for an admin to decide. */
  'newsletters.schedule': job({ queue: 'schedule', payload: NoPayload }),
  /** Roll up the office-months whose contacts or bulk totals changed (visit_rollup_dirty): the dashboard's figures. */
  'visits.rollup': job({ queue: 'schedule', payload: NoPayload }),
  /** A post published (now or at its scheduled time): mail an important one to its audience, once (runs at publishAt). */
  'news.publish': job({ queue: 'schedule', payload: NewsPublish, id: jobIds['news.publish'], delay: (p) => Math.max(0, Date.parse(p.publishAt) - Date.now()) }),
  /** Safety net: important posts whose publication time has come and whose mail was not fanned out (lost job). */
  'news.sweep': job({ queue: 'schedule', payload: NoPayload }),
  /** The weekly digest (Monday 8:00 Europe/Paris): each person's unread posts, one mail per person per week. */
  'news.digest': job({ queue: 'schedule', payload: NoPayload }),
  /** Tell a post's (or sheet's) author and earlier commenters of a new comment (once per comment: the job id and each mail's dedupe key). */
  'news.comment-notify': job({ queue: 'schedule', payload: NewsCommentRef, id: jobIds['news.comment-notify'] }),
};

export type JobName = keyof typeof jobs;
export type JobPayloads = { [N in JobName]: Static<(typeof jobs)[N]['payload']> };

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobs, name);
}

/** The queue of each job. */
export const jobQueue = Object.fromEntries(Object.entries(jobs).map(([n, d]) => [n, d.queue])) as { [N in JobName]: QueueName };

/**
 * Why a payload does not fit its job's schema (the first few errors), or null
 * when it does. Unknown fields are refused too: payloads carry ids only.
 */
export function payloadProblem(name: JobName, payload: unknown): string | null {
  const schema = jobs[name].payload;
  if (Value.Check(schema, payload)) return null;
  const errors = [...Value.Errors(schema, payload)].slice(0, 3);
  return errors.map((e) => `${e.instancePath || '(payload)'} ${e.message}`).join('; ') || 'does not match its schema';
}

export const defaultJobOptions: JobsOptions = {
  attempts: JOB_RETRY.attempts,
  backoff: { type: 'exponential', delay: JOB_RETRY.firstDelayMs },
  removeOnComplete: { age: JOB_RETENTION.completedSeconds, count: JOB_RETENTION.completedCount },
  removeOnFail: { age: JOB_RETENTION.failedSeconds, count: JOB_RETENTION.failedCount },
};

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  // An empty prefix is a configuration whose prefix was never derived (server/main.ts does it): keys without one would mix installations.
  if (!prefix) throw new Error('createQueues: no queue prefix (QUEUE_PREFIX unset and not derived from the database)');
  return Object.fromEntries(
    queueNames.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions })]),
  ) as Queues;
}

/** Adds a job with its deterministic id and its delay (if its definition has them). */
export async function enqueue<N extends JobName>(queues: Queues, name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
  const d = jobs[name] as JobDefinition<TSchema>;
  await queues[d.queue].add(name, payload, {
    ...(d.id ? { jobId: d.id(payload) } : {}),
    ...(d.delay ? { delay: d.delay(payload) } : {}),
    ...d.options,
    ...options,
  });
}

/** States of a job that will still run: a sweeper leaves such a job alone. */
const PENDING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Enqueues again a job a sweeper re-derived from PostgreSQL (the row says the
 * work is not done), so that it always runs: with a deterministic id, a job
 * still pending is left alone, and a finished one — completed without doing
 * the work (e.g. "skipped" by a worker of another database sharing the key
 * prefix) or failed — is removed first, since BullMQ ignores an add whose id
 * it still holds. Returns whether a job was added. Handlers are idempotent,
 * so a race with a job finishing meanwhile is harmless.
 */
export async function requeue<N extends JobName>(queues: Queues, name: N, payload: JobPayloads[N]): Promise<boolean> {
  const d = jobs[name] as JobDefinition<TSchema>;
  if (d.id) {
    const queue = queues[d.queue];
    const id = d.id(payload);
    const state = await queue.getJobState(id);
    if (PENDING_STATES.has(state)) return false;
    if (state === 'completed' || state === 'failed') await (await queue.getJob(id))?.remove();
  }
  await enqueue(queues, name, payload);
  return true;
}

/**
 * What a committed write asks for (`{ ok: true, effects }` from db/queries):
 * outbox rows to send and follow-up jobs. Structural, so that each feature's
 * queries return their own type without importing workers/.
 */
export interface Effects {
  /** mail_messages ids to send (mail.send). */
  readonly mailIds?: readonly string[];
  /** Training offers to expire at their time (trainings.offer-expire). */
  readonly offers?: readonly JobPayloads['trainings.offer-expire'][];
  /** Session notices to fan out (trainings.notice). */
  readonly notices?: readonly string[];
  /** Stored objects to remove once nothing refers to them (documents.delete-object). */
  readonly objects?: readonly string[];
  /** Campaigns whose lanes must run (launched or resumed): every lane of each (newsletters.send), re-added even when a finished job holds its id. */
  readonly campaigns?: readonly string[];
  /** News posts published or scheduled (news.publish, at their time). */
  readonly newsPublications?: readonly JobPayloads['news.publish'][];
}

/**
 * Enqueues a write's effects after its transaction committed: the one
 * function the api services and the worker handlers both call. The database
 * rows are the truth and every effect has a sweeper, so a failed add can be
 * reported and left to it (`onError`, the api's choice: the request already
 * succeeded); without `onError` the first failure is thrown once every add
 * has been tried (the worker's choice: the job retries).
 */
export async function enqueueEffects(queues: Queues, fx: Effects, onError?: (err: unknown, name: JobName) => void): Promise<void> {
  const adds: [JobName, Promise<void>][] = [
    ...(fx.mailIds ?? []).map((messageId) => ['mail.send', enqueue(queues, 'mail.send', { messageId })] as [JobName, Promise<void>]),
    ...(fx.offers ?? []).map((o) => ['trainings.offer-expire', enqueue(queues, 'trainings.offer-expire', o)] as [JobName, Promise<void>]),
    ...(fx.notices ?? []).map((noticeId) => ['trainings.notice', enqueue(queues, 'trainings.notice', { noticeId })] as [JobName, Promise<void>]),
    ...(fx.objects ?? []).map((key) => ['documents.delete-object', enqueue(queues, 'documents.delete-object', { key })] as [JobName, Promise<void>]),
    ...(fx.campaigns ?? []).flatMap((campaignId) => Array.from({ length: NEWSLETTER_SENDING.lanes }, (_, lane) =>
      ['newsletters.send', requeue(queues, 'newsletters.send', { campaignId, lane }).then(() => undefined)] as [JobName, Promise<void>])),
    ...(fx.newsPublications ?? []).map((p) => ['news.publish', enqueue(queues, 'news.publish', p)] as [JobName, Promise<void>]),
  ];
  const results = await Promise.allSettled(adds.map(([, p]) => p));
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [{ err: r.reason as unknown, name: adds[i]![0] }] : []));
  if (onError) for (const f of failures) onError(f.err, f.name);
  else if (failures.length) throw failures[0]!.err;
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

/** A job handler: its payload has already been checked against the job's schema (workers/main.ts `runJob`). */
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], ctx: WorkerContext, job: Job) => Promise<unknown>;
