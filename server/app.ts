import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import contextPlugin, { type AppDeps } from './plugins/context';
import errorsPlugin from './plugins/errors';
import securityPlugin from './plugins/security';
import authPlugin from './plugins/auth';
import openapiPlugin from './plugins/openapi';
import staticPlugin from './plugins/static';
import healthRoutes from './routes/health';

export type { AppDeps };

/** Builds the api: plugins first, then each feature's routes, in this visible order. */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 64 ? req.headers['x-request-id'] : randomUUID()),
    trustProxy: true,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
    ...options,
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(contextPlugin, deps);
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(openapiPlugin);
  await app.register(authPlugin);

  await app.register(healthRoutes);

  await app.register(staticPlugin);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
