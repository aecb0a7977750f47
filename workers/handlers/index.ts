import type { JobName } from '../jobs';
import type { JobHandler } from '../main';
import { sendMail } from './mailings/send';
import { sweepMail } from './mailings/sweep';

/** Job name -> handler. Every handler re-reads state and is safe to run twice. */
export const handlers: { [N in JobName]: JobHandler<N> } = {
  'mail.send': sendMail,
  'mail.sweep': sweepMail,
};
