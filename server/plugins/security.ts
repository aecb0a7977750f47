import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { requestLocale, t } from '../i18n';

/**
 * Security headers and rate limits. Limits are per route (`config.rateLimit`)
 * and counted in Redis so that several api processes share them.
 */
export default fp(
  async function securityPlugin(app: FastifyInstance) {
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
      errorResponseBuilder: (request, context) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: t('error.rateLimited', requestLocale(request)),
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
    });
  },
  { name: 'security', dependencies: ['db'] },
);
