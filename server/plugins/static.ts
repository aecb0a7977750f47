import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { requestLocale, t } from '../i18n';
import { sendProblem } from './errors';

export const clientDist = resolve(import.meta.dirname, '../../dist/client');

/** Serves the built client; unknown non-API paths get index.html so deep links survive a reload. */
export default fp(
  async function staticPlugin(app: FastifyInstance) {
    const serve = app.config.SERVE_CLIENT && existsSync(resolve(clientDist, 'index.html'));
    if (serve) {
      await app.register(fastifyStatic, { root: clientDist, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false,
        setHeaders: (res, path) => { if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable'); } });
    }
    app.setNotFoundHandler((request, reply) => {
      if (!serve || request.url.startsWith('/api/') || request.method !== 'GET') {
        return sendProblem(request, reply, 404, t('error.routeNotFound', requestLocale(request)));
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'static', dependencies: ['db', 'errors'] },
);
