import { and, asc, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../client';
import { capturedMails, mailMessages } from '../schema';
import type { Language } from '../../common/accounts';
import { MAIL_MAX_ATTEMPTS, MAIL_RETRY_DELAYS_SECONDS } from '../../common/mail';
import { firstOrNull } from './rows';

export interface QueueMailInput {
  template: string;
  userId: string | null;
  toAddress: string;
  language: Language;
  params?: Record<string, string | number | boolean | null>;
  /** One message per key: a second call with the same key returns nothing. */
  dedupeKey?: string;
}

/**
 * Records a message in the outbox, inside the caller's transaction. The
 * caller enqueues `mail.send` for the returned ids after commit.
 */
export async function queueMail(tx: Tx | Database, input: QueueMailInput): Promise<string | null> {
  const [row] = await tx
    .insert(mailMessages)
    .values({ template: input.template, userId: input.userId, toAddress: input.toAddress, language: input.language, params: input.params ?? {}, dedupeKey: input.dedupeKey ?? null })
    .onConflictDoNothing({ target: mailMessages.dedupeKey })
    .returning({ id: mailMessages.id });
  return row?.id ?? null;
}

/** Who a mail goes to. */
export interface MailRecipient {
  id: string;
  email: string;
  language: Language;
}

/**
 * One mail of `template` about `subjectId` to each recipient `wanted` keeps,
 * once per person: the dedupe key `template:subjectId:userId` makes a second
 * run queue nothing. Returns the ids of the mails queued, to send.
 */
export async function queueMailToEach<R extends MailRecipient>(
  tx: Tx | Database,
  recipients: R[],
  mail: { template: string; subjectId: string; params: QueueMailInput['params'] },
  wanted: (recipient: R) => boolean | Promise<boolean>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const r of recipients) {
    if (!(await wanted(r))) continue;
    const id = await queueMail(tx, {
      template: mail.template, userId: r.id, toAddress: r.email, language: r.language,
      params: mail.params, dedupeKey: `${mail.template}:${mail.subjectId}:${r.id}`,
    });
    if (id) ids.push(id);
  }
  return ids;
}

/** A claim older than this is considered abandoned (worker crashed mid-send) and may be taken again. */
export const STALE_CLAIM_MINUTES = 10;
const staleClaim = sql`now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`;

export type ClaimedMail = Pick<typeof mailMessages.$inferSelect, 'id' | 'template' | 'userId' | 'toAddress' | 'language' | 'params' | 'attempts' | 'createdAt'>;

/** A 'failed' row whose next attempt is due. */
const dueRetry = and(eq(mailMessages.status, 'failed'), lte(mailMessages.nextAttemptAt, sql`now()`));

/**
 * Takes a message for sending, atomically: only one caller gets the row
 * (queued, failed and due again, or a stale 'sending' claim), so a job run twice sends once.
 */
export async function claimMailMessage(db: Database, id: string): Promise<ClaimedMail | null> {
  return firstOrNull(db
    .update(mailMessages)
    .set({ status: 'sending', claimedAt: sql`now()`, attempts: sql`${mailMessages.attempts} + 1` })
    .where(and(
      eq(mailMessages.id, id),
      or(
        eq(mailMessages.status, 'queued'),
        dueRetry,
        and(eq(mailMessages.status, 'sending'), lt(mailMessages.claimedAt, staleClaim)),
      ),
    ))
    .returning({
      id: mailMessages.id, template: mailMessages.template, userId: mailMessages.userId, toAddress: mailMessages.toAddress,
      language: mailMessages.language, params: mailMessages.params, attempts: mailMessages.attempts, createdAt: mailMessages.createdAt,
    }));
}

export async function markMailSent(db: Database, id: string, providerMessageId: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'sent', sentAt: sql`now()`, providerMessageId, lastError: null, nextAttemptAt: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
}

/** The message no longer applies (token used or expired, user gone...): never sent. */
export async function markMailSkipped(db: Database, id: string, reason: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'skipped', lastError: reason.slice(0, 1000) })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
}

export type MailFailure = 'temporary' | 'permanent' | 'refused';

/**
 * Records a failed attempt. temporary: retried after the next delay of
 * MAIL_RETRY_DELAYS_SECONDS (given up once MAIL_MAX_ATTEMPTS are made);
 * permanent: a fault of ours (unknown template, bad params), not retried;
 * refused: the SMTP server refused the mail for good (5xx), status 'refused'.
 * Returns when the next attempt is due, or null when none will be made.
 */
export async function markMailFailed(db: Database, id: string, error: string, kind: MailFailure = 'permanent'): Promise<{ nextAttemptAt: Date | null }> {
  const [row] = await db
    .select({ attempts: mailMessages.attempts })
    .from(mailMessages)
    .where(eq(mailMessages.id, id));
  const attempts = row?.attempts ?? MAIL_MAX_ATTEMPTS;
  const retry = kind === 'temporary' && attempts < MAIL_MAX_ATTEMPTS;
  const delay = MAIL_RETRY_DELAYS_SECONDS[Math.min(Math.max(attempts, 1), MAIL_RETRY_DELAYS_SECONDS.length) - 1]!;
  const lastError = (kind === 'temporary' && !retry ? `gave up after ${attempts} attempts: ${error}` : error).slice(0, 1000);
  const [updated] = await db
    .update(mailMessages)
    .set({
      status: kind === 'refused' ? 'refused' : 'failed',
      lastError,
      nextAttemptAt: retry ? sql`now() + make_interval(secs => ${delay})` : null,
    })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')))
    .returning({ nextAttemptAt: mailMessages.nextAttemptAt });
  return { nextAttemptAt: updated?.nextAttemptAt ?? null };
}

/**
 * Messages that need a job: still 'queued' some time after they were
 * written (job lost), failed and due again, or claimed by a worker that
 * never finished. Oldest first, bounded.
 */
export async function listMailsToSweep(db: Database, options: { queuedForSeconds: number; limit: number }): Promise<{ id: string; status: 'queued' | 'sending' | 'failed'; attempts: number }[]> {
  const rows = await db
    .select({ id: mailMessages.id, status: mailMessages.status, attempts: mailMessages.attempts })
    .from(mailMessages)
    .where(or(
      and(eq(mailMessages.status, 'queued'), lt(mailMessages.createdAt, sql`now() - make_interval(secs => ${options.queuedForSeconds})`)),
      dueRetry,
      and(eq(mailMessages.status, 'sending'), lt(mailMessages.claimedAt, staleClaim)),
    ))
    .orderBy(asc(mailMessages.createdAt))
    .limit(options.limit);
  return rows as { id: string; status: 'queued' | 'sending' | 'failed'; attempts: number }[];
}

export interface CapturedMailInput {
  messageId: string | null;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** The local outbox (no SMTP server configured): the mail is stored for admins to read. */
export async function insertCapturedMail(db: Database, input: CapturedMailInput): Promise<string> {
  const [row] = await db.insert(capturedMails).values(input).returning({ id: capturedMails.id });
  return row!.id;
}

/**
 * A page of one of the admin's mail lists (the local outbox, the deliveries):
 * newest first, the id breaking ties, with the whole table's count.
 */
async function newestFirstPage<T extends PgSelect>(
  db: Database, rows: T, table: typeof capturedMails | typeof mailMessages, options: { page: number; pageSize: number },
) {
  const [items, total] = await Promise.all([
    rows.orderBy(desc(table.createdAt), desc(table.id)).limit(options.pageSize).offset((options.page - 1) * options.pageSize),
    db.$count(table),
  ]);
  return { items, total };
}

export async function listCapturedMails(db: Database, options: { page: number; pageSize: number }) {
  const rows = db
    .select({ id: capturedMails.id, toAddress: capturedMails.toAddress, subject: capturedMails.subject, createdAt: capturedMails.createdAt })
    .from(capturedMails);
  return newestFirstPage(db, rows.$dynamic(), capturedMails, options);
}

export async function getCapturedMail(db: Database, id: string) {
  return firstOrNull(db
    .select({ id: capturedMails.id, toAddress: capturedMails.toAddress, subject: capturedMails.subject, html: capturedMails.html, text: capturedMails.text, createdAt: capturedMails.createdAt })
    .from(capturedMails)
    .where(eq(capturedMails.id, id)));
}

/** The outbox rows, newest first, with their delivery state (admin view). */
export async function listMailDeliveries(db: Database, options: { page: number; pageSize: number }) {
  const rows = db
    .select({
      id: mailMessages.id, template: mailMessages.template, toAddress: mailMessages.toAddress, status: mailMessages.status,
      attempts: mailMessages.attempts, nextAttemptAt: mailMessages.nextAttemptAt, lastError: mailMessages.lastError,
      createdAt: mailMessages.createdAt, sentAt: mailMessages.sentAt,
    })
    .from(mailMessages);
  return newestFirstPage(db, rows.$dynamic(), mailMessages, options);
}
