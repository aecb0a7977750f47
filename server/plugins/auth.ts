import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import { and, eq, isNull, gt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, preParsingAsyncHookHandler } from 'fastify';
import { logins, users } from '../../db/schema';
import type { Database } from '../../db/client';
import { Problem } from './errors';
import { ROLES, type Role } from '../../common/roles';
import type { Principal } from './principal';
import { SESSION_MARKER_COOKIE } from '../../common/session-marker';

export const ACCESS_COOKIE = 'ep_access';
export const REFRESH_COOKIE = 'ep_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Claims of the short-lived access JWT (the language is not one: it is read with the principal, so a change applies at once). */
export interface AccessClaims {
  sub: string;
  /** The log-in (`logins.id`). */
  sid: string;
  role: Role;
}

export type { Principal };

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
    /** Any signed-in user. */
    requireUser: preHandlerAsyncHookHandler;
    /**
     * Puts every route registered later under a path prefix behind a role
     * guard: for a mounted third-party plugin (the queue dashboard) whose
     * routes cannot declare one themselves. Still fail closed: the guard is
     * applied by the same onRoute hook as a declared one.
     */
    guardRoutesUnder(prefix: string, ...roles: Role[]): void;
    setAuthCookies(reply: FastifyReply, tokens: { access: string; refresh: string; refreshMaxAgeSeconds: number }): void;
    clearAuthCookies(reply: FastifyReply): void;
  }
  interface FastifyContextConfig {
    /** Marks a route under /api as open to anonymous callers (log-in, health...). */
    public?: boolean;
  }
}

const ACCESS_GUARD = Symbol('accessGuard');

/**
 * A request's principal: its user, active, and its log-in, neither revoked nor
 * expired. Read from PostgreSQL on every authenticated request (one indexed
 * join), so a disabled account or a revoked log-in is refused at the next
 * request. An in-process cache of it was measured and removed: it did not pay
 * (bench:machinery, light read 0.97 x the plain api).
 */
export function principalQuery(db: Database) {
  return db
    .select({
      userId: users.id, role: users.role, establishmentId: users.establishmentId, officeId: users.officeId,
      language: users.language, name: users.name, email: users.email,
    })
    .from(users)
    .innerJoin(logins, eq(logins.userId, users.id))
    .where(and(
      eq(users.id, sql.placeholder('userId')), eq(logins.id, sql.placeholder('loginId')),
      eq(users.status, 'active'), isNull(logins.revokedAt), gt(logins.expiresAt, sql`now()`),
    ));
}

/**
 * Authentication runs in preParsing, not onRequest: @fastify/rate-limit counts
 * requests in onRequest and does not count those a route's own onRequest
 * hook rejects, and failed log-ins must be throttled. preParsing still comes
 * before the body is read.
 */
export default fp(
  async function authPlugin(app: FastifyInstance) {
    const { config, db } = app;
    await app.register(cookie);
    await app.register(jwt, {
      secret: config.JWT_SECRET,
      cookie: { cookieName: ACCESS_COOKIE, signed: false },
      sign: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
    });
    app.decorateRequest('principal', null);

    const loadPrincipal = principalQuery(db).prepare('auth_load_principal');

    async function authenticate(request: FastifyRequest): Promise<Principal> {
      if (request.principal) return request.principal;
      if (!request.cookies[ACCESS_COOKIE] && !request.headers.authorization) throw new Problem(401, 'error.unauthenticated');
      let claims: AccessClaims;
      try {
        claims = await request.jwtVerify<AccessClaims>();
      } catch {
        throw new Problem(401, 'error.sessionExpired');
      }
      const [row] = await loadPrincipal.execute({ userId: claims.sub, loginId: claims.sid });
      if (!row) throw new Problem(401, 'error.sessionExpired');
      request.principal = { ...row, loginId: claims.sid };
      return request.principal;
    }

    function guard(roles: Role[]): preHandlerAsyncHookHandler {
      const handler: preHandlerAsyncHookHandler = async function (request) {
        const principal = await authenticate(request);
        if (!roles.includes(principal.role)) throw new Problem(403, 'error.forbidden');
      };
      (handler as unknown as Record<symbol, boolean>)[ACCESS_GUARD] = true;
      return handler;
    }
    app.decorate('requireRole', (...roles: Role[]) => guard(roles));
    app.decorate('requireUser', guard([...ROLES]));
    const guardedPrefixes: { prefix: string; guard: preHandlerAsyncHookHandler }[] = [];
    app.decorate('guardRoutesUnder', (prefix: string, ...roles: Role[]) => {
      guardedPrefixes.push({ prefix: prefix.replace(/\/$/, ''), guard: guard(roles) });
    });
    const prefixGuard = (url: string) => guardedPrefixes.find((g) => url === g.prefix || url.startsWith(`${g.prefix}/`))?.guard;

    // Fail closed: an /api route that declares neither a role guard nor `public` cannot be registered.
    // Routes declare the guard as a preHandler; it is moved to preParsing here, so that access is
    // decided before the body is read, parsed and validated: an anonymous POST of 90,000 array
    // items used to be validated in full (1.4 s, 5.7 MB of errors) before being refused.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || route.config?.public) return;
      const handlers = [route.preHandler].flat().filter(Boolean) as preHandlerAsyncHookHandler[];
      const isGuard = (h: preHandlerAsyncHookHandler) => (h as unknown as Record<symbol, boolean>)[ACCESS_GUARD] === true;
      const underPrefix = prefixGuard(route.url);
      const guards = [...(underPrefix ? [underPrefix] : []), ...handlers.filter(isGuard)];
      if (!guards.length) {
        throw new Error(`Route ${route.method} ${route.url} must declare requireRole(...) or config.public`);
      }
      route.preHandler = handlers.filter((h) => !isGuard(h));
      const checks: preParsingAsyncHookHandler[] = guards.map((guard) => async function (this: FastifyInstance, request, reply, payload) {
        await guard.call(this, request, reply);
        return payload;
      });
      route.preParsing = [...checks, ...([route.preParsing].flat().filter(Boolean) as preParsingAsyncHookHandler[])];
    });

    app.decorate('setAuthCookies', (reply: FastifyReply, tokens: { access: string; refresh: string; refreshMaxAgeSeconds: number }) => {
      const base = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
      reply.setCookie(ACCESS_COOKIE, tokens.access, { ...base, path: '/', maxAge: config.ACCESS_TOKEN_TTL_SECONDS });
      reply.setCookie(REFRESH_COOKIE, tokens.refresh, { ...base, path: REFRESH_COOKIE_PATH, maxAge: tokens.refreshMaxAgeSeconds });
      // Readable by the client, lives as long as the refresh token: see common/session-marker.ts.
      reply.setCookie(SESSION_MARKER_COOKIE, '1', { ...base, httpOnly: false, path: '/', maxAge: tokens.refreshMaxAgeSeconds });
    });
    app.decorate('clearAuthCookies', (reply: FastifyReply) => {
      const base = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
      reply.clearCookie(ACCESS_COOKIE, { ...base, path: '/' });
      reply.clearCookie(REFRESH_COOKIE, { ...base, path: REFRESH_COOKIE_PATH });
      reply.clearCookie(SESSION_MARKER_COOKIE, { ...base, httpOnly: false, path: '/' });
    });
  },
  { name: 'auth', dependencies: ['db', 'errors'] },
);
