import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem, RateLimited } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types a write may carry besides JSON (e.g. `multipart/form-data` for an upload route). */
    bodyTypes?: string[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request may come from where it says it comes
 * from: the algorithm of Go's net/http CrossOriginProtection. Browsers send
 * Sec-Fetch-Site (all current ones) or at least Origin on every cross-origin
 * POST; a request with neither is not a browser's, so a page on another site
 * cannot have sent it, and it is let through (scripts, curl, health probes).
 */
export function crossSiteRefusal(request: Pick<FastifyRequest, 'headers' | 'protocol'>, appOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === appOrigin) return false;
  // The api reached directly by its own address (a browser sets Host; only a non-browser could forge it).
  return origin !== `${request.protocol}://${request.headers.host}`;
}

/**
 * The limit of the routes that take the current password (change it, erase
 * the account), counted after authentication (preHandler), per user: guessing
 * the password with a stolen session is slow.
 */
export const PER_USER_LIMIT = {
  max: 10, timeWindow: 15 * 60_000, hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `user:${req.principal?.userId ?? req.ip}`,
};

/** Whether a request carries a body (a length above zero, or a chunked one). */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Security headers, cross-site request refusal and rate limits. Limits are
 * per route (`config.rateLimit`) and counted in Redis so that several api
 * processes share them.
 */
export default fp(
  async function securityPlugin(app: FastifyInstance) {
    // CSRF: SameSite=Lax cookies alone let a foreign page POST a form or a text/plain fetch (a
    // "simple" request, sent without preflight). Writes are refused when the browser says they come
    // from another site, and every write with a body must be JSON, which a foreign page cannot send
    // without a CORS preflight that this api never grants.
    const appOrigin = new URL(app.config.PUBLIC_URL).origin;
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (crossSiteRefusal(request, appOrigin)) throw new Problem(403, 'error.crossSite');
      if (hasBody(request)) {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const allowed = request.routeOptions.config?.bodyTypes ?? [];
        if (type !== 'application/json' && !allowed.includes(type)) throw new Problem(415, 'error.unsupportedMediaType');
      }
    });

    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Mantine injects its CSS variables in <style> tags.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameSrc: ["'self'"],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: app.config.secureCookies ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: `${app.config.QUEUE_PREFIX}:rl:`,
      // Answered by the errors plugin as a problem that names the real waiting time.
      errorResponseBuilder: (_request, context) => new RateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
    });
  },
  { name: 'security', dependencies: ['db'] },
);
