import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import { auditLog, capturedMails, logins, mailMessages, oneTimeTokens } from '../../../db/schema';
import { purgeIdempotencyKeys } from '../../../db/queries/idempotency';
import type { JobHandler } from '../../jobs';

/** Retention periods stated on the « Données personnelles » page. */
export const RETENTION = { historyMonths: 12, spentLoginDays: 30, spentTokenDays: 30 };

/**
 * Daily retention purge. Deleting by age is naturally idempotent: a second
 * run finds nothing more to delete.
 */
export const purgeAccounts: JobHandler<'accounts.purge'> = async (_payload, ctx) => {
  const { db } = ctx;
  const history = sql`now() - make_interval(months => ${RETENTION.historyMonths})`;
  const loginCutoff = sql`now() - make_interval(days => ${RETENTION.spentLoginDays})`;
  const tokenCutoff = sql`now() - make_interval(days => ${RETENTION.spentTokenDays})`;
  const deleted = await db.transaction(async (tx) => {
    // Refresh tokens go with their log-in (ON DELETE CASCADE).
    const l = await tx.delete(logins).where(or(lt(logins.expiresAt, loginCutoff), and(isNotNull(logins.revokedAt), lt(logins.revokedAt, loginCutoff)))).returning({ id: logins.id });
    const t = await tx.delete(oneTimeTokens).where(or(lt(oneTimeTokens.expiresAt, tokenCutoff), and(isNotNull(oneTimeTokens.usedAt), lt(oneTimeTokens.usedAt, tokenCutoff)))).returning({ id: oneTimeTokens.id });
    const a = await tx.delete(auditLog).where(lt(auditLog.createdAt, history)).returning({ id: auditLog.id });
    const c = await tx.delete(capturedMails).where(lt(capturedMails.createdAt, history)).returning({ id: capturedMails.id });
    const m = await tx.delete(mailMessages).where(lt(mailMessages.createdAt, history)).returning({ id: mailMessages.id });
    return { logins: l.length, tokens: t.length, audit: a.length, capturedMails: c.length, mailMessages: m.length };
  });
  // Idempotency keys keep a request's answer 24 hours (server/plugins/idempotency.ts).
  const idempotencyKeys = await purgeIdempotencyKeys(db);
  ctx.log.info(`retention purge: ${JSON.stringify({ ...deleted, idempotencyKeys })}`);
  return { ...deleted, idempotencyKeys };
};
