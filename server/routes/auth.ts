import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { Type } from 'typebox';
import { findLoginCandidate, logOutEverywhere, loginOfRefreshToken, revokeLogin, rotateRefreshToken, startLogin, type LoginGrant } from '../../db/queries/logins';
import { requestLocale, t } from '../i18n';
import { newPasswordHash, verifyPassword } from '../lib/passwords';
import { routeFile } from '../lib/route';
import { deriveRefreshSuccessor, hashToken, randomToken } from '../../common/link-tokens';
import { ACCESS_COOKIE, REFRESH_COOKIE, type AccessClaims } from '../plugins/auth';
import { Problem, RateLimited, sendProblem } from '../plugins/errors';
import { AcceptInvitationBody, ForgotBody, LoginBody, ResetBody, TokenInfoSchema, TokenParams, TokenQuery, UserEnvelope } from '../schemas/accounts';
import { acceptInvitation, getMe, openLink, resetPassword } from '../services/accounts';
import { PLACEHOLDER_ADMIN_NAME } from '../../common/accounts';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, DEVICE_TTL_DAYS, createLoginThrottle, deviceOf, signDeviceCookie } from '../lib/login-throttle';

/** Reset mails sent to one address per quarter-hour. */
const FORGOT_PER_ADDRESS = 3;
/** 202/204 answers carry no body. */
const NoContent = Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' });

/**
 * Log-in, refresh, log-out, forgotten password and invitations. Every
 * endpoint that takes a secret from the outside is rate limited per IP
 * (counted in Redis, shared by all api processes); failed log-ins also per
 * address and IP, per address for browsers that never logged in to it, and
 * per trusted device; reset mails per address.
 */
export default async function authRoutes(fastify: FastifyInstance) {
  const { app, route, anyone } = routeFile(fastify, ['authentification']);
  const { config, db } = app;
  const perMinute = config.RATE_LIMIT_LOGIN_PER_MINUTE;
  const refreshTtlMs = config.REFRESH_TOKEN_TTL_DAYS * 86_400_000;
  const perIp = (max = perMinute) => ({ max, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `ip:${req.ip}` });
  // Anonymous callers; those that take a secret from the outside are limited per IP.
  const open = { public: true } as const;
  const openPerIp = () => ({ public: true, rateLimit: perIp() }) as const;

  // Failed log-ins per address and IP, per address for untrusted clients, per device (server/lib/login-throttle.ts).
  const loginThrottle = createLoginThrottle(app.redis, { prefix: config.QUEUE_PREFIX, perMinute });
  // Reset mails to one address: a few per quarter-hour; beyond, the request is answered the same and nothing is sent.
  const forgotPerAddress = new RateLimiterRedis({ storeClient: app.redis, keyPrefix: `${config.QUEUE_PREFIX}:rl:forgot-address`, points: FORGOT_PER_ADDRESS, duration: 15 * 60 });
  const deviceCookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: DEVICE_COOKIE_PATH, maxAge: DEVICE_TTL_DAYS * 86_400 };

  const loginInput = (request: FastifyRequest, refresh: string) => ({
    userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
    ip: request.ip,
    refreshHash: hashToken(refresh),
    ttlMs: refreshTtlMs,
  });

  /** Signs the access token, sets both cookies and answers { user }. */
  async function sendLogin(reply: FastifyReply, grant: LoginGrant, refresh: string) {
    const access = app.jwt.sign({ sub: grant.userId, sid: grant.loginId, role: grant.role });
    app.setAuthCookies(reply, { access, refresh, refreshMaxAgeSeconds: refreshTtlMs / 1000 });
    const user = await getMe(app, grant.userId);
    return reply.header('cache-control', 'no-store').code(200).send({ user: user! });
  }

  app.post('/api/auth/login', route(openPerIp(), 'Connexion par e-mail et mot de passe', { 200: UserEnvelope }, { body: LoginBody }), async (request, reply) => {
    const { email, password } = request.body;
    const attempt = { email, ip: request.ip, device: deviceOf(config.JWT_SECRET, request.cookies[DEVICE_COOKIE], email) };
    const wait = await loginThrottle.waitBefore(attempt);
    if (wait > 0) throw new RateLimited(wait);
    const candidate = await findLoginCandidate(db, email);
    // verifyPassword hashes anyway when there is no account, so timing does not tell whether the address exists.
    const valid = await verifyPassword(candidate?.passwordHash ?? null, password);
    const refresh = randomToken();
    const grant = candidate && valid && candidate.status === 'active' ? await startLogin(db, candidate.id, loginInput(request, refresh)) : null;
    if (!grant) {
      await loginThrottle.failed(attempt);
      throw new Problem(401, 'auth.invalidCredentials');
    }
    await loginThrottle.succeeded(attempt);
    // This browser may now log in to this address even while others are locked out of it.
    reply.setCookie(DEVICE_COOKIE, signDeviceCookie(config.JWT_SECRET, email), deviceCookieOptions);
    return sendLogin(reply, grant, refresh);
  });

  app.post('/api/auth/refresh', route(open, 'Renouvelle la connexion (rotation du jeton de rafraîchissement)', { 200: UserEnvelope }), async (request, reply) => {
    const token = request.cookies[REFRESH_COOKIE];
    if (!token) {
      // A session marker left without its refresh token would make the client ask again on every page.
      app.clearAuthCookies(reply);
      return sendProblem(request, reply, 401, t('error.sessionExpired', requestLocale(request)));
    }
    // The chain of tokens that follow this one: successor(1) is the next, successor(n) the n-th.
    const chain = [token];
    const successor = (n: number) => {
      while (chain.length <= n) chain.push(deriveRefreshSuccessor(config.JWT_SECRET, chain.at(-1)!));
      return chain[n]!;
    };
    const result = await rotateRefreshToken(db, { tokenHash: hashToken(token), successorHash: (n) => hashToken(successor(n)), ttlMs: refreshTtlMs });
    if (result.kind !== 'ok') {
      if (result.kind === 'reused') request.log.warn('refresh token reuse: log-in revoked');
      app.clearAuthCookies(reply);
      return sendProblem(request, reply, 401, t('error.sessionExpired', requestLocale(request)));
    }
    return sendLogin(reply, result.grant, successor(result.successor));
  });

  app.post('/api/auth/logout', route(open, 'Déconnexion (cette connexion seulement)', { 204: NoContent }), async (request, reply) => {
    const token = request.cookies[REFRESH_COOKIE];
    let loginId = token ? await loginOfRefreshToken(db, hashToken(token)) : null;
    if (!loginId && request.cookies[ACCESS_COOKIE]) {
      loginId = await request.jwtVerify<AccessClaims>().then((claims) => claims.sid, () => null);
    }
    if (loginId) await revokeLogin(db, loginId, 'logout');
    app.clearAuthCookies(reply);
    return reply.code(204).send();
  });

  app.post('/api/auth/logout-all', route(anyone, 'Déconnexion de toutes mes connexions', { 204: NoContent }), async (request, reply) => {
    await logOutEverywhere(db, request.principal!.userId, request.ip);
    app.clearAuthCookies(reply);
    return reply.code(204).send();
  });

  app.post('/api/auth/password/forgot', route(openPerIp(), 'Mot de passe oublié : envoie un lien de réinitialisation (même réponse que l’adresse existe ou non)', { 202: NoContent }, { body: ForgotBody }), async (request, reply) => {
    // Nothing here depends on the address (one Redis counter, one enqueue): the account is looked up
    // by the job, after the answer, so the answer time does not tell whether the address has an account.
    const sent = await forgotPerAddress.penalty(request.body.email.toLowerCase(), 1);
    if (sent.consumedPoints <= FORGOT_PER_ADDRESS) {
      await app.enqueue('accounts.password-reset', { email: request.body.email, ip: request.ip, requestId: randomUUID() });
    }
    return reply.code(202).send();
  });

  app.get('/api/auth/tokens/:token', route(openPerIp(), 'Vérifie un lien d’invitation ou de réinitialisation sans le consommer', { 200: TokenInfoSchema }, { params: TokenParams, querystring: TokenQuery }), async (request, reply) => {
    const info = await openLink(app, request.params.token, request.query.purpose);
    if (!info) throw new Problem(404, 'auth.invalidToken');
    // An administrator created at start-up has no real name yet: the page asks for it with an empty field.
    return reply.header('cache-control', 'no-store').send({ ...info, name: info.name === PLACEHOLDER_ADMIN_NAME ? '' : info.name });
  });

  /** The link a form was opened from, still valid, or a problem about the form's token. */
  async function linkOrRefuse(token: string, purpose: 'password_reset' | 'invitation') {
    const info = await openLink(app, token, purpose);
    if (!info) throw new Problem(400, 'auth.invalidToken', [{ field: 'token', key: 'auth.invalidToken' }]);
    return info;
  }

  app.post('/api/auth/password/reset', route(openPerIp(), 'Nouveau mot de passe depuis un lien de réinitialisation', { 204: NoContent }, { body: ResetBody }), async (request, reply) => {
    const { token, password } = request.body;
    const info = await linkOrRefuse(token, 'password_reset');
    const passwordHash = await newPasswordHash(password, [info.email, info.name], 'password');
    await resetPassword(app, { token, passwordHash, ip: request.ip });
    app.clearAuthCookies(reply);
    return reply.code(204).send();
  });

  app.post('/api/auth/invitation/accept', route(openPerIp(), 'Accepte une invitation : choisit un mot de passe et se connecte', { 200: UserEnvelope }, { body: AcceptInvitationBody }), async (request, reply) => {
    const { token, password, name } = request.body;
    const info = await linkOrRefuse(token, 'invitation');
    const realName = name?.trim() ?? '';
    if (info.name === PLACEHOLDER_ADMIN_NAME && (!realName || realName.toLowerCase() === PLACEHOLDER_ADMIN_NAME.toLowerCase())) {
      throw new Problem(400, 'error.validation', [{ field: 'name', key: 'auth.realNameRequired' }]);
    }
    const passwordHash = await newPasswordHash(password, [info.email, info.name, ...(name ? [name] : [])], 'password');
    const refresh = randomToken();
    const grant = await acceptInvitation(app, { token, passwordHash, name, login: loginInput(request, refresh) });
    return sendLogin(reply, grant, refresh);
  });
}
