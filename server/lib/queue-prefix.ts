import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The key prefix of this installation's queues and rate-limit counters, and
 * its claim on it. Two installations sharing one Redis under one prefix take
 * each other's jobs (a job for a row the other database does not know
 * completes as "skipped" there, and the row waits): so the default prefix is
 * derived from the database's identity (db/queries/identity.ts), stable across
 * restarts and processes of one installation, different for any other
 * database; and every process claims its prefix for its database in Redis
 * (`<prefix>:owner`) before touching a queue, refusing to start on a prefix
 * another database holds (a QUEUE_PREFIX copied from another installation's
 * settings).
 */

/** The default prefix: `ep-` and 16 hex digits of the identity's SHA-256. */
export function defaultQueuePrefix(identity: string): string {
  return `ep-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

export const ownerKey = (prefix: string) => `${prefix}:owner`;

interface Owner {
  /** databaseIdentity() of the database that owns the prefix. */
  database: string;
  /** Which database that is, for people (no password). */
  description: string;
  claimedAt: string;
}

export class QueuePrefixTaken extends Error {}

/**
 * The prefix this process uses: QUEUE_PREFIX when set, else the one derived
 * from the database; claimed for this database (set once, never expires: a
 * claim that lapsed while an installation is stopped would let another take
 * its jobs). Throws QueuePrefixTaken, with what to do, when another database
 * holds it.
 */
export async function claimQueuePrefix(opts: { redis: Redis; configured: string | undefined; identity: string; description: string; redisDescription: string }): Promise<string> {
  const prefix = opts.configured || defaultQueuePrefix(opts.identity);
  const mine: Owner = { database: opts.identity, description: opts.description, claimedAt: new Date().toISOString() };
  const key = ownerKey(prefix);
  if ((await opts.redis.set(key, JSON.stringify(mine), 'NX')) === 'OK') return prefix;
  const raw = await opts.redis.get(key);
  let owner: Owner | null = null;
  try {
    owner = raw ? (JSON.parse(raw) as Owner) : null;
  } catch {
    owner = null;
  }
  if (owner?.database === opts.identity) return prefix;
  if (!owner) {
    // Deleted between the two calls, or unreadable: claim it again (or report what is there).
    if ((await opts.redis.set(key, JSON.stringify(mine), 'NX')) === 'OK') return prefix;
  }
  throw new QueuePrefixTaken(
    `The queue prefix "${prefix}" on ${opts.redisDescription} belongs to another database` +
      `${owner ? ` (${owner.description}, identity ${owner.database}, since ${owner.claimedAt})` : ` (${key} holds ${JSON.stringify(raw)})`}; this one is ${opts.description} (identity ${opts.identity}).\n` +
      '  Two installations sharing one prefix take each other\'s jobs, so this process does not start.\n' +
      `  Give this installation its own prefix: leave QUEUE_PREFIX unset (each database then derives its own) or set another value.\n` +
      `  If that other database is gone for good (this one replaced it: restored from a dump, upgraded), free the prefix with: redis-cli DEL ${key}`,
  );
}
