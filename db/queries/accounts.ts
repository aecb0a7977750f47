import { and, asc, desc, eq, ilike, inArray, isNull, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import {
  auditLog, capturedMails, defaultEmailPreferences, establishments, mailMessages, offices, oneTimeTokens, sessions, users,
  type EmailPreferences,
} from '../schema';
import { recordAudit } from './audit';
import { queueMail } from './mail';
import { insertSession, revokeUserSessions, type SessionGrant, type SessionInput } from './sessions';
import { consumeOneTimeToken, createOneTimeToken, peekOneTimeToken, type TokenPurpose } from './tokens';
import type { Language, Role, UserStatus } from '../../common/accounts';
import { iso, isoOrNull, likePattern } from '../../common/text';


/**
 * A sort key for French names that works on any PostgreSQL (C collation,
 * PGlite without ICU): lower case with accents folded, so "Gîte" sorts before "Grotte".
 */
export const frenchSortKey = (column: SQL | AnyColumn) =>
  sql`translate(lower(${column}), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa')`;

// ---------- me ----------

const meColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, language: users.language, emailPreferences: users.emailPreferences,
  establishmentId: establishments.id, establishmentName: establishments.name, officeId: offices.id, officeName: offices.name,
};
/** The signed-in user's profile row (server/services/accounts.ts `toMe` makes the API object). */
export interface MeRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  emailPreferences: EmailPreferences;
  establishmentId: string | null;
  establishmentName: string | null;
  officeId: string | null;
  officeName: string | null;
}

export async function getMe(db: Database | Tx, userId: string): Promise<MeRow | null> {
  const [row] = await db
    .select(meColumns)
    .from(users)
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(offices, eq(offices.id, users.officeId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function updateMe(
  db: Database,
  userId: string,
  patch: { name?: string; language?: Language; emailPreferences?: Partial<EmailPreferences> },
  ip: string | null,
): Promise<MeRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ emailPreferences: users.emailPreferences }).from(users).where(eq(users.id, userId)).for('update');
    if (!current) return null;
    const emailPreferences = patch.emailPreferences ? { ...defaultEmailPreferences, ...current.emailPreferences, ...patch.emailPreferences } : undefined;
    await tx
      .update(users)
      .set({ name: patch.name, language: patch.language, emailPreferences, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    if (patch.emailPreferences) {
      // Consent changes are evidence (RGPD): keep who changed what, and when.
      await recordAudit(tx, { actorId: userId, action: 'me.emailPreferences', targetType: 'user', targetId: userId, details: { ...emailPreferences }, ip });
    }
    return getMe(tx, userId);
  });
}

export async function getPasswordHash(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/** New password from the profile page: other sessions end, a notice is mailed. Returns the mail to enqueue. */
export async function changePassword(db: Database, input: { userId: string; keepSessionId: string; passwordHash: string; ip: string | null }): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash: input.passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, input.userId))
      .returning({ email: users.email, language: users.language });
    if (!user) return null;
    await revokeUserSessions(tx, input.userId, 'password_changed', input.keepSessionId);
    await recordAudit(tx, { actorId: input.userId, action: 'password.change', targetType: 'user', targetId: input.userId, ip: input.ip });
    return queueMail(tx, { template: 'password-changed', userId: input.userId, toAddress: user.email, language: user.language, params: {} });
  });
}

// ---------- one-time tokens: invitation, password reset ----------

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

/** Sets the new password from a reset link: the token is spent, every session ends, a notice is mailed. */
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
    await revokeUserSessions(tx, token.userId, 'password_reset');
    await recordAudit(tx, { actorId: token.userId, action: 'password.reset', targetType: 'user', targetId: token.userId, ip: input.ip });
    const messageId = await queueMail(tx, { template: 'password-changed', userId: token.userId, toAddress: user.email, language: user.language, params: {}, dedupeKey: `password-changed:${token.id}` });
    return { ok: true as const, userId: token.userId, messageId };
  });
}

export type AcceptResult = { ok: true; grant: SessionGrant } | { ok: false; reason: 'invalidToken' };

/** Accepting an invitation activates the account with its first password and signs the user in. */
export async function acceptInvitation(
  db: Database,
  input: { tokenHash: string; passwordHash: string; name?: string; session: SessionInput },
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
    const sessionId = await insertSession(tx, user.id, input.session);
    await recordAudit(tx, { actorId: user.id, action: 'user.acceptInvitation', targetType: 'user', targetId: user.id, ip: input.session.ip });
    return { ok: true as const, grant: { sessionId, userId: user.id, role: user.role, language: user.language } };
  });
}

// ---------- users (staff, admin) ----------

const userItemColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, language: users.language,
  establishmentId: establishments.id, establishmentName: establishments.name, officeId: offices.id, officeName: offices.name,
  lastLoginAt: users.lastLoginAt, createdAt: users.createdAt,
};

/** A user as staff lists show it (server/services/accounts.ts `toUserListItem` makes the API object). */
export type UserItemRow = Awaited<ReturnType<ReturnType<typeof userItemQuery>['execute']>>[number];
const userItemQuery = (db: Database | Tx) =>
  db
    .select(userItemColumns)
    .from(users)
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(offices, eq(offices.id, users.officeId));

export async function getUserItem(db: Database | Tx, id: string): Promise<UserItemRow | null> {
  const [row] = await userItemQuery(db).where(and(eq(users.id, id), isNull(users.erasedAt)));
  return row ?? null;
}

export interface UserFilters {
  search?: string;
  role?: Role;
  status?: UserStatus;
  establishmentId?: string;
  page?: number;
  pageSize?: number;
}

/** Users by name, filtered; erased accounts are not listed. */
export async function listUsers(db: Database, filters: UserFilters) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const conditions: (SQL | undefined)[] = [isNull(users.erasedAt)];
  if (filters.search?.trim()) {
    const pattern = likePattern(filters.search);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.status) conditions.push(eq(users.status, filters.status));
  if (filters.establishmentId) conditions.push(eq(users.establishmentId, filters.establishmentId));
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    userItemQuery(db)
      .where(where)
      .orderBy(asc(frenchSortKey(users.name)), asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.$count(users, where),
  ]);
  return { items: rows, total, page, pageSize };
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

async function issueInvitation(tx: Tx, input: { userId: string; email: string; language: Language; actorId: string | null; ttlMs: number; hashFor: (id: string) => string }) {
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

export type UpdateUserResult =
  | { ok: true; user: UserItemRow }
  | {
      ok: false;
      reason: 'notFound' | 'cannotChangeSelf' | 'staffTargetScope' | 'roleChangeAdminOnly' | 'establishmentRequired' | 'officeRequired'
        | 'unknownEstablishment' | 'unknownOffice' | 'lastAdmin';
    };

/**
 * Status, role and attachment changes by staff or admins. Staff manage
 * partners only and never change roles; nobody changes their own role or
 * status; the last active administrator cannot be disabled or demoted.
 */
export async function updateUser(
  db: Database,
  input: {
    actor: { id: string; role: Role };
    userId: string;
    patch: { status?: 'active' | 'disabled'; role?: Role; establishmentId?: string | null; officeId?: string | null };
    ip: string | null;
  },
): Promise<UpdateUserResult> {
  const { actor, patch } = input;
  if (actor.id === input.userId && (patch.role !== undefined || patch.status !== undefined)) return { ok: false as const, reason: 'cannotChangeSelf' as const };
  return db.transaction(async (tx) => {
    const lookup = () =>
      tx
        .select({ id: users.id, role: users.role, status: users.status, establishmentId: users.establishmentId, officeId: users.officeId, hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL` })
        .from(users)
        .where(and(eq(users.id, input.userId), isNull(users.erasedAt)));
    const [peek] = await lookup();
    if (!peek) return { ok: false as const, reason: 'notFound' as const };
    // Lock the active administrators in a fixed order before the target, so that
    // two admins demoting each other at once cannot deadlock or both succeed.
    let otherActiveAdmins = 0;
    if (peek.role === 'admin') {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), isNull(users.erasedAt)))
        .orderBy(asc(users.id))
        .for('update');
      otherActiveAdmins = admins.filter((a) => a.id !== peek.id).length;
    }
    const [target] = await lookup().for('update');
    if (!target) return { ok: false as const, reason: 'notFound' as const };

    if (actor.role !== 'admin') {
      if (target.role !== 'partner') return { ok: false as const, reason: 'staffTargetScope' as const };
      if (patch.role !== undefined && patch.role !== target.role) return { ok: false as const, reason: 'roleChangeAdminOnly' as const };
    }
    const role = patch.role ?? target.role;
    const establishmentId = role === 'partner' ? (patch.establishmentId !== undefined ? patch.establishmentId : target.establishmentId) : null;
    const officeId = role === 'staff' ? (patch.officeId !== undefined ? patch.officeId : target.officeId) : null;
    if (role === 'partner' && !establishmentId) return { ok: false as const, reason: 'establishmentRequired' as const };
    if (role === 'staff' && !officeId) return { ok: false as const, reason: 'officeRequired' as const };
    if (establishmentId && establishmentId !== target.establishmentId && !(await establishmentExists(tx, establishmentId))) return { ok: false as const, reason: 'unknownEstablishment' as const };
    if (officeId && officeId !== target.officeId && !(await officeExists(tx, officeId))) return { ok: false as const, reason: 'unknownOffice' as const };

    let status: UserStatus = target.status;
    if (patch.status === 'disabled') status = 'disabled';
    // Enabling an account that never set a password puts it back to "invited", so an invitation can be re-sent.
    if (patch.status === 'active' && target.status === 'disabled') status = target.hasPassword ? 'active' : 'invited';

    if (target.role === 'admin' && target.status === 'active' && (role !== 'admin' || status !== 'active') && otherActiveAdmins === 0) {
      return { ok: false as const, reason: 'lastAdmin' as const };
    }

    await tx.update(users).set({ role, status, establishmentId, officeId, updatedAt: sql`now()` }).where(eq(users.id, target.id));
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, { actorId: actor.id, action, targetType: 'user', targetId: target.id, details, ip: input.ip });
    if (status !== target.status) {
      await audit('user.status', { from: target.status, to: status });
      if (status === 'disabled') await revokeUserSessions(tx, target.id, 'disabled');
    }
    if (role !== target.role) await audit('user.role', { from: target.role, to: role });
    if (establishmentId !== target.establishmentId || officeId !== target.officeId) {
      await audit('user.attachment', { establishmentId: { from: target.establishmentId, to: establishmentId }, officeId: { from: target.officeId, to: officeId } });
    }
    const user = await getUserItem(tx, target.id);
    return { ok: true as const, user: user! };
  });
}

async function establishmentExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: establishments.id }).from(establishments).where(eq(establishments.id, id));
  return Boolean(row);
}

async function officeExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, id));
  return Boolean(row);
}

// ---------- RGPD: export and erasure ----------

/**
 * Everything held about a user, as one JSON document. Other features add
 * their own sections here (registrations, comments, figures...).
 */
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
    const sessionRows = await tx
      .select({
        createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt,
        revokedReason: sessions.revokedReason, userAgent: sessions.userAgent, ip: sessions.ip,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt));
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
    return {
      exportedAt: new Date().toISOString(),
      profile: {
        id: profile.id, email: profile.email, name: profile.name, role: profile.role, status: profile.status, language: profile.language,
        emailPreferences: { ...defaultEmailPreferences, ...profile.emailPreferences },
        createdAt: iso(profile.createdAt), updatedAt: iso(profile.updatedAt), lastLoginAt: isoOrNull(profile.lastLoginAt), passwordChangedAt: isoOrNull(profile.passwordChangedAt),
      },
      establishment: establishment ?? null,
      office: office ?? null,
      sessions: sessionRows.map((s) => ({ ...s, createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastUsedAt), expiresAt: iso(s.expiresAt), revokedAt: isoOrNull(s.revokedAt) })),
      oneTimeTokens: tokenRows.map((t) => ({ purpose: t.purpose, createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), usedAt: isoOrNull(t.usedAt) })),
      auditLog: auditRows.map((a) => ({
        action: a.action, targetType: a.targetType, targetId: a.targetId, byThisUser: a.actorId === userId, details: a.details, ip: a.ip, createdAt: iso(a.createdAt),
      })),
      mails: mailRows.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: isoOrNull(m.sentAt) })),
    };
  });
}

export const ERASED_NAME = 'Compte supprimé';
export const erasedEmail = (id: string) => `deleted-${id}@invalid`;

/**
 * Erasure: the account is anonymised rather than deleted so that what it
 * contributed (its establishment, the establishment's figures) stays
 * consistent. Sessions, tokens and captured copies of its mail are deleted;
 * audit rows stay (they hold ids only).
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
        emailPreferences: { newsletter: false, news: false, trainings: false, documents: false }, erasedAt: sql`now()`, updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
    const mine = tx.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.userId, userId));
    await tx.delete(capturedMails).where(sql`${capturedMails.messageId} IN (${mine})`);
    // Unsent mail to the erased address must not go out; sent ones keep their trace without the address.
    await tx.update(mailMessages).set({ status: 'skipped', lastError: 'account erased' }).where(and(eq(mailMessages.userId, userId), eq(mailMessages.status, 'queued')));
    await tx.update(mailMessages).set({ toAddress: address, params: {} }).where(eq(mailMessages.userId, userId));
    await tx.update(auditLog).set({ ip: null }).where(eq(auditLog.actorId, userId));
    await recordAudit(tx, { actorId: userId, action: 'me.erase', targetType: 'user', targetId: userId, ip: null });
    return { ok: true as const };
  });
}

