import type { Queues } from './jobs';

/**
 * Repeatable jobs, registered only by the process that owns cron
 * (CRON_OWNER). upsertJobScheduler is idempotent across restarts.
 */
export async function registerSchedules(queues: Queues): Promise<void> {
  await queues.schedule.upsertJobScheduler('mail.sweep', { every: 60_000 }, { name: 'mail.sweep', data: {} });
  await queues.schedule.upsertJobScheduler('accounts.purge', { pattern: '17 3 * * *', tz: 'Europe/Paris' }, { name: 'accounts.purge', data: {} });
  await queues.schedule.upsertJobScheduler('trainings.sweep', { every: 60_000 }, { name: 'trainings.sweep', data: {} });
  await queues.schedule.upsertJobScheduler('trainings.reminders', { every: 15 * 60_000 }, { name: 'trainings.reminders', data: {} });
  await queues.schedule.upsertJobScheduler('trainings.surveys', { every: 15 * 60_000 }, { name: 'trainings.surveys', data: {} });
  await queues.schedule.upsertJobScheduler('documents.sweep', { every: 60 * 60_000 }, { name: 'documents.sweep', data: {} });
  await queues.schedule.upsertJobScheduler('documents.review-reminders', { pattern: '7 8 * * *', tz: 'Europe/Paris' }, { name: 'documents.review-reminders', data: {} });
}
