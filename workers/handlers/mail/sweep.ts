import { listMailsToSweep } from '../../../db/queries/mail';
import { requeue } from '../../jobs';
import type { JobHandler } from '../../jobs';

/** Rows handled per run (every minute); a larger backlog drains over the next runs. */
export const SWEEP_BATCH = 500;
/** A row still 'queued' after this long has most likely lost its job. */
export const SWEEP_QUEUED_AFTER_SECONDS = 60;

/**
 * Re-enqueues outbox rows whose job was lost (Redis flushed, crash between
 * commit and enqueue), failed rows whose next attempt is due (PostgreSQL owns
 * the retry schedule) and rows claimed by a worker that died mid-send.
 * `requeue` leaves a job still pending alone and replaces a finished one
 * with that id; the send handler's claim makes any overlap harmless.
 */
export const sweepMail: JobHandler<'mail.sweep'> = async (_payload, ctx) => {
  const rows = await listMailsToSweep(ctx.db, { queuedForSeconds: SWEEP_QUEUED_AFTER_SECONDS, limit: SWEEP_BATCH });
  let requeued = 0;
  for (const row of rows) if (await requeue(ctx.queues, 'mail.send', { messageId: row.id })) requeued++;
  if (requeued) ctx.log.info(`mail.sweep: re-enqueued ${requeued} message(s)`);
  return { examined: rows.length, requeued };
};
