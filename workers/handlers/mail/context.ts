import { UnrecoverableError } from 'bullmq';
import type { Config } from '../../../common/config';
import { isUuid } from '../../../common/ids';
import type { ClaimedMail } from '../../../db/queries/mail';

/** What a mail loader receives: the links' base and secret, and the outbox row being composed (its own module: compose.ts imports the loaders). */
export interface ComposeContext {
  config: Pick<Config, 'PUBLIC_URL' | 'JWT_SECRET'>;
  message: ClaimedMail;
}

/**
 * A link into the app from a mail: pages opened from an English mail open in English
 * (the client reads `?lang=` before its first render); French is the app's default and needs nothing.
 */
export function appLink(ctx: ComposeContext, path: string): string {
  return `${ctx.config.PUBLIC_URL}${path}${ctx.message.language === 'en' ? '?lang=en' : ''}`;
}

/** A uuid from an outbox row's params: a row without it can never be composed, so the job fails for good (no retries). */
export function uuidParam(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (!isUuid(value)) throw new UnrecoverableError(`mail params: ${name} must be a uuid`);
  return value;
}
