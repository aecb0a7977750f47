import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import { oneTimeTokens } from '../schema';
import { firstOrNull } from './rows';

export type TokenPurpose = 'invitation' | 'password_reset';

/**
 * Creates a one-time token row and returns its id; the token itself is
 * derived from the id with the server secret (`deriveOneTimeToken`), so the
 * caller passes `hash(derived)` computed before insert via `hashFor`.
 * Earlier unused tokens of the same purpose for the user are invalidated.
 */
export async function createOneTimeToken(
  tx: Tx | Database,
  input: { userId: string; purpose: TokenPurpose; ttlMs: number; createdBy: string | null; hashFor: (id: string) => string },
): Promise<string> {
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(oneTimeTokens.userId, input.userId), eq(oneTimeTokens.purpose, input.purpose), isNull(oneTimeTokens.usedAt)));
  const id = crypto.randomUUID();
  await tx.insert(oneTimeTokens).values({
    id,
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: input.hashFor(id),
    expiresAt: new Date(Date.now() + input.ttlMs),
    createdBy: input.createdBy,
  });
  return id;
}

/** Marks the token used and returns its user, or null when unknown, used or expired. Single use even under concurrency. */
export async function consumeOneTimeToken(tx: Tx | Database, tokenHash: string, purpose: TokenPurpose): Promise<{ id: string; userId: string } | null> {
  return firstOrNull(tx
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`)))
    .returning({ id: oneTimeTokens.id, userId: oneTimeTokens.userId }));
}

/** Whether a token is still usable (to show the right page before the user submits). */
export async function peekOneTimeToken(db: Database, tokenHash: string, purpose: TokenPurpose): Promise<{ id: string; userId: string } | null> {
  return firstOrNull(db
    .select({ id: oneTimeTokens.id, userId: oneTimeTokens.userId })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`))));
}
