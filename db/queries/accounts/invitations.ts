import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { users } from '../../schema';
import { recordAudit } from '../audit';
import { insertLogin, type LoginGrant, type LoginInput } from '../logins';
import { queueMail } from '../mail';
import { consumeOneTimeToken, createOneTimeToken, peekOneTimeToken, type TokenPurpose } from '../tokens';
import type { Language, Role } from '../../../common/accounts';
import { establishmentExists, officeExists } from './users';

// Invitations: created by staff, re-sent, opened from the link, accepted (the first log-in).

/** A usable token's account, for the page the link opens (invitations only for invited accounts, resets only for active ones). */
export async function peekToken(db: Database, tokenHash: string, purpose: TokenPurpose): Promise<{ userId: string; email: string; name: string } | null> {
  const token = await peekOneTimeToken(db, tokenHash, purpose);
  if (!token) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, token.userId), eq(users.status, purpose === 'invitation' ? 'invited' : 'active'), isNull(users.erasedAt)));
  return user ? { userId: user.id, email: user.email, name: user.name } : null;
}

export type InviteResult =
  | { ok: true; userId: string; messageId: string | null }
  | { ok: false; reason: 'emailTaken' | 'unknownEstablishment' | 'unknownOffice' | 'establishmentRequired' | 'officeRequired' };

/** Creates an invited account, its invitation token and mail. The caller checked who may invite which role. */
export async function inviteUser(
  db: Database,
  input: {
    actorId: string; email: string; name: string; role: Role; establishmentId?: string | null; officeId?: string | null; language: Language;
    ttlMs: number; hashFor: (id: string) => string; ip: string | null;
  },
): Promise<InviteResult> {
  const establishmentId = input.role === 'partner' ? (input.establishmentId ?? null) : null;
  const officeId = input.role === 'staff' ? (input.officeId ?? null) : null;
  if (input.role === 'partner' && !establishmentId) return { ok: false as const, reason: 'establishmentRequired' as const };
  if (input.role === 'staff' && !officeId) return { ok: false as const, reason: 'officeRequired' as const };
  return db.transaction(async (tx) => {
    if (establishmentId && !(await establishmentExists(tx, establishmentId))) return { ok: false as const, reason: 'unknownEstablishment' as const };
    if (officeId && !(await officeExists(tx, officeId))) return { ok: false as const, reason: 'unknownOffice' as const };
    const [user] = await tx
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, establishmentId, officeId, language: input.language, status: 'invited' })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return { ok: false as const, reason: 'emailTaken' as const };
    const messageId = await issueInvitation(tx, { userId: user.id, email: input.email.toLowerCase(), language: input.language, actorId: input.actorId, ttlMs: input.ttlMs, hashFor: input.hashFor });
    await recordAudit(tx, { actorId: input.actorId, action: 'user.invite', targetType: 'user', targetId: user.id, details: { role: input.role, establishmentId, officeId }, ip: input.ip });
    return { ok: true as const, userId: user.id, messageId };
  });
}

/** An invitation token and its mail, inside the caller's transaction (also a reset request of a never-activated account). */
export async function issueInvitation(tx: Tx, input: { userId: string; email: string; language: Language; actorId: string | null; ttlMs: number; hashFor: (id: string) => string }) {
  const tokenId = await createOneTimeToken(tx, { userId: input.userId, purpose: 'invitation', ttlMs: input.ttlMs, createdBy: input.actorId, hashFor: input.hashFor });
  return queueMail(tx, { template: 'invitation', userId: input.userId, toAddress: input.email, language: input.language, params: { tokenId }, dedupeKey: `invitation:${tokenId}` });
}

export type ResendResult = { ok: true; messageId: string | null } | { ok: false; reason: 'notFound' | 'notInvited' | 'staffTargetScope' };

/** A fresh invitation link (the previous one stops working). */
export async function resendInvitation(
  db: Database,
  input: { actor: { id: string; role: Role }; userId: string; ttlMs: number; hashFor: (id: string) => string; ip: string | null },
): Promise<ResendResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, role: users.role, status: users.status, language: users.language })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.erasedAt)))
      .for('update');
    if (!user) return { ok: false as const, reason: 'notFound' as const };
    if (input.actor.role === 'staff' && user.role !== 'partner') return { ok: false as const, reason: 'staffTargetScope' as const };
    if (user.status !== 'invited') return { ok: false as const, reason: 'notInvited' as const };
    const messageId = await issueInvitation(tx, { userId: user.id, email: user.email, language: user.language, actorId: input.actor.id, ttlMs: input.ttlMs, hashFor: input.hashFor });
    await recordAudit(tx, { actorId: input.actor.id, action: 'user.resendInvitation', targetType: 'user', targetId: user.id, ip: input.ip });
    return { ok: true as const, messageId };
  });
}

export type AcceptResult = { ok: true; grant: LoginGrant } | { ok: false; reason: 'invalidToken' };

/** Accepting an invitation activates the account with its first password and signs the user in. */
export async function acceptInvitation(
  db: Database,
  input: { tokenHash: string; passwordHash: string; name?: string; login: LoginInput },
): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const token = await consumeOneTimeToken(tx, input.tokenHash, 'invitation');
    if (!token) return { ok: false as const, reason: 'invalidToken' as const };
    const [user] = await tx
      .update(users)
      .set({
        status: 'active', passwordHash: input.passwordHash, passwordChangedAt: sql`now()`, lastLoginAt: sql`now()`, updatedAt: sql`now()`,
        ...(input.name ? { name: input.name } : {}),
      })
      .where(and(eq(users.id, token.userId), eq(users.status, 'invited'), isNull(users.erasedAt)))
      .returning({ id: users.id, role: users.role, language: users.language });
    if (!user) return { ok: false as const, reason: 'invalidToken' as const };
    const loginId = await insertLogin(tx, user.id, input.login);
    await recordAudit(tx, { actorId: user.id, action: 'user.acceptInvitation', targetType: 'user', targetId: user.id, ip: input.login.ip });
    return { ok: true as const, grant: { loginId, userId: user.id, role: user.role, language: user.language } };
  });
}
