import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, createUser, type TestContext } from '../helpers/app';
import { cookiesFrom, fieldErrors, login } from '../helpers/accounts';

/**
 * The language of the api's messages is the signed-in person's, read with
 * the principal (server/i18n.ts requestLocale): changing it takes effect at
 * the next request without a new access cookie, on the busiest reads as on
 * the others; before log-in, the browser's.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx?.close());

const BUSY = '/api/trainings?page=0'; // a hot read (once served its principal from a cache)

describe('request language', () => {
  it('follows a language change at the next request, on a hot read, with the same cookie', async () => {
    const partner = await createUser(ctx, 'partner');
    const cookie = cookiesFrom(await login(ctx, partner.email, TEST_PASSWORD), 'ep_access');
    const before = await ctx.app.inject({ method: 'GET', url: BUSY, headers: { cookie, 'accept-language': 'en' } });
    expect(before.statusCode).toBe(400);
    expect(fieldErrors(before).page).toBe('La valeur doit être au moins 1.'); // the account's French wins over the browser's English

    const patched = await ctx.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { language: 'en' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.cookies).toEqual([]);

    const after = await ctx.app.inject({ method: 'GET', url: BUSY, headers: { cookie, 'accept-language': 'fr' } });
    expect(after.json()).toMatchObject({ status: 400, detail: 'Some of the information is invalid.' });
    expect(fieldErrors(after).page).toBe('The value must be at least 1.');
    const back = await ctx.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { language: 'fr' } });
    expect(back.json()).toMatchObject({ language: 'fr' });
    expect(fieldErrors(await ctx.app.inject({ method: 'GET', url: BUSY, headers: { cookie } })).page).toBe('La valeur doit être au moins 1.');
  });

  it('before log-in, follows the browser', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-GB,en;q=0.9' }, payload: { email: 'nobody@example.test', password: 'x' } });
    expect(res.json()).toMatchObject({ status: 401, detail: 'Incorrect e-mail address or password.' });
  });
});
