import { and, asc, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import { capturedMails, mailMessages } from '../schema';
import type { Language } from '../../common/accounts';

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

/** A claim older than this is considered abandoned (worker crashed mid-send) and may be taken again. */
export const STALE_CLAIM_MINUTES = 10;
const staleClaim = sql`now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`;

export type ClaimedMail = Pick<typeof mailMessages.$inferSelect, 'id' | 'template' | 'userId' | 'toAddress' | 'language' | 'params' | 'attempts' | 'createdAt'>;

/**
 * Takes a message for sending, atomically: only one caller gets the row
 * (queued or failed, or a stale 'sending' claim), so a job run twice sends once.
 */
export async function claimMailMessage(db: Database, id: string): Promise<ClaimedMail | null> {
  const [row] = await db
    .update(mailMessages)
    .set({ status: 'sending', claimedAt: sql`now()`, attempts: sql`${mailMessages.attempts} + 1` })
    .where(and(
      eq(mailMessages.id, id),
      or(
        inArray(mailMessages.status, ['queued', 'failed']),
        and(eq(mailMessages.status, 'sending'), lt(mailMessages.claimedAt, staleClaim)),
      ),
    ))
    .returning({
      id: mailMessages.id, template: mailMessages.template, userId: mailMessages.userId, toAddress: mailMessages.toAddress,
      language: mailMessages.language, params: mailMessages.params, attempts: mailMessages.attempts, createdAt: mailMessages.createdAt,
    });
  return row ?? null;
}

export async function markMailSent(db: Database, id: string, providerMessageId: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'sent', sentAt: sql`now()`, providerMessageId, lastError: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
}

/** The message no longer applies (token used or expired, user gone...): never sent. */
export async function markMailSkipped(db: Database, id: string, reason: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'skipped', lastError: reason.slice(0, 1000) })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
}

export async function markMailFailed(db: Database, id: string, error: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'failed', lastError: error.slice(0, 1000) })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'sending')));
}

/**
 * Messages whose job may have been lost: still 'queued' some time after
 * they were written, or claimed by a worker that never finished. Oldest first, bounded.
 */
export async function listMailsToSweep(db: Database, options: { queuedForSeconds: number; limit: number }): Promise<{ id: string; status: 'queued' | 'sending'; attempts: number }[]> {
  const rows = await db
    .select({ id: mailMessages.id, status: mailMessages.status, attempts: mailMessages.attempts })
    .from(mailMessages)
    .where(or(
      and(eq(mailMessages.status, 'queued'), lt(mailMessages.createdAt, sql`now() - make_interval(secs => ${options.queuedForSeconds})`)),
      and(eq(mailMessages.status, 'sending'), lt(mailMessages.claimedAt, staleClaim)),
    ))
    .orderBy(asc(mailMessages.createdAt))
    .limit(options.limit);
  return rows as { id: string; status: 'queued' | 'sending'; attempts: number }[];
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

export async function listCapturedMails(db: Database, options: { page: number; pageSize: number }) {
  const [items, [total]] = await Promise.all([
    db
      .select({ id: capturedMails.id, toAddress: capturedMails.toAddress, subject: capturedMails.subject, createdAt: capturedMails.createdAt })
      .from(capturedMails)
      .orderBy(desc(capturedMails.createdAt), desc(capturedMails.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ value: count() }).from(capturedMails),
  ]);
  return { items, total: total?.value ?? 0 };
}

export async function getCapturedMail(db: Database, id: string) {
  const [row] = await db
    .select({ id: capturedMails.id, toAddress: capturedMails.toAddress, subject: capturedMails.subject, html: capturedMails.html, text: capturedMails.text, createdAt: capturedMails.createdAt })
    .from(capturedMails)
    .where(eq(capturedMails.id, id));
  return row ?? null;
}
