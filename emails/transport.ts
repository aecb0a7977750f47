import nodemailer, { type SendMailOptions } from 'nodemailer';

/** A hung SMTP server must fail the attempt (and let the job retry), not hold it forever. */
const SMTP_TIMEOUTS_MS = { connection: 30_000, greeting: 30_000, socket: 60_000 } as const;

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
  /** Inline parts (e.g. images referenced by `cid:`) or ordinary attachments (.ics, PDF). */
  contentDisposition?: 'attachment' | 'inline';
  cid?: string;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  /** Plain-text alternative; required: every message has one. */
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /**
   * The caller's id for this message (mail_messages.id). It makes the
   * Message-ID stable (`<reference@sender-domain>`), so that a message sent
   * again after a crash can be recognised as the same one, and it is handed
   * to `capture`.
   */
  reference?: string;
}

/** A message built by nodemailer (same MIME as over SMTP), handed to `capture` instead of being sent. */
export interface CapturedMessage {
  reference: string | null;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string | null; size: number }[];
  /** The complete RFC 5322 message. */
  raw: Buffer;
}

export interface TransportOptions {
  /** smtp:// or smtps:// URL; when absent, messages are built and handed to `capture`. */
  smtpUrl?: string;
  /** Simultaneous SMTP connections. */
  poolSize: number;
  /** Stores a message when there is no SMTP server; returns its id (the message's provider id). */
  capture?: (msg: CapturedMessage) => Promise<string>;
  /** DKIM-signs every message (nodemailer's `dkim` option) when given. */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

export interface MailTransport {
  readonly mode: 'smtp' | 'capture';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/**
 * One transport per process: an SMTP connection pool, or, with no SMTP
 * server, nodemailer's stream transport building the real MIME message that
 * `capture` stores (the local outbox).
 */
export function createTransport(options: TransportOptions): MailTransport {
  if (options.smtpUrl) {
    const pool = nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: options.poolSize,
      connectionTimeout: SMTP_TIMEOUTS_MS.connection,
      greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
      socketTimeout: SMTP_TIMEOUTS_MS.socket,
      ...(options.dkim ? { dkim: options.dkim } : {}),
    });
    return {
      mode: 'smtp',
      async send(mail) {
        const info = await pool.sendMail(toNodemailer(mail));
        return { messageId: String(info.messageId ?? '') };
      },
      async close() {
        pool.close();
      },
    };
  }

  const capture = options.capture;
  if (!capture) throw new Error('createTransport: give smtpUrl, or a capture function for the local outbox');
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix', ...(options.dkim ? { dkim: options.dkim } : {}) });
  return {
    mode: 'capture',
    async send(mail) {
      const info = await builder.sendMail(toNodemailer(mail));
      const messageId = String(info.messageId ?? '');
      const id = await capture({
        reference: mail.reference ?? null,
        messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: { ...(mail.headers ?? {}), 'Message-ID': messageId },
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType ?? null,
          size: typeof a.content === 'string' ? Buffer.byteLength(a.content) : a.content.length,
        })),
        raw: info.message as Buffer,
      });
      return { messageId: id };
    },
    async close() {
      builder.close();
    },
  };
}

function toNodemailer(mail: OutgoingMail): SendMailOptions {
  if (!mail.text) throw new Error('Every message needs a plain-text part');
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
    attachments: mail.attachments,
    ...(mail.reference ? { messageId: `<${mail.reference}@${senderDomain(mail.from)}>` } : {}),
  };
}

/** The domain of the From address ("Name <a@b.c>" -> "b.c"), for Message-IDs. */
function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'espace-pro.invalid';
}
