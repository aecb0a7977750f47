import type { Config } from '../../../common/config';
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
