import { jobQueue, type Queues } from './jobs';
import { schedules } from './handlers';

/**
 * Registers every feature's repeatable jobs (workers/handlers/<feature>/index.ts),
 * by the process that owns cron (CRON_OWNER). upsertJobScheduler is
 * idempotent (same scheduler id = the job's name, same next run), so it is
 * called again on every Redis reconnect and periodically (workers/main.ts):
 * the safety nets come back when Redis lost its keys.
 */
export async function registerSchedules(queues: Queues): Promise<void> {
  for (const s of schedules) {
    const repeat = 'every' in s ? { every: s.every } : { pattern: s.pattern, tz: s.tz };
    await queues[jobQueue[s.job]].upsertJobScheduler(s.job, repeat, { name: s.job, data: {} });
  }
}
