import type { Database } from '../../../db/client';
import { insertCapturedMail } from '../../../db/queries/mail';
import { createTransport, type MailTransport } from '../../../emails/transport';
import type { Config } from '../../../common/config';

/**
 * The worker process's mail transport: an SMTP pool when SMTP_URL is set,
 * otherwise the local outbox (captured_mails, read by admins in « Boîte d'envoi »).
 */
export function createWorkerMailTransport(config: Pick<Config, 'SMTP_URL' | 'SMTP_POOL_SIZE'>, db: Database): MailTransport {
  return createTransport({
    smtpUrl: config.SMTP_URL,
    poolSize: config.SMTP_POOL_SIZE,
    capture: async (msg) => {
      const id = await insertCapturedMail(db, {
        messageId: msg.reference,
        toAddress: msg.to,
        subject: msg.subject,
        html: msg.html,
        text: msg.text,
        headers: msg.headers,
      });
      return `captured:${id}`;
    },
  });
}
