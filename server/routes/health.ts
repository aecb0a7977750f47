import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  redis: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
});

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['système'], summary: 'État du service (base de données et Redis)', response: { 200: Health, 503: Health } },
  }, async (_request, reply) => {
    const [database, redis] = await Promise.all([
      app.pingDb().then(() => 'ok' as const, () => 'error' as const),
      app.redis.ping().then((r) => (r === 'PONG' ? 'ok' as const : 'error' as const), () => 'error' as const),
    ]);
    const ok = database === 'ok' && redis === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, redis });
  });
}
