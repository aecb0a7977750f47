import { UnrecoverableError } from 'bullmq';
import type { Config } from '../../../common/config';
import type { Database } from '../../../db/client';
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

/**
 * The loader of a mail to one user about one row (a post, a document, a
 * comment): the row's id from the params (`idParam`), then the row as that
 * user may see it (`find`); null when the outbox row names no user or `find`
 * finds nothing (the row is gone or no longer the user's to see).
 */
export function loadForRecipient<R, P>(
  idParam: string,
  find: (db: Database, id: string, userId: string) => Promise<R | null | undefined>,
  props: (row: R, id: string, ctx: ComposeContext) => P,
) {
  return async (db: Database, params: Record<string, unknown>, ctx: ComposeContext): Promise<P | null> => {
    const id = uuidParam(params, idParam);
    if (!ctx.message.userId) return null;
    const row = await find(db, id, ctx.message.userId);
    return row ? props(row, id, ctx) : null;
  };
}

/** A uuid from an outbox row's params: a row without it can never be composed, so the job fails for good (no retries). */
export function uuidParam(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (!isUuid(value)) throw new UnrecoverableError(`mail params: ${name} must be a uuid`);
  return value;
}
