import { afterAll, beforeAll } from 'vitest';
import type { WorkerContext } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { createTestApp, type TestContext } from './app';

type Log = Parameters<typeof createWorkerContext>[0]['log'];

/**
 * A test app and a worker context over it, for tests that run jobs inline;
 * its hooks are registered by this call (inside a `describe`, for that block
 * only): both start before the tests and close after them. Read `ctx` and
 * `wctx` inside tests and hooks, once they are set.
 */
export function useWorkerApp(log: Log) {
  const app = {
    ctx: undefined as unknown as TestContext,
    wctx: undefined as unknown as WorkerContext & { close(): Promise<void> },
  };
  beforeAll(async () => {
    app.ctx = await createTestApp();
    app.wctx = createWorkerContext({ config: app.ctx.config, db: app.ctx.db, queues: app.ctx.queues, log });
  });
  afterAll(async () => {
    await app.wctx?.close();
    await app.ctx?.close();
  });
  return app;
}
