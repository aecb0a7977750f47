import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { idempotencyKeys } from '../schema';

/** How long an answer is kept for its key (the IETF draft leaves it to the server; 24 h as Stripe). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A key whose first request has run this long without an answer is taken to be abandoned (process stopped mid-request). */
export const IDEMPOTENCY_ABANDONED_SECONDS = 60;

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; contentType: string | null; body: string }
  | { kind: 'inProgress' }
  | { kind: 'mismatch' };

/**
 * Takes a key for a request, or tells what became of the first request with
 * it. A key past its 24 hours, or left without an answer for a minute, is
 * taken again as if new.
 */
export async function claimIdempotencyKey(db: Database, input: { userId: string; key: string; fingerprint: string }): Promise<IdempotencyClaim> {
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ userId: input.userId, key: input.key, fingerprint: input.fingerprint })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { fingerprint: input.fingerprint, status: null, contentType: null, body: null, createdAt: sql`now()` },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
        or (${idempotencyKeys.status} is null and ${idempotencyKeys.createdAt} < now() - make_interval(secs => ${IDEMPOTENCY_ABANDONED_SECONDS}))`,
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed) return { kind: 'claimed' };
  const [row] = await db
    .select({ fingerprint: idempotencyKeys.fingerprint, status: idempotencyKeys.status, contentType: idempotencyKeys.contentType, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, input.userId), eq(idempotencyKeys.key, input.key)));
  // Deleted between the two statements (the first request failed): the caller may try again.
  if (!row) return { kind: 'inProgress' };
  if (row.fingerprint !== input.fingerprint) return { kind: 'mismatch' };
  if (row.status === null || row.body === null) return { kind: 'inProgress' };
  return { kind: 'replay', status: row.status, contentType: row.contentType, body: row.body };
}

/** Records the answer of the request that holds the key. */
export async function completeIdempotencyKey(db: Database, input: { userId: string; key: string; status: number; contentType: string | null; body: string }): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status: input.status, contentType: input.contentType, body: input.body })
    .where(and(eq(idempotencyKeys.userId, input.userId), eq(idempotencyKeys.key, input.key), sql`${idempotencyKeys.status} is null`));
}

/** Frees a key whose request did not succeed: repeating it runs it again. */
export async function releaseIdempotencyKey(db: Database, input: { userId: string; key: string }): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, input.userId), eq(idempotencyKeys.key, input.key), sql`${idempotencyKeys.status} is null`));
}

/** Retention: answers past their 24 hours. */
export async function purgeIdempotencyKeys(db: Database): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`)
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
