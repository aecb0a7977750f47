import type { Queues } from './jobs';

/**
 * Repeatable jobs, registered only by the process that owns cron
 * (CRON_OWNER). upsertJobScheduler is idempotent across restarts.
 */
export async function registerSchedules(queues: Queues): Promise<void> {
  await queues.schedule.upsertJobScheduler('mail.sweep', { every: 60_000 }, { name: 'mail.sweep', data: {} });
}
