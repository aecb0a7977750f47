import { and, asc, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { auditLog, capturedMails, establishments, idempotencyKeys, logins, mailMessages, offices, oneTimeTokens, users } from '../../schema';
import { recordAudit } from '../audit';

// RGPD, accounts part: what is held about a person, and the erasure of the account.

/**
 * Everything the accounts feature holds about a user, as rows (null when the
 * account is gone); the export is recorded in the audit trail.
 * server/services/accounts/personal-data.ts `toAccountsExport` makes the
 * sections of the export.
 */
export type AccountsExportRows = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;
export async function exportUserData(db: Database, userId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({
        id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, language: users.language,
        emailPreferences: users.emailPreferences, establishmentId: users.establishmentId, officeId: users.officeId,
        createdAt: users.createdAt, updatedAt: users.updatedAt, lastLoginAt: users.lastLoginAt, passwordChangedAt: users.passwordChangedAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!profile) return null;
    const [establishment] = profile.establishmentId
      ? await tx
          .select({
            id: establishments.id, name: establishments.name, category: establishments.category, subcategory: establishments.subcategory,
            communeInsee: establishments.communeInsee, address: establishments.address, phone: establishments.phone, email: establishments.email,
            website: establishments.website, description: establishments.description, labels: establishments.labels,
            membershipYear: establishments.membershipYear, status: establishments.status,
          })
          .from(establishments)
          .where(eq(establishments.id, profile.establishmentId))
      : [];
    const [office] = profile.officeId
      ? await tx.select({ id: offices.id, name: offices.name }).from(offices).where(eq(offices.id, profile.officeId))
      : [];
    const loginRows = await tx
      .select({
        createdAt: logins.createdAt, lastUsedAt: logins.lastUsedAt, expiresAt: logins.expiresAt, revokedAt: logins.revokedAt,
        revokedReason: logins.revokedReason, userAgent: logins.userAgent, ip: logins.ip,
      })
      .from(logins)
      .where(eq(logins.userId, userId))
      .orderBy(desc(logins.createdAt));
    const tokenRows = await tx
      .select({ purpose: oneTimeTokens.purpose, createdAt: oneTimeTokens.createdAt, expiresAt: oneTimeTokens.expiresAt, usedAt: oneTimeTokens.usedAt })
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, userId))
      .orderBy(desc(oneTimeTokens.createdAt));
    const auditRows = await tx
      .select({
        action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, actorId: auditLog.actorId,
        details: auditLog.details, ip: auditLog.ip, createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(or(eq(auditLog.actorId, userId), and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId))))
      .orderBy(desc(auditLog.id));
    const mailRows = await tx
      .select({ template: mailMessages.template, toAddress: mailMessages.toAddress, status: mailMessages.status, createdAt: mailMessages.createdAt, sentAt: mailMessages.sentAt })
      .from(mailMessages)
      .where(eq(mailMessages.userId, userId))
      .orderBy(desc(mailMessages.createdAt));
    await recordAudit(tx, { actorId: userId, action: 'me.export', targetType: 'user', targetId: userId, ip });
    return { profile, establishment: establishment ?? null, office: office ?? null, logins: loginRows, oneTimeTokens: tokenRows, auditLog: auditRows, mails: mailRows };
  });
}

/**
 * An account's address, read before the export or erasure's parts run; null
 * when the account is gone or already erased (its anonymised row is nobody's
 * data to export). Locked for an erasure.
 */
export async function subjectAddress(tx: Tx, userId: string, options: { lock: boolean }): Promise<string | null> {
  const query = tx.select({ email: users.email }).from(users).where(and(eq(users.id, userId), isNull(users.erasedAt)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row?.email ?? null;
}

export const ERASED_NAME = 'Compte supprimé';
export const erasedEmail = (id: string) => `deleted-${id}@invalid`;

/**
 * Erasure: the account is anonymised rather than deleted so that what it
 * contributed (its establishment, the establishment's figures) stays
 * consistent. Log-ins, tokens, replayable answers (idempotency keys: their
 * bodies are the person's records) and captured copies of its mail are
 * deleted; audit rows stay (they hold ids only) without the IP of what the
 * person did, nor of what was done about the account by no one signed in (a
 * reset asked while signed out came from the person's connection). An
 * administrator's own IP on what they did to the account stays: it is theirs.
 */
export async function eraseUser(db: Database, userId: string, ip: string | null): Promise<{ ok: true } | { ok: false; reason: 'lastAdmin' | 'notFound' }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, role: users.role, status: users.status }).from(users).where(and(eq(users.id, userId), isNull(users.erasedAt)));
    if (!user) return { ok: false as const, reason: 'notFound' as const };
    if (user.role === 'admin') {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), isNull(users.erasedAt), ne(users.id, userId)))
        .orderBy(asc(users.id))
        .for('update');
      if (admins.length === 0) return { ok: false as const, reason: 'lastAdmin' as const };
    }
    const address = erasedEmail(userId);
    await tx
      .update(users)
      .set({
        name: ERASED_NAME, email: address, passwordHash: null, status: 'disabled', establishmentId: null, officeId: null,
        emailPreferences: { newsletter: false, news: false, trainings: false, documents: false, figures: false }, erasedAt: sql`now()`, updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await tx.delete(logins).where(eq(logins.userId, userId));
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
    const mine = tx.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.userId, userId));
    await tx.delete(capturedMails).where(sql`${capturedMails.messageId} IN (${mine})`);
    // Unsent mail to the erased address must not go out; sent ones keep their trace without the address.
    await tx.update(mailMessages).set({ status: 'skipped', lastError: 'account erased' }).where(and(eq(mailMessages.userId, userId), eq(mailMessages.status, 'queued')));
    await tx.update(mailMessages).set({ toAddress: address, params: {} }).where(eq(mailMessages.userId, userId));
    await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    await tx.update(auditLog).set({ ip: null }).where(or(
      eq(auditLog.actorId, userId),
      and(isNull(auditLog.actorId), eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId)),
    ));
    await recordAudit(tx, { actorId: userId, action: 'me.erase', targetType: 'user', targetId: userId, ip: null });
    return { ok: true as const };
  });
}
