import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { mailMessages, users } from '../../schema';
import { recordAudit } from '../audit';
import { revokeUserLogins } from '../logins';
import { queueMail } from '../mail';
import { consumeOneTimeToken, createOneTimeToken } from '../tokens';
import { issueInvitation } from './invitations';

// Passwords: the current hash, a change from the profile, a forgotten password and its reset link.

export async function getPasswordHash(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/** New password from the profile page: other log-ins end, a notice is mailed. Returns the mail to enqueue. */
export async function changePassword(db: Database, input: { userId: string; keepLoginId: string; passwordHash: string; ip: string | null }): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash: input.passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, input.userId))
      .returning({ email: users.email, language: users.language });
    if (!user) return null;
    await revokeUserLogins(tx, input.userId, 'password_changed', input.keepLoginId);
    await recordAudit(tx, { actorId: input.userId, action: 'password.change', targetType: 'user', targetId: input.userId, ip: input.ip });
    return queueMail(tx, { template: 'password-changed', userId: input.userId, toAddress: user.email, language: user.language, params: {} });
  });
}

/** Forgotten password: a reset token and its mail when the address belongs to an active account; null otherwise. */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; ttlMs: number; invitationTtlMs: number; hashFor: (id: string) => string; ip: string | null; requestId: string },
): Promise<string | null> {
  const dedupeKey = `password-reset:${input.requestId}`;
  return db.transaction(async (tx) => {
    // The same request handled twice (a job retried) mails once.
    const [done] = await tx.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.dedupeKey, dedupeKey));
    if (done) return done.id;
    const [user] = await tx
      .select({ id: users.id, email: users.email, language: users.language, status: users.status })
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${input.email})`, inArray(users.status, ['active', 'invited']), isNull(users.erasedAt)))
      .for('update');
    if (!user) return null;
    // Never activated: a reset link would lead nowhere, so the invitation is sent again (the previous link stops working).
    if (user.status === 'invited') {
      const messageId = await issueInvitation(tx, { userId: user.id, email: user.email, language: user.language, actorId: null, ttlMs: input.invitationTtlMs, hashFor: input.hashFor });
      await recordAudit(tx, { actorId: null, action: 'user.resendInvitation', targetType: 'user', targetId: user.id, ip: input.ip });
      return messageId;
    }
    const tokenId = await createOneTimeToken(tx, { userId: user.id, purpose: 'password_reset', ttlMs: input.ttlMs, createdBy: null, hashFor: input.hashFor });
    await recordAudit(tx, { actorId: null, action: 'password.resetRequest', targetType: 'user', targetId: user.id, ip: input.ip });
    return queueMail(tx, { template: 'password-reset', userId: user.id, toAddress: user.email, language: user.language, params: { tokenId }, dedupeKey });
  });
}

export type ResetResult = { ok: true; userId: string; messageId: string | null } | { ok: false; reason: 'invalidToken' };

/** Sets the new password from a reset link: the token is spent, every log-in ends, a notice is mailed. */
export async function resetPassword(db: Database, input: { tokenHash: string; passwordHash: string; ip: string | null }): Promise<ResetResult> {
  return db.transaction(async (tx) => {
    const token = await consumeOneTimeToken(tx, input.tokenHash, 'password_reset');
    if (!token) return { ok: false as const, reason: 'invalidToken' as const };
    const [user] = await tx
      .update(users)
      .set({ passwordHash: input.passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.id, token.userId), eq(users.status, 'active'), isNull(users.erasedAt)))
      .returning({ email: users.email, language: users.language });
    if (!user) return { ok: false as const, reason: 'invalidToken' as const };
    await revokeUserLogins(tx, token.userId, 'password_reset');
    await recordAudit(tx, { actorId: token.userId, action: 'password.reset', targetType: 'user', targetId: token.userId, ip: input.ip });
    const messageId = await queueMail(tx, { template: 'password-changed', userId: token.userId, toAddress: user.email, language: user.language, params: {}, dedupeKey: `password-changed:${token.id}` });
    return { ok: true as const, userId: token.userId, messageId };
  });
}
