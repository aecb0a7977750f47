import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, mailMessages, oneTimeTokens, refreshTokens, logins, users } from '../../db/schema';
import { deriveOneTimeToken, hashToken } from '../../common/link-tokens';
import { createTestApp, createUser, injectAs, type TestContext, TEST_PASSWORD } from '../helpers/app';
import { cookiesFrom, expectProblem, fieldErrors, login, mailText } from '../helpers/accounts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp';
import { until } from '../helpers/until';

const NEW_PASSWORD = 'Gorges-de-la-Vis-Navacelles-77';

let ctx: TestContext;
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  // A high log-in limit here; the rate-limit tests use an app of their own with a low one.
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 1000 }, { smtpUrl: smtp.url });
  await ctx.startWorkers();
});

afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const refresh = (cookie: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } });

describe('log-in', () => {
  it('signs in with e-mail and password, sets httpOnly SameSite=Lax cookies and opens a log-in', async () => {
    const user = await createUser(ctx, 'partner');
    const res = await login(ctx, user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'partner', language: 'fr' });
    expect(body.user.establishment.id).toBe(user.establishmentId);

    const access = res.cookies.find((c) => c.name === 'ep_access')!;
    const refreshCookie = res.cookies.find((c) => c.name === 'ep_refresh')!;
    expect(access).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(refreshCookie).toMatchObject({ path: '/api/auth', httpOnly: true, sameSite: 'Lax' });
    expect(access.secure).toBeFalsy(); // tests run with NODE_ENV=test: Secure only outside development
    expect(access.maxAge).toBe(ctx.config.ACCESS_TOKEN_TTL_SECONDS);
    expect(refreshCookie.maxAge).toBe(ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400);
    // The "signed in" marker the client reads (common/session-marker.ts): no secret, as long-lived as the refresh token.
    const marker = res.cookies.find((c) => c.name === 'ep_session')!;
    expect(marker).toMatchObject({ value: '1', path: '/', sameSite: 'Lax', maxAge: refreshCookie.maxAge });
    expect(marker.httpOnly).toBeFalsy();

    const meRes = await me(cookiesFrom(res, 'ep_access'));
    expect(meRes.statusCode).toBe(200);
    expect(meRes.json().email).toBe(user.email);

    const rows = await ctx.db.select({ id: logins.id, revokedAt: logins.revokedAt }).from(logins).where(eq(logins.userId, user.id));
    expect(rows).toHaveLength(1);
    const [u] = await ctx.db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(u!.lastLoginAt).toBeInstanceOf(Date);
    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'auth.login')));
    expect(audit).toHaveLength(1);
    // The refresh token is stored only as a hash.
    const raw = cookiesFrom(res, 'ep_refresh').slice('ep_refresh='.length);
    expect(await ctx.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, raw))).toHaveLength(0);
    expect(await ctx.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashToken(raw)))).toHaveLength(1);
  });

  it('refuses a wrong password with a French problem and no cookie', async () => {
    const user = await createUser(ctx, 'staff');
    const res = await login(ctx, user.email, 'Pas-le-bon-mot-de-passe-1');
    const problem = expectProblem(res, 401);
    expect(problem.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(res.cookies).toHaveLength(0);
  });

  it('answers an unknown e-mail, an invited account and a disabled account exactly like a wrong password', async () => {
    const active = await createUser(ctx, 'partner');
    const invited = await createUser(ctx, 'partner', { status: 'invited', passwordHash: null });
    const disabled = await createUser(ctx, 'partner', { status: 'disabled' });
    const strip = (r: Awaited<ReturnType<typeof login>>) => {
      const { requestId: _r, ...rest } = r.json();
      return { status: r.statusCode, body: rest, cookies: r.cookies.length };
    };
    const reference = strip(await login(ctx, active.email, 'Pas-le-bon-mot-de-passe-1'));
    expect(strip(await login(ctx, 'personne@inconnu.example', TEST_PASSWORD))).toEqual(reference);
    expect(strip(await login(ctx, invited.email, TEST_PASSWORD))).toEqual(reference);
    expect(strip(await login(ctx, disabled.email, TEST_PASSWORD))).toEqual(reference);
  });

  it('answers in English to a browser that asks for it', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.example', password: 'zzzzzzzz' }, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(expectProblem(res, 401).detail).toBe('Incorrect e-mail address or password.');
  });
});

describe('rate limits and secure cookies (own app: limit 3 per minute, Secure cookies)', () => {
  let strict: TestContext;
  beforeAll(async () => {
    strict = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 3, secureCookies: true });
  });
  afterAll(async () => strict?.close());

  it('marks both cookies Secure when configured (production)', async () => {
    const user = await createUser(strict, 'partner');
    const res = await login(strict, user.email, TEST_PASSWORD, '198.51.100.1');
    expect(res.statusCode).toBe(200);
    for (const c of res.cookies) expect(c.secure, c.name).toBe(true);
  });

  it('throttles log-in attempts per IP with a 429 problem and Retry-After', async () => {
    const ip = '203.0.113.10';
    for (let i = 0; i < 3; i++) expect((await login(strict, `x${i}@example.test`, 'wrong-password-here', ip)).statusCode).toBe(401);
    const blocked = await login(strict, 'x9@example.test', 'wrong-password-here', ip);
    const problem = expectProblem(blocked, 429);
    // The real waiting time, the same as Retry-After (abuse-login.test.ts).
    expect(problem.detail).toMatch(/^Trop de tentatives\. Réessayez dans (\d+ secondes?|1 minute)\.$/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another IP is not affected.
    expect((await login(strict, 'x9@example.test', 'wrong-password-here', '203.0.113.11')).statusCode).toBe(401);
  });

  it('throttles log-in attempts per e-mail across IPs, even with the right password', async () => {
    const user = await createUser(strict, 'partner');
    for (let i = 0; i < 3; i++) expect((await login(strict, user.email, 'wrong-password-here', `192.0.2.${20 + i}`)).statusCode).toBe(401);
    expectProblem(await login(strict, user.email, TEST_PASSWORD, '192.0.2.30'), 429);
    // Unknown addresses are limited the same way (the limit reveals nothing).
    for (let i = 0; i < 3; i++) await login(strict, 'nobody@example.test', 'wrong-password-here', `192.0.2.${40 + i}`);
    expectProblem(await login(strict, 'nobody@example.test', 'wrong-password-here', '192.0.2.50'), 429);
  });

  it('throttles forgotten-password, token and invitation endpoints per IP', async () => {
    const post = (url: string, payload: object, ip: string) => strict.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await post('/api/auth/password/forgot', { email: `f${i}@example.test` }, '203.0.113.50')).statusCode).toBe(202);
    expectProblem(await post('/api/auth/password/forgot', { email: 'f9@example.test' }, '203.0.113.50'), 429);

    const fake = 'A'.repeat(43);
    for (let i = 0; i < 3; i++) {
      expect((await strict.app.inject({ method: 'GET', url: `/api/auth/tokens/${fake}?purpose=invitation`, remoteAddress: '203.0.113.51' })).statusCode).toBe(404);
    }
    expectProblem(await strict.app.inject({ method: 'GET', url: `/api/auth/tokens/${fake}?purpose=invitation`, remoteAddress: '203.0.113.51' }), 429);

    for (let i = 0; i < 3; i++) expect((await post('/api/auth/invitation/accept', { token: fake, password: NEW_PASSWORD }, '203.0.113.52')).statusCode).toBe(400);
    expectProblem(await post('/api/auth/invitation/accept', { token: fake, password: NEW_PASSWORD }, '203.0.113.52'), 429);

    for (let i = 0; i < 3; i++) expect((await post('/api/auth/password/reset', { token: fake, password: NEW_PASSWORD }, '203.0.113.53')).statusCode).toBe(400);
    expectProblem(await post('/api/auth/password/reset', { token: fake, password: NEW_PASSWORD }, '203.0.113.53'), 429);
  });
});

describe('refresh tokens', () => {
  it('rotates the refresh token and keeps the log-in', async () => {
    const user = await createUser(ctx, 'partner');
    const first = await login(ctx, user.email, TEST_PASSWORD);
    const rotated = await refresh(cookiesFrom(first, 'ep_refresh'));
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().user.id).toBe(user.id);
    expect(cookiesFrom(rotated, 'ep_refresh')).not.toBe(cookiesFrom(first, 'ep_refresh'));
    expect((await me(cookiesFrom(rotated, 'ep_access'))).statusCode).toBe(200);
    // And again with the new one.
    const again = await refresh(cookiesFrom(rotated, 'ep_refresh'));
    expect(again.statusCode).toBe(200);
    const rows = await ctx.db.select({ id: logins.id }).from(logins).where(eq(logins.userId, user.id));
    expect(rows).toHaveLength(1);
  });

  it('revokes the whole log-in when a spent refresh token is used again', async () => {
    const user = await createUser(ctx, 'partner');
    const first = await login(ctx, user.email, TEST_PASSWORD);
    const stolen = cookiesFrom(first, 'ep_refresh');
    const legit = await refresh(stolen);
    expect(legit.statusCode).toBe(200);
    // Replayed after the reuse interval (a replay within it gets the same successor: abuse-refresh.test.ts).
    await ctx.db.update(refreshTokens).set({ usedAt: new Date(Date.now() - 31_000) }).where(eq(refreshTokens.tokenHash, hashToken(stolen.slice('ep_refresh='.length))));

    const replay = await refresh(stolen);
    expectProblem(replay, 401);
    expect(replay.cookies.find((c) => c.name === 'ep_refresh')?.value).toBe('');
    // The legitimate holder is signed out too: access and refresh of the log-in are dead.
    expectProblem(await me(cookiesFrom(legit, 'ep_access')), 401);
    expectProblem(await refresh(cookiesFrom(legit, 'ep_refresh')), 401);
    const [s] = await ctx.db.select({ revokedAt: logins.revokedAt, reason: logins.revokedReason }).from(logins).where(eq(logins.userId, user.id));
    expect(s!.revokedAt).toBeInstanceOf(Date);
    expect(s!.reason).toBe('refresh_token_reuse');
  });

  it('refuses a missing or unknown refresh token', async () => {
    const missing = await refresh('ep_session=1');
    expectProblem(missing, 401);
    // A marker left without its refresh token is cleared, so the client stops asking.
    expect(missing.cookies.find((c) => c.name === 'ep_session')?.value).toBe('');
    expectProblem(await refresh('ep_refresh=not-a-real-token'), 401);
  });

  it('refuses to refresh the log-in of a disabled user', async () => {
    const user = await createUser(ctx, 'partner');
    const first = await login(ctx, user.email, TEST_PASSWORD);
    await ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    expectProblem(await refresh(cookiesFrom(first, 'ep_refresh')), 401);
  });
});

describe('log-out', () => {
  it('revokes the current log-in and clears the cookies', async () => {
    const user = await createUser(ctx, 'staff');
    const res = await login(ctx, user.email, TEST_PASSWORD);
    const other = await login(ctx, user.email, TEST_PASSWORD);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookiesFrom(res, 'ep_access', 'ep_refresh') } });
    expect(out.statusCode).toBe(204);
    const cleared = Object.fromEntries(out.cookies.map((c) => [c.name, c]));
    expect(cleared.ep_access?.value).toBe('');
    expect(cleared.ep_refresh?.value).toBe('');
    expect(cleared.ep_refresh?.path).toBe('/api/auth');
    expect(cleared.ep_session).toMatchObject({ value: '', path: '/' });
    // The old cookies no longer work, even if a client kept them.
    expectProblem(await me(cookiesFrom(res, 'ep_access')), 401);
    expectProblem(await refresh(cookiesFrom(res, 'ep_refresh')), 401);
    // Another log-in of the same user is untouched.
    expect((await me(cookiesFrom(other, 'ep_access'))).statusCode).toBe(200);
  });

  it('"log out everywhere" revokes every log-in of the user', async () => {
    const user = await createUser(ctx, 'admin');
    const a = await login(ctx, user.email, TEST_PASSWORD);
    const b = await login(ctx, user.email, TEST_PASSWORD);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: cookiesFrom(a, 'ep_access') } });
    expect(out.statusCode).toBe(204);
    expectProblem(await me(cookiesFrom(b, 'ep_access')), 401);
    expectProblem(await refresh(cookiesFrom(b, 'ep_refresh')), 401);
    expectProblem(await me(cookiesFrom(a, 'ep_access')), 401);
    const revoked = await ctx.db.select({ reason: logins.revokedReason }).from(logins).where(eq(logins.userId, user.id));
    expect(revoked.map((r) => r.reason)).toEqual(['logout_all', 'logout_all']);
  });

  it('needs a log-in for "log out everywhere"', async () => {
    expectProblem(await ctx.app.inject({ method: 'POST', url: '/api/auth/logout-all' }), 401);
  });
});

describe('disabled user', () => {
  it('loses access at the next request, even with a valid access token', async () => {
    const user = await createUser(ctx, 'partner');
    const res = await login(ctx, user.email, TEST_PASSWORD);
    const cookie = cookiesFrom(res, 'ep_access');
    expect((await me(cookie)).statusCode).toBe(200);
    // Directly in the database: no log-in revocation, only the principal lookup stands in the way.
    await ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    expect(expectProblem(await me(cookie), 401).detail).toBe('Votre session a expiré, veuillez vous reconnecter.');
  });

  it('loses access when staff disable the account through the API', async () => {
    const staff = await createUser(ctx, 'staff');
    const user = await createUser(ctx, 'partner');
    const cookie = cookiesFrom(await login(ctx, user.email, TEST_PASSWORD), 'ep_access');
    const asStaff = await injectAs(ctx, staff);
    const patched = await asStaff({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { status: 'disabled' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expectProblem(await me(cookie), 401);
    expectProblem(await login(ctx, user.email, TEST_PASSWORD), 401);
  });
});

describe('invitations', () => {
  async function invite(email: string) {
    const admin = await createUser(ctx, 'admin');
    const asAdmin = await injectAs(ctx, admin);
    const res = await asAdmin({ method: 'POST', url: '/api/users/invitations', payload: { email, name: 'Lucie Arnal', role: 'staff', officeId: 'bit-ganges', language: 'fr' } });
    expect(res.statusCode, res.body).toBe(201);
    const userId = res.json().id as string;
    const [mail] = await ctx.db.select().from(mailMessages).where(and(eq(mailMessages.userId, userId), eq(mailMessages.template, 'invitation')));
    const tokenId = String(mail!.params.tokenId);
    return { userId, mail: mail!, token: deriveOneTimeToken(ctx.config.JWT_SECRET, tokenId), tokenId };
  }
  const accept = (payload: object) => ctx.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload });
  const peek = (token: string, purpose = 'invitation') => ctx.app.inject({ method: 'GET', url: `/api/auth/tokens/${token}?purpose=${purpose}` });

  it('mails a link once, accepts it once with a strong password, then the link is dead', async () => {
    const email = `lucie.arnal.${Date.now()}@example.test`;
    const { userId, token, mail } = await invite(email);
    expect(mail).toMatchObject({ toAddress: email, language: 'fr' });
    // Only the token id travels; the token is derived from it and stored hashed.
    expect(JSON.stringify(mail.params)).not.toContain(token);
    const [row] = await ctx.db.select({ tokenHash: oneTimeTokens.tokenHash }).from(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
    expect(row!.tokenHash).not.toBe(token);

    const [received] = await smtp.waitFor((m) => m.to.includes(email));
    expect(mailText(received!.raw)).toContain(`${ctx.config.PUBLIC_URL}/invitation/${token}`);

    const info = await peek(token);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toEqual({ purpose: 'invitation', email, name: 'Lucie Arnal' });
    expectProblem(await peek(token, 'password_reset'), 404);

    const weak = await accept({ token, password: 'motdepasse123' });
    expectProblem(weak, 400);
    expect(fieldErrors(weak).password).toBe('Ce mot de passe est trop courant. Choisissez-en un autre.');
    const short = await accept({ token, password: 'Court-1' });
    expect(fieldErrors(short).password).toBe('Le mot de passe doit contenir au moins 12 caractères.');

    const ok = await accept({ token, password: NEW_PASSWORD, name: 'Lucie Arnal-Vidal' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user).toMatchObject({ id: userId, name: 'Lucie Arnal-Vidal', role: 'staff', office: { id: 'bit-ganges' } });
    expect((await me(cookiesFrom(ok, 'ep_access'))).statusCode).toBe(200);
    const [user] = await ctx.db.select({ status: users.status }).from(users).where(eq(users.id, userId));
    expect(user!.status).toBe('active');

    const again = await accept({ token, password: 'Un-autre-mot-de-passe-solide-42' });
    expectProblem(again, 400);
    expect(fieldErrors(again).token).toBe('Ce lien n’est plus valide. Il a peut-être déjà servi ou expiré.');
    expectProblem(await peek(token), 404);
    expect((await login(ctx, email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await login(ctx, email, 'Un-autre-mot-de-passe-solide-42')).statusCode).toBe(401);
    const audit = await ctx.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.invite', 'user.acceptInvitation']));
    // Exactly one invitation mail reached the SMTP server.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('refuses an expired invitation', async () => {
    const { tokenId, token } = await invite(`expire.${Date.now()}@example.test`);
    await ctx.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oneTimeTokens.id, tokenId));
    expectProblem(await peek(token), 404);
    expectProblem(await accept({ token, password: NEW_PASSWORD }), 400);
  });

  it('a re-sent invitation replaces the previous link', async () => {
    const { userId, token } = await invite(`resend.${Date.now()}@example.test`);
    const admin = await createUser(ctx, 'admin');
    const resent = await (await injectAs(ctx, admin))({ method: 'POST', url: `/api/users/${userId}/invitation/resend` });
    expect(resent.statusCode, resent.body).toBe(202);
    expectProblem(await peek(token), 404);
    const mails = await ctx.db.select({ params: mailMessages.params }).from(mailMessages).where(and(eq(mailMessages.userId, userId), eq(mailMessages.template, 'invitation')));
    expect(mails).toHaveLength(2);
    const newest = mails.map((m) => deriveOneTimeToken(ctx.config.JWT_SECRET, String(m.params.tokenId))).find((t) => t !== token)!;
    expect((await peek(newest)).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  const forgot = (email: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email } });
  const reset = (payload: object) => ctx.app.inject({ method: 'POST', url: '/api/auth/password/reset', payload });
  /** Whether the workers handled every "forgot password" job (they are removed once done). */
  const resetJobsDone = () => until(async () => (await ctx.queues.mail.getJobs(['waiting', 'active', 'delayed', 'prioritized'])).every((j) => j.name !== 'accounts.password-reset'), 10_000);

  it('works end to end: same answer for any address, mailed link, weak password refused, log-ins revoked, link single use', async () => {
    const user = await createUser(ctx, 'partner');
    const before = await login(ctx, user.email, TEST_PASSWORD);

    const known = await forgot(user.email.toUpperCase());
    const unknown = await forgot('inconnu@example.test');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    // The account is looked up by a job, after the answer (abuse-forgot.test.ts).
    const [received] = await smtp.waitFor((m) => m.to.includes(user.email));
    expect(await resetJobsDone()).toBe(true);
    expect(await ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.toAddress, 'inconnu@example.test'))).toHaveLength(0);

    const [mail] = await ctx.db.select().from(mailMessages).where(and(eq(mailMessages.userId, user.id), eq(mailMessages.template, 'password-reset')));
    const token = deriveOneTimeToken(ctx.config.JWT_SECRET, String(mail!.params.tokenId));
    expect(mailText(received!.raw)).toContain(`${ctx.config.PUBLIC_URL}/reinitialiser/${token}`);

    const peeked = await ctx.app.inject({ method: 'GET', url: `/api/auth/tokens/${token}?purpose=password_reset` });
    expect(peeked.json()).toMatchObject({ purpose: 'password_reset', email: user.email });

    const weak = await reset({ token, password: 'azertyuiop12' });
    expect(expectProblem(weak, 400).detail).toBe('Certaines informations sont invalides.');
    expect(fieldErrors(weak).password).toBe('Ce mot de passe est trop courant. Choisissez-en un autre.');
    // The weak attempt did not spend the link.
    const done = await reset({ token, password: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(204);

    expectProblem(await me(cookiesFrom(before, 'ep_access')), 401);
    expectProblem(await refresh(cookiesFrom(before, 'ep_refresh')), 401);
    expect((await login(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(ctx, user.email, NEW_PASSWORD)).statusCode).toBe(200);
    expectProblem(await reset({ token, password: 'Encore-un-autre-mot-de-passe-9' }), 400);

    const changed = await smtp.waitFor((m) => m.to.includes(user.email), 2);
    expect(changed).toHaveLength(2);
    const audit = await ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['password.resetRequest', 'password.reset']));
  });

  it('sends nothing to a disabled account, and the invitation again (no reset link) to an invited one', async () => {
    const disabled = await createUser(ctx, 'partner', { status: 'disabled' });
    const invited = await createUser(ctx, 'partner', { status: 'invited', passwordHash: null });
    expect((await forgot(disabled.email)).statusCode).toBe(202);
    expect((await forgot(invited.email)).statusCode).toBe(202);
    expect(await resetJobsDone()).toBe(true);
    const mine = await ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(and(eq(mailMessages.template, 'password-reset'), eq(mailMessages.userId, disabled.id)));
    expect(mine).toHaveLength(0);
    // Never activated: a reset link would lead nowhere; the invitation is sent again instead (issue 10 item 6).
    expect((await ctx.db.select({ template: mailMessages.template }).from(mailMessages).where(eq(mailMessages.userId, invited.id))).map((m) => m.template)).toEqual(['invitation']);
  });

  it('changes the password from the profile: current password checked, other log-ins revoked, notice mailed', async () => {
    const user = await createUser(ctx, 'staff');
    const a = await login(ctx, user.email, TEST_PASSWORD);
    const b = await login(ctx, user.email, TEST_PASSWORD);
    const change = (payload: object) => ctx.app.inject({ method: 'POST', url: '/api/me/password', payload, headers: { cookie: cookiesFrom(a, 'ep_access') } });
    expect(fieldErrors(await change({ currentPassword: 'pas-le-bon-mot-de-passe', newPassword: NEW_PASSWORD })).currentPassword).toBe('Le mot de passe actuel est incorrect.');
    expect(fieldErrors(await change({ currentPassword: TEST_PASSWORD, newPassword: 'motdepasse2024' })).newPassword).toBeDefined();
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await me(cookiesFrom(a, 'ep_access'))).statusCode).toBe(200);
    expectProblem(await me(cookiesFrom(b, 'ep_access')), 401);
    expect((await login(ctx, user.email, NEW_PASSWORD)).statusCode).toBe(200);
    const notices = await ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(and(eq(mailMessages.userId, user.id), eq(mailMessages.template, 'password-changed')));
    expect(notices).toHaveLength(1);
  });
});
