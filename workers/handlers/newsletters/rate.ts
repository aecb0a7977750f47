import type { Queues } from '../../jobs';

/**
 * ONE rate limit for every worker process: a counter per second in Redis
 * (INCRBY + expiry, atomic in a script). A lane asks for n mails and is
 * granted what is left in the current second (0 to n); with nothing left it
 * waits for the next second. Fixed windows, like BullMQ's own limiter: up to
 * 2 × rate can pass across a window boundary, never more in any second.
 * BullMQ's queue limiter counts jobs, and one job here sends a batch.
 */
const TAKE = `local c = redis.call('INCRBY', KEYS[1], ARGV[1])
if c == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], 2000) end
return c`;

const defined = new WeakSet<object>();

export async function takeSendTokens(queues: Queues, prefix: string, ratePerSecond: number, wanted: number): Promise<number> {
  const redis = await queues.newsletters.getBackend().client;
  if (!defined.has(redis)) {
    redis.defineCommand('newsletterTakeTokens', { numberOfKeys: 1, lua: TAKE });
    defined.add(redis);
  }
  for (;;) {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    const ask = Math.min(wanted, ratePerSecond);
    const count = Number(await redis.runCommand('newsletterTakeTokens', [`${prefix}:newsletters:rate:${second}`, ask]));
    const granted = Math.max(0, Math.min(ask, ratePerSecond - (count - ask)));
    if (granted > 0) return granted;
    await new Promise((r) => setTimeout(r, (second + 1) * 1000 - now + 1));
  }
}
