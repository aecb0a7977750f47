import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { refreshTokens, logins } from '../../db/schema';
import { hashToken } from '../../common/link-tokens';
import { createTestApp, createUser, type TestContext, TEST_PASSWORD } from '../helpers/app';
import { cookiesFrom, login } from '../helpers/accounts';

/**
 * Issue 9 item 6: two refreshes with one refresh cookie (two tabs, a retry
 * after a lost answer) were taken for theft and the log-in revoked,
 * including the winner's new tokens. Within the reuse interval both succeed
 * with the same successor; a later reuse still revokes the log-in.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 1000 });
});
afterAll(async () => ctx?.close());

const refresh = (cookie: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } });
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const valueOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

async function signIn() {
  const user = await createUser(ctx, 'partner');
  const res = await login(ctx, user.email, TEST_PASSWORD);
  expect(res.statusCode).toBe(200);
  return { user, refreshCookie: cookiesFrom(res, 'ep_refresh') };
}
const loginOf = async (userId: string) => (await ctx.db.select({ revokedAt: logins.revokedAt, reason: logins.revokedReason }).from(logins).where(eq(logins.userId, userId)))[0]!;

describe('refresh reuse interval', () => {
  it('two concurrent refreshes with one cookie both succeed and get the same successor', async () => {
    const { user, refreshCookie } = await signIn();
    const [a, b] = await Promise.all([refresh(refreshCookie), refresh(refreshCookie)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const nextA = cookiesFrom(a, 'ep_refresh');
    expect(cookiesFrom(b, 'ep_refresh')).toBe(nextA);
    expect(nextA).not.toBe(refreshCookie);
    expect((await loginOf(user.id)).revokedAt).toBeNull();
    // Both access tokens work, and the shared successor rotates normally.
    expect((await me(cookiesFrom(a, 'ep_access'))).statusCode).toBe(200);
    expect((await me(cookiesFrom(b, 'ep_access'))).statusCode).toBe(200);
    expect((await refresh(nextA)).statusCode).toBe(200);
  });

  it('a retry a few seconds later (the first answer was lost) gets the same successor', async () => {
    const { user, refreshCookie } = await signIn();
    const first = await refresh(refreshCookie);
    await ctx.db.update(refreshTokens).set({ usedAt: new Date(Date.now() - 20_000) }).where(eq(refreshTokens.tokenHash, hashToken(valueOf(refreshCookie))));
    const retry = await refresh(refreshCookie);
    expect(retry.statusCode).toBe(200);
    expect(cookiesFrom(retry, 'ep_refresh')).toBe(cookiesFrom(first, 'ep_refresh'));
    expect((await loginOf(user.id)).revokedAt).toBeNull();
  });

  it('a late tab is handed the live end of the chain, never a spent token', async () => {
    const { user, refreshCookie } = await signIn();
    const one = await refresh(refreshCookie);
    const two = await refresh(cookiesFrom(one, 'ep_refresh'));
    expect(two.statusCode).toBe(200);
    const late = await refresh(refreshCookie);
    expect(late.statusCode).toBe(200);
    expect(cookiesFrom(late, 'ep_refresh')).toBe(cookiesFrom(two, 'ep_refresh'));
    expect((await refresh(cookiesFrom(late, 'ep_refresh'))).statusCode).toBe(200);
    expect((await loginOf(user.id)).revokedAt).toBeNull();
  });

  it('a reuse after the interval still revokes the whole log-in', async () => {
    const { user, refreshCookie } = await signIn();
    const legit = await refresh(refreshCookie);
    expect(legit.statusCode).toBe(200);
    await ctx.db.update(refreshTokens).set({ usedAt: new Date(Date.now() - 31_000) }).where(eq(refreshTokens.tokenHash, hashToken(valueOf(refreshCookie))));
    const replay = await refresh(refreshCookie);
    expect(replay.statusCode).toBe(401);
    expect(await loginOf(user.id)).toMatchObject({ reason: 'refresh_token_reuse' });
    expect((await me(cookiesFrom(legit, 'ep_access'))).statusCode).toBe(401);
    expect((await refresh(cookiesFrom(legit, 'ep_refresh'))).statusCode).toBe(401);
  });

  it('a revoked log-in gives nothing within the interval either', async () => {
    const { user, refreshCookie } = await signIn();
    const out = await refresh(refreshCookie);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookiesFrom(out, 'ep_refresh') } });
    expect((await refresh(refreshCookie)).statusCode).toBe(401);
    expect((await loginOf(user.id)).reason).toBe('logout');
  });
});
