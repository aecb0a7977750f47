import type { Database } from '../../../db/client';
import { insertCapturedMail } from '../../../db/queries/mail';
import { createTransport, type MailTransport } from '../../../emails/transport';
import type { Config } from '../../../common/config';
import { readFileSync } from 'node:fs';
import { isUuid } from '../../../common/ids';

/**
 * The worker process's mail transport: an SMTP pool when SMTP_URL is set,
 * otherwise the local outbox (captured_mails, read by admins in « Boîte d'envoi »).
 */
export function createWorkerMailTransport(config: Pick<Config, 'SMTP_URL' | 'SMTP_POOL_SIZE' | 'DKIM_DOMAIN' | 'DKIM_SELECTOR' | 'DKIM_PRIVATE_KEY'>, db: Database): MailTransport {
  const dkim = dkimOptions(config);
  return createTransport({
    smtpUrl: config.SMTP_URL,
    poolSize: config.SMTP_POOL_SIZE,
    ...(dkim ? { dkim } : {}),
    capture: async (msg) => {
      const id = await insertCapturedMail(db, {
        // Outbox rows reference their mail_messages id; newsletters (`nl-<campaign>-<row>`) have none.
        messageId: isUuid(msg.reference) ? msg.reference : null,
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

/** DKIM when the domain, selector and key are all configured; the key is PEM text or the path of a PEM file. */
export function dkimOptions(config: Pick<Config, 'DKIM_DOMAIN' | 'DKIM_SELECTOR' | 'DKIM_PRIVATE_KEY'>) {
  const { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector, DKIM_PRIVATE_KEY: key } = config;
  if (!domainName || !keySelector || !key) return null;
  const privateKey = key.includes('-----BEGIN') ? key : readFileSync(key, 'utf8');
  return { domainName, keySelector, privateKey };
}
