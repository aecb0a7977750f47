import { afterAll, beforeAll } from 'vitest';
import type { WorkerContext } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { createTestApp, type TestContext } from './app';
import { startSmtpCapture, type SmtpCapture } from './smtp';

type Log = Parameters<typeof createWorkerContext>[0]['log'];

/**
 * A test app and a worker context over it, for tests that run jobs inline;
 * its hooks are registered by this call (inside a `describe`, for that block
 * only): both start before the tests and close after them. Read `ctx` and
 * `wctx` inside tests and hooks, once they are set. With `smtp`, the app
 * delivers to a real SMTP capture (tests/helpers/smtp.ts), read as `smtp`.
 */
export function useWorkerApp(log: Log, options: { smtp?: boolean } = {}) {
  const app = {
    ctx: undefined as unknown as TestContext,
    wctx: undefined as unknown as WorkerContext & { close(): Promise<void> },
    smtp: undefined as unknown as SmtpCapture,
  };
  beforeAll(async () => {
    if (options.smtp) app.smtp = await startSmtpCapture();
    app.ctx = await createTestApp({}, { smtpUrl: app.smtp?.url });
    app.wctx = createWorkerContext({ config: app.ctx.config, db: app.ctx.db, queues: app.ctx.queues, log });
  });
  afterAll(async () => {
    await app.wctx?.close();
    await app.ctx?.close();
    await app.smtp?.close();
  });
  return app;
}
