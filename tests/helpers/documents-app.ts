import { rm } from 'node:fs/promises';
import { createWorkerContext } from '../../workers/main';
import type { TestContext } from './app';

/** A worker context over a test app, logging errors only: documents' jobs run inside the test. */
export function quietWorkerContext(ctx: TestContext) {
  return createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: { info: () => {}, warn: () => {}, error: console.error } });
}

/** Closes a documents test's worker context and app, then removes the files its storage wrote. */
export async function closeWithStorage(ctx: TestContext | undefined, wctx?: { close(): Promise<void> }) {
  const dir = ctx?.config.dataDir;
  await wctx?.close();
  await ctx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}
