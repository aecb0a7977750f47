import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import { logins, refreshTokens, users } from '../schema';
import { cleanIp, recordAudit } from './audit';
import type { Language } from '../../common/accounts';
import type { Role } from '../../common/roles';
import { firstOrNull } from './rows';

export interface LoginInput {
  userAgent: string | null;
  ip: string | null;
  /** Hash of the first refresh token (the token itself goes only into the cookie). */
  refreshHash: string;
  ttlMs: number;
}

/** What the api needs to sign an access token for a log-in. */
export interface LoginGrant {
  loginId: string;
  userId: string;
  role: Role;
  language: Language;
}

/** Inserts a log-in and its first refresh token, inside the caller's transaction. */
export async function insertLogin(tx: Tx, userId: string, input: LoginInput): Promise<string> {
  const [login] = await tx
    .insert(logins)
    .values({
      userId,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: cleanIp(input.ip),
      expiresAt: new Date(Date.now() + input.ttlMs),
    })
    .returning({ id: logins.id });
  await tx.insert(refreshTokens).values({ tokenHash: input.refreshHash, loginId: login!.id });
  return login!.id;
}

/** The account a log-in attempt names (any status: the caller answers the same way for all failures). */
export async function findLoginCandidate(db: Database, email: string) {
  return firstOrNull(db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.erasedAt))));
}

/** Opens a log-in after a successful password check; refuses (null) if the account stopped being active meanwhile. */
export async function startLogin(db: Database, userId: string, input: LoginInput): Promise<LoginGrant | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.status, 'active')))
      .returning({ role: users.role, language: users.language });
    if (!user) return null;
    const loginId = await insertLogin(tx, userId, input);
    await recordAudit(tx, { actorId: userId, action: 'auth.login', targetType: 'login', targetId: loginId, ip: input.ip });
    return { loginId, userId, role: user.role, language: user.language };
  });
}

export type RotateResult = { kind: 'ok'; grant: LoginGrant; successor: number } | { kind: 'reused' } | { kind: 'invalid' };

/**
 * How long a spent refresh token still answers with its successor: two tabs
 * (or a retry after a lost answer) refreshing with the same cookie are not a
 * theft. OAuth servers call it the reuse interval (Auth0, Okta's grace
 * period, Supabase's REFRESH_TOKEN_REUSE_INTERVAL).
 */
export const REFRESH_REUSE_INTERVAL_MS = 30_000;
/** How far down the chain a reuse looks for the live successor (each rotation within the interval is one step). */
const MAX_CHAIN = 8;

/**
 * Spends a refresh token and issues the next one of the same log-in
 * (`successorHash(1)`, the hash of a token derived from this one).
 *
 * A token already spent within REFRESH_REUSE_INTERVAL_MS answers with the
 * live token of its chain (`successorHash(n)`, n = 1 unless the log-in
 * rotated again meanwhile), so that every concurrent caller ends with the
 * same cookie. Spent earlier, it was copied: the whole log-in is revoked.
 * Concurrent refreshes are serialised by the row lock of the token.
 */
export async function rotateRefreshToken(
  db: Database,
  input: { tokenHash: string; successorHash: (n: number) => string; ttlMs: number; reuseIntervalMs?: number },
): Promise<RotateResult> {
  const reuseIntervalMs = input.reuseIntervalMs ?? REFRESH_REUSE_INTERVAL_MS;
  return db.transaction(async (tx) => {
    const liveGrant = async (loginId: string) => {
      const [row] = await tx
        .select({ userId: users.id, role: users.role, language: users.language, status: users.status, revokedAt: logins.revokedAt, expiresAt: logins.expiresAt })
        .from(logins)
        .innerJoin(users, eq(users.id, logins.userId))
        .where(eq(logins.id, loginId));
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now() || row.status !== 'active') return null;
      return { loginId, userId: row.userId, role: row.role, language: row.language };
    };

    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.tokenHash, input.tokenHash), isNull(refreshTokens.usedAt)))
      .returning({ loginId: refreshTokens.loginId });
    if (spent) {
      const grant = await liveGrant(spent.loginId);
      if (!grant) return { kind: 'invalid' as const };
      await tx.insert(refreshTokens).values({ tokenHash: input.successorHash(1), loginId: spent.loginId });
      // Sliding expiry: an active user stays signed in; an idle log-in dies after the refresh TTL.
      await tx.update(logins).set({ lastUsedAt: sql`now()`, expiresAt: new Date(Date.now() + input.ttlMs) }).where(eq(logins.id, spent.loginId));
      return { kind: 'ok' as const, grant, successor: 1 };
    }

    const [old] = await tx
      .select({ loginId: refreshTokens.loginId, recent: sql<boolean>`${refreshTokens.usedAt} > now() - make_interval(secs => ${reuseIntervalMs / 1000})` })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, input.tokenHash));
    if (!old) return { kind: 'invalid' as const };
    if (old.recent) {
      // Within the reuse interval: follow the chain to its live token.
      for (let n = 1; n <= MAX_CHAIN; n++) {
        const [next] = await tx
          .select({ usedAt: refreshTokens.usedAt })
          .from(refreshTokens)
          .where(and(eq(refreshTokens.tokenHash, input.successorHash(n)), eq(refreshTokens.loginId, old.loginId)));
        if (!next) break;
        if (next.usedAt) continue;
        const grant = await liveGrant(old.loginId);
        return grant ? { kind: 'ok' as const, grant, successor: n } : { kind: 'invalid' as const };
      }
    }
    const revoked = await tx
      .update(logins)
      .set({ revokedAt: sql`now()`, revokedReason: 'refresh_token_reuse' })
      .where(and(eq(logins.id, old.loginId), isNull(logins.revokedAt)))
      .returning({ userId: logins.userId });
    if (revoked[0]) {
      await recordAudit(tx, { actorId: null, action: 'auth.refreshReuse', targetType: 'login', targetId: old.loginId, details: { userId: revoked[0].userId } });
    }
    return { kind: 'reused' as const };
  });
}

/** The log-in a refresh token belongs to (spent or not), for log-out. */
export async function loginOfRefreshToken(db: Database, tokenHash: string): Promise<string | null> {
  const [row] = await db.select({ loginId: refreshTokens.loginId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row?.loginId ?? null;
}

export async function revokeLogin(db: Database, loginId: string, reason: string): Promise<void> {
  await db.update(logins).set({ revokedAt: sql`now()`, revokedReason: reason }).where(and(eq(logins.id, loginId), isNull(logins.revokedAt)));
}

/** Revokes every open log-in of a user (except `keep`), inside the caller's transaction or alone. */
export async function revokeUserLogins(tx: Tx | Database, userId: string, reason: string, keep?: string): Promise<number> {
  const rows = await tx
    .update(logins)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(logins.userId, userId), isNull(logins.revokedAt), keep ? ne(logins.id, keep) : undefined))
    .returning({ id: logins.id });
  return rows.length;
}

/** "Log out everywhere". */
export async function logOutEverywhere(db: Database, userId: string, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const count = await revokeUserLogins(tx, userId, 'logout_all');
    await recordAudit(tx, { actorId: userId, action: 'auth.logoutAll', targetType: 'user', targetId: userId, details: { logins: count }, ip });
  });
}
