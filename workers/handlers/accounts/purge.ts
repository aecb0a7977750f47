import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import { auditLog, capturedMails, mailMessages, oneTimeTokens, sessions } from '../../../db/schema';
import { purgeIdempotencyKeys } from '../../../db/queries/idempotency';
import type { JobHandler } from '../../jobs';

/** Retention periods stated on the « Données personnelles » page. */
export const RETENTION = { historyMonths: 12, spentSessionDays: 30, spentTokenDays: 30 };

/**
 * Daily retention purge. Deleting by age is naturally idempotent: a second
 * run finds nothing more to delete.
 */
export const purgeAccounts: JobHandler<'accounts.purge'> = async (_payload, ctx) => {
  const { db } = ctx;
  const history = sql`now() - make_interval(months => ${RETENTION.historyMonths})`;
  const sessionCutoff = sql`now() - make_interval(days => ${RETENTION.spentSessionDays})`;
  const tokenCutoff = sql`now() - make_interval(days => ${RETENTION.spentTokenDays})`;
  const deleted = await db.transaction(async (tx) => {
    // Refresh tokens go with their session (ON DELETE CASCADE).
    const s = await tx.delete(sessions).where(or(lt(sessions.expiresAt, sessionCutoff), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, sessionCutoff)))).returning({ id: sessions.id });
    const t = await tx.delete(oneTimeTokens).where(or(lt(oneTimeTokens.expiresAt, tokenCutoff), and(isNotNull(oneTimeTokens.usedAt), lt(oneTimeTokens.usedAt, tokenCutoff)))).returning({ id: oneTimeTokens.id });
    const a = await tx.delete(auditLog).where(lt(auditLog.createdAt, history)).returning({ id: auditLog.id });
    const c = await tx.delete(capturedMails).where(lt(capturedMails.createdAt, history)).returning({ id: capturedMails.id });
    const m = await tx.delete(mailMessages).where(lt(mailMessages.createdAt, history)).returning({ id: mailMessages.id });
    return { sessions: s.length, tokens: t.length, audit: a.length, capturedMails: c.length, mailMessages: m.length };
  });
  // Idempotency keys keep a request's answer 24 hours (server/plugins/idempotency.ts).
  const idempotencyKeys = await purgeIdempotencyKeys(db);
  ctx.log.info(`retention purge: ${JSON.stringify({ ...deleted, idempotencyKeys })}`);
  return { ...deleted, idempotencyKeys };
};
