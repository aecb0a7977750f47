import { listMailsToSweep } from '../../../db/queries/mail';
import { enqueue, jobIds } from '../../jobs';
import type { JobHandler } from '../../jobs';

/** Rows handled per run (every minute); a larger backlog drains over the next runs. */
export const SWEEP_BATCH = 500;
/** A row still 'queued' after this long has most likely lost its job. */
export const SWEEP_QUEUED_AFTER_SECONDS = 60;

const pending = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Re-enqueues outbox rows whose job was lost (Redis flushed, crash between
 * commit and enqueue), failed rows whose next attempt is due (PostgreSQL owns
 * the retry schedule) and rows claimed by a worker that died mid-send.
 * Uses the deterministic job id; a job still pending is left alone, and a
 * finished job with that id (which BullMQ would keep and dedupe against) is
 * replaced. The send handler's claim makes any overlap harmless.
 */
export const sweepMail: JobHandler<'mail.sweep'> = async (_payload, ctx) => {
  const rows = await listMailsToSweep(ctx.db, { queuedForSeconds: SWEEP_QUEUED_AFTER_SECONDS, limit: SWEEP_BATCH });
  let requeued = 0;
  for (const row of rows) {
    const payload = { messageId: row.id };
    const jobId = jobIds['mail.send'](payload);
    const state = await ctx.queues.mail.getJobState(jobId);
    if (pending.has(state)) continue;
    if (state === 'completed' || state === 'failed') {
      const old = await ctx.queues.mail.getJob(jobId);
      await old?.remove();
    }
    await enqueue(ctx.queues, 'mail.send', payload);
    requeued++;
  }
  if (requeued) ctx.log.info(`mail.sweep: re-enqueued ${requeued} message(s)`);
  return { examined: rows.length, requeued };
};
