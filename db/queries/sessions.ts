import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import { refreshTokens, sessions, users } from '../schema';
import { cleanIp, recordAudit } from './audit';
import type { Language } from '../../common/accounts';
import type { Role } from '../../common/roles';

export interface SessionInput {
  userAgent: string | null;
  ip: string | null;
  /** Hash of the first refresh token (the token itself goes only into the cookie). */
  refreshHash: string;
  ttlMs: number;
}

/** What the api needs to sign an access token for a session. */
export interface SessionGrant {
  sessionId: string;
  userId: string;
  role: Role;
  language: Language;
}

/** Inserts a session and its first refresh token, inside the caller's transaction. */
export async function insertSession(tx: Tx, userId: string, input: SessionInput): Promise<string> {
  const [session] = await tx
    .insert(sessions)
    .values({
      userId,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: cleanIp(input.ip),
      expiresAt: new Date(Date.now() + input.ttlMs),
    })
    .returning({ id: sessions.id });
  await tx.insert(refreshTokens).values({ tokenHash: input.refreshHash, sessionId: session!.id });
  return session!.id;
}

/** The account a log-in attempt names (any status: the caller answers the same way for all failures). */
export async function findLoginCandidate(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.erasedAt)));
  return row ?? null;
}

/** Opens a session after a successful password check; refuses (null) if the account stopped being active meanwhile. */
export async function startSession(db: Database, userId: string, input: SessionInput): Promise<SessionGrant | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.status, 'active')))
      .returning({ role: users.role, language: users.language });
    if (!user) return null;
    const sessionId = await insertSession(tx, userId, input);
    await recordAudit(tx, { actorId: userId, action: 'auth.login', targetType: 'session', targetId: sessionId, ip: input.ip });
    return { sessionId, userId, role: user.role, language: user.language };
  });
}

export type RotateResult = { kind: 'ok'; grant: SessionGrant } | { kind: 'reused' } | { kind: 'invalid' };

/**
 * Spends a refresh token and issues the next one of the same session. A token
 * already spent means it was copied: the whole session is revoked. Two
 * concurrent refreshes with one token also count as reuse (the row lock
 * serialises them), so clients must refresh one request at a time.
 */
export async function rotateRefreshToken(db: Database, input: { tokenHash: string; newHash: string; ttlMs: number }): Promise<RotateResult> {
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.tokenHash, input.tokenHash), isNull(refreshTokens.usedAt)))
      .returning({ sessionId: refreshTokens.sessionId });
    if (!spent) {
      const [old] = await tx.select({ sessionId: refreshTokens.sessionId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, input.tokenHash));
      if (!old) return { kind: 'invalid' as const };
      const revoked = await tx
        .update(sessions)
        .set({ revokedAt: sql`now()`, revokedReason: 'refresh_token_reuse' })
        .where(and(eq(sessions.id, old.sessionId), isNull(sessions.revokedAt)))
        .returning({ userId: sessions.userId });
      if (revoked[0]) {
        await recordAudit(tx, { actorId: null, action: 'auth.refreshReuse', targetType: 'session', targetId: old.sessionId, details: { userId: revoked[0].userId } });
      }
      return { kind: 'reused' as const };
    }
    const [row] = await tx
      .select({ userId: users.id, role: users.role, language: users.language, status: users.status, revokedAt: sessions.revokedAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, spent.sessionId));
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now() || row.status !== 'active') return { kind: 'invalid' as const };
    await tx.insert(refreshTokens).values({ tokenHash: input.newHash, sessionId: spent.sessionId });
    // Sliding expiry: an active user stays signed in; an idle session dies after the refresh TTL.
    await tx.update(sessions).set({ lastUsedAt: sql`now()`, expiresAt: new Date(Date.now() + input.ttlMs) }).where(eq(sessions.id, spent.sessionId));
    return { kind: 'ok' as const, grant: { sessionId: spent.sessionId, userId: row.userId, role: row.role, language: row.language } };
  });
}

/** The session a refresh token belongs to (spent or not), for log-out. */
export async function sessionOfRefreshToken(db: Database, tokenHash: string): Promise<string | null> {
  const [row] = await db.select({ sessionId: refreshTokens.sessionId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row?.sessionId ?? null;
}

export async function revokeSession(db: Database, sessionId: string, reason: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()`, revokedReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every open session of a user (except `keep`), inside the caller's transaction or alone. */
export async function revokeUserSessions(tx: Tx | Database, userId: string, reason: string, keep?: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

/** "Log out everywhere". */
export async function logOutEverywhere(db: Database, userId: string, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const count = await revokeUserSessions(tx, userId, 'logout_all');
    await recordAudit(tx, { actorId: userId, action: 'auth.logoutAll', targetType: 'user', targetId: userId, details: { sessions: count }, ip });
  });
}
