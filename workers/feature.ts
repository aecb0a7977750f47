import type { Database } from '../db/client';
import type { TemplateName, TemplateProps } from '../emails/render';
import type { MailAttachment } from '../emails/transport';
import type { ComposeContext } from './handlers/mail/context';
import type { JobHandler, JobName } from './jobs';

/**
 * What a feature gives the worker process (workers/handlers/<feature>/index.ts),
 * listed once in workers/features.ts.
 */
export interface WorkerFeature<J extends JobName, T extends TemplateName> {
  name: string;
  /** One handler per job of the feature (workers/jobs.ts names them); each is idempotent. */
  jobs: { [N in J]: JobHandler<N> };
  /** Repeatable jobs, registered by the cron owner at start-up, on every Redis reconnect and periodically. */
  schedules: readonly Schedule<NoInfer<J>>[];
  /** One loader per mail template of the feature (emails/templates/<feature>/index.ts names them). */
  mail: { [N in T]: MailLoader<N> };
  /** Files some of its mails carry (built at send time, like the props). */
  attachments: { [N in NoInfer<T>]?: AttachmentLoader };
}

/** A repeatable job: its scheduler id is the job's name. */
export type Schedule<J extends JobName = JobName> = { job: J; every: number } | { job: J; pattern: string; tz: string };

/**
 * Builds a template's props from the database at send time (jobs and rows
 * carry ids only). Returns null when the mail no longer applies: it is then
 * marked 'skipped' and never sent.
 */
export type MailLoader<N extends TemplateName> = (db: Database, params: Record<string, unknown>, ctx: ComposeContext) => Promise<TemplateProps<N> | null>;
export type AttachmentLoader = (db: Database, params: Record<string, unknown>, ctx: ComposeContext) => Promise<MailAttachment[]>;

/** Types a feature's index: its job and template names are inferred from the keys it gives. */
export const defineWorkerFeature = <J extends JobName = never, T extends TemplateName = never>(f: WorkerFeature<J, T>): WorkerFeature<J, T> => f;

/** Keys of every member of a union (keyof a union gives only the common ones). */
export type KeysOf<T> = T extends unknown ? keyof T & string : never;
