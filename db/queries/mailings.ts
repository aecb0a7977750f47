import type { Database, Tx } from '../client';
import { mailMessages } from '../schema';

export interface QueueMailInput {
  template: string;
  userId: string | null;
  toAddress: string;
  language: 'fr' | 'en';
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
