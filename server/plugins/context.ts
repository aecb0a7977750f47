import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { enqueue, enqueueEffects, type Effects, type JobName, type JobPayloads, type Queues } from '../../workers/jobs';
import type { Config } from '../../common/config';

export interface AppDeps {
  config: Config;
  db: Database;
  queues: Queues;
  redis: Redis;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    redis: Redis;
    queues: Queues;
    /** A cheap query that fails when the database does not answer (health check). */
    pingDb: () => Promise<void>;
    /** Enqueue a job after the transaction that justified it has committed. */
    enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void>;
    /** Enqueue what a committed write asks for (`{ ok: true, effects }` of a db/queries function). */
    enqueueEffects(effects: Effects): Promise<void>;
  }
}

/** Makes the process-wide resources (config, database, Redis, queues) available to routes. */
export default fp(
  async function contextPlugin(app: FastifyInstance, deps: AppDeps) {
    app.decorate('config', deps.config);
    app.decorate('db', deps.db);
    app.decorate('redis', deps.redis);
    app.decorate('queues', deps.queues);
    app.decorate('pingDb', async () => void (await deps.db.$count(users)));
    app.decorate('enqueue', async function <N extends JobName>(name: N, payload: JobPayloads[N]) {
      try {
        await enqueue(deps.queues, name, payload);
      } catch (err) {
        // The database row is the truth; the sweeper re-enqueues what Redis missed.
        app.log.warn({ err, job: name }, 'enqueue failed; the sweeper will retry');
      }
    });
    // The same function the workers call; here a failed add is logged, not thrown: the request succeeded.
    app.decorate('enqueueEffects', (effects: Effects) =>
      enqueueEffects(deps.queues, effects, (err, job) => app.log.warn({ err, job }, 'enqueue failed; the sweeper will retry')));
  },
  { name: 'db' },
);
