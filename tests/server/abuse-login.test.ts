import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestContext, TEST_PASSWORD } from '../helpers/app';
import { expectProblem } from '../helpers/accounts';
import { DEVICE_COOKIE, deviceOf, signDeviceCookie } from '../../server/lib/login-throttle';

/**
 * Issue 9 item 10: the per-address log-in limit let anyone lock a user out
 * (10 wrong passwords from 10 IPs, then the right one got 429, renewable
 * forever). Failures now count per address and IP, per address only for
 * browsers that never logged in to it, and per trusted device; the 429 says
 * how long to wait; the Redis keys carry a real prefix.
 */
let ctx: TestContext;
const LIMIT = 10;
beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: LIMIT });
});
afterAll(async () => ctx?.close());

const WRONG = 'pas-le-bon-mot-de-passe';
const loginWith = (email: string, password: string, ip: string, deviceCookie?: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip, headers: deviceCookie ? { cookie: `${DEVICE_COOKIE}=${deviceCookie}` } : {} });

describe('log-in limits without lockout', () => {
  it('the reported lockout: 10 wrong passwords from 10 IPs, then the owner logs in from a browser that logged in before', async () => {
    const user = await createUser(ctx, 'partner');
    // The owner logged in once on this browser: it holds a device cookie.
    const earlier = await loginWith(user.email, TEST_PASSWORD, '198.51.100.7');
    expect(earlier.statusCode).toBe(200);
    const device = earlier.cookies.find((c) => c.name === DEVICE_COOKIE)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/login' });
    expect(device.value).not.toContain(user.email);

    for (let i = 0; i < LIMIT; i++) expect((await loginWith(user.email, WRONG, `203.0.113.${100 + i}`)).statusCode).toBe(401);
    // A stranger's browser (no device cookie) is held back for this address…
    expectProblem(await loginWith(user.email, TEST_PASSWORD, '203.0.113.200'), 429);
    // …but the owner's browser gets through, from any IP.
    const owner = await loginWith(user.email, TEST_PASSWORD, '192.0.2.77', device.value);
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('guessing at one address holds back nobody else: another address from the same networks logs in', async () => {
    const target = await createUser(ctx, 'partner');
    const bystander = await createUser(ctx, 'partner');
    for (let i = 0; i < LIMIT; i++) await loginWith(target.email, WRONG, `198.51.100.${i + 1}`);
    expect((await loginWith(bystander.email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it('a trusted device has a budget of its own that others cannot spend, and it is limited too', async () => {
    const user = await createUser(ctx, 'partner');
    const device = signDeviceCookie(ctx.config.JWT_SECRET, user.email);
    for (let i = 0; i < LIMIT; i++) expect((await loginWith(user.email, WRONG, '192.0.2.10', device)).statusCode).toBe(401);
    expectProblem(await loginWith(user.email, TEST_PASSWORD, '192.0.2.10', device), 429);
    // The device's failures did not use up the address for a fresh, untrusted browser elsewhere.
    expect((await loginWith(user.email, TEST_PASSWORD, '192.0.2.11')).statusCode).toBe(200);
  });

  it('a device cookie works only for its address and only when genuine', async () => {
    const secret = ctx.config.JWT_SECRET;
    const cookie = signDeviceCookie(secret, 'Anne@Example.test');
    expect(deviceOf(secret, cookie, 'anne@example.test')).toEqual(expect.any(String));
    expect(deviceOf(secret, cookie, 'bob@example.test')).toBeNull();
    expect(deviceOf('another-secret-another-secret-another', cookie, 'anne@example.test')).toBeNull();
    const [nonce, , tag, mac] = cookie.split('.');
    expect(deviceOf(secret, [nonce, '9999999999', tag, mac].join('.'), 'anne@example.test')).toBeNull();
    expect(deviceOf(secret, signDeviceCookie(secret, 'anne@example.test', Date.now() - 200 * 86_400_000), 'anne@example.test')).toBeNull();
  });
});

describe('the 429 answer', () => {
  it('names the real waiting time, the same as Retry-After', async () => {
    const user = await createUser(ctx, 'partner');
    for (let i = 0; i < LIMIT; i++) await loginWith(user.email, WRONG, `198.18.0.${i + 1}`);
    const res = await loginWith(user.email, TEST_PASSWORD, '198.18.0.99');
    const problem = expectProblem(res, 429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(problem.detail).toBe(retryAfter === 60 ? 'Trop de tentatives. Réessayez dans 1 minute.' : `Trop de tentatives. Réessayez dans ${retryAfter} seconde${retryAfter > 1 ? 's' : ''}.`);
    const en = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: WRONG }, remoteAddress: '198.18.0.98', headers: { 'accept-language': 'en' } });
    expect(expectProblem(en, 429).detail).toMatch(/^Too many attempts\. Please try again in \d+ seconds?\.$|^Too many attempts\. Please try again in 1 minute\.$/);
  });

  it('the per-IP route limit names it too', async () => {
    const ip = '198.19.0.1';
    let last;
    for (let i = 0; i <= LIMIT; i++) last = await loginWith(`nobody${i}@example.test`, WRONG, ip);
    const problem = expectProblem(last!, 429);
    expect(problem.detail).toMatch(/^Trop de tentatives\. Réessayez dans (\d+ secondes?|1 minute)\.$/);
  });
});

describe('rate-limit keys', () => {
  it('carry the instance prefix and a name, never "undefined"', async () => {
    const user = await createUser(ctx, 'partner');
    await loginWith(user.email, WRONG, '192.0.2.200');
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: user.email }, remoteAddress: '192.0.2.200' });
    const keys = await ctx.redis.keys(`${ctx.config.QUEUE_PREFIX}:rl:*`);
    expect(keys.some((k) => k.startsWith(`${ctx.config.QUEUE_PREFIX}:rl:login-fail:address-ip:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${ctx.config.QUEUE_PREFIX}:rl:forgot-address:`))).toBe(true);
    expect(keys.filter((k) => k.includes('undefined'))).toEqual([]);
    const everything = await ctx.redis.keys('*undefinedundefined*');
    expect(everything.filter((k) => k.includes(ctx.config.QUEUE_PREFIX))).toEqual([]);
  });
});
