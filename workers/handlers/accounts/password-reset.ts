import { UnrecoverableError } from 'bullmq';
import { requestPasswordReset as queueResetMail } from '../../../db/queries/accounts';
import { linkTtlMs } from '../../../common/config';
import { oneTimeHashFor } from '../../../common/link-tokens';
import { enqueue, type JobHandler } from '../../jobs';

/**
 * "Forgot password", after the api answered: when the address belongs to an
 * active account, a reset token and its mail (one transaction), then the
 * mail job. Unknown addresses end here, silently. Run twice, the same
 * request mails once (the mail row is keyed by the request id).
 */
export const requestPasswordReset: JobHandler<'accounts.password-reset'> = async (payload, ctx) => {
  if (typeof payload?.email !== 'string' || typeof payload.requestId !== 'string' || payload.email.length > 254) {
    throw new UnrecoverableError('accounts.password-reset: bad payload');
  }
  const messageId = await queueResetMail(ctx.db, {
    email: payload.email,
    ip: payload.ip,
    requestId: payload.requestId,
    ttlMs: linkTtlMs(ctx.config).reset,
    invitationTtlMs: linkTtlMs(ctx.config).invitation,
    hashFor: oneTimeHashFor(ctx.config.JWT_SECRET),
  });
  if (messageId) await enqueue(ctx.queues, 'mail.send', { messageId });
  return { mailed: messageId !== null };
};
