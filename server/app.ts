import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import { validatorCompiler } from './lib/validators';
import contextPlugin, { type AppDeps } from './plugins/context';
import errorsPlugin from './plugins/errors';
import securityPlugin from './plugins/security';
import changeFeedPlugin from './plugins/change-feed';
import authPlugin from './plugins/auth';
import idempotencyPlugin from './plugins/idempotency';
import openapiPlugin from './plugins/openapi';
import staticPlugin from './plugins/static';
import storagePlugin from './plugins/storage';
import personalDataRoutes from './routes/personal-data';
import { features } from './features';

export type { AppDeps };

/**
 * A request id set by a proxy in front of the api (or a client) is kept only
 * when it is a plain token: anything else (line breaks, quotes, markup, a
 * megabyte) would be copied into every log line and error of the request.
 */
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the api: plugins first, then each feature's routes (server/features.ts), in this visible order. */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}) {
  const app = Fastify({
    // Development: readable one-line logs; production and tests: JSON. Either way one line per request (hook below).
    logger: options.logger ?? {
      level: deps.config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      ...(deps.config.NODE_ENV === 'development'
        ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
    },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Only behind a known reverse proxy may X-Forwarded-For be trusted (per-IP rate limits).
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    ...options,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  // One line per request, written when the answer is sent (Fastify's own two lines are off).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url.split('?')[0], statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  await app.register(contextPlugin, deps);
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(openapiPlugin);
  await app.register(changeFeedPlugin);
  await app.register(authPlugin);
  await app.register(storagePlugin);
  await app.register(idempotencyPlugin);

  // Each feature's routes, in the order of server/features.ts; then the export and erasure that run every feature's part.
  for (const plugin of features.flatMap((feature) => feature.routes)) await app.register(plugin);
  await app.register(personalDataRoutes);

  await app.register(staticPlugin);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
