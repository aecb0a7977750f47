import { rm } from 'node:fs/promises';
import { Job } from 'bullmq';
import type { InjectOptions } from 'fastify';
import type { Config } from '../../common/config';
import { afterAll, beforeAll, expect } from 'vitest';
import { handlers } from '../../workers/handlers';
import type { JobHandler, JobName, JobPayloads } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { appWithUsers, type Injector, type TestContext } from './app';
import { uploadForm } from './documents';

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

/**
 * Registers the hooks of a documents jobs test file (or describe block): before its tests the app with a staff member signed in
 * and a worker context (job handlers run inside the test), after them all closed and the stored files removed.
 * `overrides` is read when the hooks run, after the caller's own earlier ones (e.g. the S3_URL of a server they start).
 */
export function documentsJobsFile(overrides: () => Partial<Config> = () => ({})) {
  let ctx: TestContext | undefined;
  let wctx: ReturnType<typeof quietWorkerContext> | undefined;
  let asStaff: Injector | undefined;
  beforeAll(async () => {
    ({ ctx, asStaff } = await appWithUsers({ staff: 'staff' }, overrides()));
    wctx = quietWorkerContext(ctx);
  });
  afterAll(() => closeWithStorage(ctx, wctx));
  return {
    get ctx() { return ctx!; },
    asStaff: (opts: InjectOptions) => asStaff!(opts),
    /** Runs a job's handler once, as a worker would. */
    run<N extends JobName>(name: N, payload: JobPayloads[N]) {
      return (handlers[name] as JobHandler<N>)(payload, wctx!, new Job(ctx!.queues.schedule, name, payload));
    },
    /** Uploads a file as staff (`meta` as the form's JSON) and returns the new document. */
    async upload(meta: Record<string, unknown>, filename: string, data: Buffer) {
      const form = uploadForm(meta, { filename, data });
      const res = await asStaff!({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().document as { id: string; currentVersion: { id: string; textStatus: string } };
    },
  };
}
