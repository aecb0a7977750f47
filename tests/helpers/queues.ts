import type { Redis } from 'ioredis';
import { closeQueues, type Queues } from '../../workers/jobs';

/** Tears down the queues of a throwaway key prefix (a test file, a benchmark): jobs, schedulers, rate-limit counters. */
export async function discardQueues(queues: Queues, redis: Redis, prefix: string): Promise<void> {
  for (const q of Object.values(queues)) await q.obliterate({ force: true }).catch(() => {});
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
