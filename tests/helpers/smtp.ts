import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
}

/** A real SMTP server (smtp-server) that keeps every message it receives. */
export async function startSmtpCapture() {
  const messages: CapturedMail[] = [];
  let rejecting = 0;
  let refusing: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing) return callback(Object.assign(new Error(refusing.message), { responseCode: refusing.code }));
        if (rejecting > 0) {
          rejecting--;
          return callback(Object.assign(new Error('Temporary local problem, try again later (test)'), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = decodeSubject(/^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? '');
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, subject });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The next `count` messages are refused with a temporary 451 error (to test retries). */
    rejectNext(count = 1) {
      rejecting += count;
    },
    /** Every message is refused with this SMTP code until called again with null (451: temporary, 550: permanent). */
    refuseAll(code: 451 | 550 | null) {
      refusing = code === null ? null : { code, message: code === 451 ? 'Greylisted, try again later (test)' : 'Mailbox unavailable (test)' };
    },
    /** Waits until `count` messages match, then a little longer to catch duplicates. */
    async waitFor(predicate: (m: CapturedMail) => boolean, count = 1, timeoutMs = 10_000): Promise<CapturedMail[]> {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        const found = messages.filter(predicate);
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`Timed out waiting for ${count} mail(s); got ${messages.filter(predicate).length}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;

/** Decodes RFC 2047 encoded-words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
export function decodeSubject(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}
