import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  redis: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
});

/**
 * How long a check may take before it counts as failed. While PostgreSQL
 * refuses connections the pool queues queries behind reconnection attempts
 * (with backoff), and a health check that waits in that queue answers nothing
 * for tens of seconds: a load balancer or supervisor needs a prompt `degraded`.
 */
const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['système'], summary: 'État du service (base de données et Redis)', response: { 200: Health, 503: Health } },
  }, async (_request, reply) => {
    const [database, redis] = await Promise.all([
      within(app.pingDb(), CHECK_TIMEOUT_MS).then(() => 'ok' as const, () => 'error' as const),
      within(app.redis.ping(), CHECK_TIMEOUT_MS).then((r) => (r === 'PONG' ? 'ok' as const : 'error' as const), () => 'error' as const),
    ]);
    const ok = database === 'ok' && redis === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, redis });
  });
}
