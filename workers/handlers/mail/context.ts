import type { Config } from '../../../common/config';
import type { ClaimedMail } from '../../../db/queries/mail';

/** What a mail loader receives: the links' base and secret, and the outbox row being composed (its own module: compose.ts imports the loaders). */
export interface ComposeContext {
  config: Pick<Config, 'PUBLIC_URL' | 'JWT_SECRET'>;
  message: ClaimedMail;
}
