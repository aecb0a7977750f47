import { UnrecoverableError } from 'bullmq';
import { claimMailMessage, markMailFailed, markMailSent, markMailSkipped } from '../../../db/queries/mail';
import { render } from '../../../emails/render';
import type { JobHandler } from '../../jobs';
import { compose } from './compose';
import { isUuid } from '../../../common/ids';
import { classifyMailError } from './errors';

export { classifyMailError };

export type SendMailResult =
  | { skipped: true; reason: 'not-claimable' | 'not-applicable' }
  | { sent: true; providerMessageId: string }
  | { failed: true; refused: boolean; nextAttemptAt: Date | null };

/**
 * Sends one outbox row. The row is claimed first (one UPDATE … RETURNING), so
 * a job delivered twice, or two jobs for the same row, send one mail; the
 * content is rebuilt from the database, so a mail that no longer applies
 * (token used or expired) is skipped. PostgreSQL owns the retry schedule:
 * a temporary failure marks the row 'failed' with its next_attempt_at (the
 * mail sweeper re-enqueues it when due, whatever happened to Redis), a 5xx
 * refusal marks it 'refused' for good; the job itself completes. Only our own
 * faults (UnrecoverableError) and a failure to record the outcome are rethrown.
 */
export const sendMail: JobHandler<'mail.send'> = async (payload, ctx): Promise<SendMailResult> => {
  const messageId = (payload as { messageId?: unknown } | null)?.messageId;
  if (!isUuid(messageId)) throw new UnrecoverableError('mail.send: payload.messageId must be a uuid');

  const message = await claimMailMessage(ctx.db, messageId);
  if (!message) return { skipped: true, reason: 'not-claimable' };

  let providerMessageId: string;
  try {
    const composed = await compose(ctx.db, { config: ctx.config, message });
    if (!composed) {
      await markMailSkipped(ctx.db, message.id, 'no longer applies (token used or expired, or account changed)');
      ctx.log.info(`mail ${message.id} (${message.template}) skipped: no longer applies`);
      return { skipped: true, reason: 'not-applicable' };
    }
    const rendered = await render(composed.template, composed.props, message.language);
    ({ messageId: providerMessageId } = await ctx.mailTransport().send({
      from: ctx.config.MAIL_FROM,
      to: message.toAddress,
      subject: rendered.subject,
      html: rendered.html,
      ...(composed.attachments ? { attachments: composed.attachments } : {}),
      text: rendered.text,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': message.language },
      reference: message.id,
    }));
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const kind = classifyMailError(err);
    let outcome: { nextAttemptAt: Date | null };
    try {
      outcome = await markMailFailed(ctx.db, message.id, text, kind);
    } catch (e) {
      // The row stays 'sending': the sweeper takes it again once the claim is stale.
      ctx.log.error(`mail ${message.id}: could not record the failure: ${String(e)}`);
      throw err;
    }
    if (kind === 'permanent') throw err;
    ctx.log.warn(
      kind === 'refused'
        ? `mail ${message.id} (${message.template}) refused by the SMTP server: ${text}`
        : `mail ${message.id} (${message.template}) failed (${text}); ${outcome.nextAttemptAt ? `next attempt at ${outcome.nextAttemptAt.toISOString()}` : 'given up'}`,
    );
    return { failed: true, refused: kind === 'refused', nextAttemptAt: outcome.nextAttemptAt };
  }

  // Sent: from here on, never rethrow (a retry would find the row claimed and
  // skip anyway). Retry the bookkeeping a few times on a database hiccup.
  for (let attempt = 1; ; attempt++) {
    try {
      await markMailSent(ctx.db, message.id, providerMessageId);
      break;
    } catch (err) {
      if (attempt >= 3) {
        ctx.log.error(`mail ${message.id} was sent but could not be marked sent: ${String(err)}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
  return { sent: true, providerMessageId };
};
