import { UnrecoverableError } from 'bullmq';
import { claimMailMessage, markMailFailed, markMailSent, markMailSkipped } from '../../../db/queries/mail';
import { render } from '../../../emails/render';
import type { JobHandler } from '../../jobs';
import { compose } from './compose';
import { isUuid } from '../../../common/ids';

export type SendMailResult =
  | { skipped: true; reason: 'not-claimable' | 'not-applicable' }
  | { sent: true; providerMessageId: string };

/**
 * Sends one outbox row. The row is claimed first (one UPDATE … RETURNING), so
 * a job delivered twice, or two jobs for the same row, send one mail; the
 * content is rebuilt from the database, so a mail that no longer applies
 * (token used or expired) is skipped. Errors mark the row 'failed' and
 * rethrow: BullMQ retries with exponential backoff, and the retry may claim
 * a 'failed' row again.
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
    await markMailFailed(ctx.db, message.id, text).catch((e: unknown) => ctx.log.error(`mail ${message.id}: could not record the failure: ${String(e)}`));
    throw err;
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
