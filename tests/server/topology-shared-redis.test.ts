import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../../db/queries/mail';
import { databaseIdentity } from '../../db/queries/identity';
import { mailMessages, trainingSessionNotices } from '../../db/schema';
import { loadConfig, type Config } from '../../common/config';
import { claimQueuePrefix, defaultQueuePrefix, ownerKey, QueuePrefixTaken } from '../../server/lib/queue-prefix';
import { createQueues, enqueue, type Queues } from '../../workers/jobs';
import { startWorkers, type RunningWorkers } from '../../workers/main';
import { createUser } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { TEST_REDIS_URL } from '../helpers/env';
import { runNode } from '../helpers/processes';
import { discardQueues } from '../helpers/queues';
import { makeSession, makeTraining } from '../helpers/trainings';
import { until } from '../helpers/until';

/**
 * Issue 9, item 4: two installations (two databases) on one Redis. With the
 * old default QUEUE_PREFIX=ep both took each other's jobs: the job for a row
 * the other database does not know completed there as "skipped", and the
 * sweeper's re-enqueue was refused because a finished job with that
 * deterministic id still existed. Now: each database derives its own prefix,
 * a process refuses a prefix another database holds, and a sweeper's
 * re-enqueue always gives a runnable job.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'ep-shared-redis-'));

interface Installation {
  database: TestDatabase;
  config: Config;
  identity: string;
  redis: Redis;
  queues: Queues | null;
  workers: RunningWorkers | null;
}
const installations: Installation[] = [];
let a: Installation;
let b: Installation;

/** An installation as `npm run worker` sets it up (server/main.ts): no QUEUE_PREFIX, the prefix claimed for its database. */
async function install(name: string): Promise<Installation> {
  const database = await createTestDatabase(4);
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, DATABASE_URL: database.url, DATA_DIR: join(dataDir, name), SERVE_CLIENT: 'false' },
    { JWT_SECRET: randomBytes(32).toString('hex'), CRON_OWNER: false },
  );
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const inst: Installation = { database, config, identity: await databaseIdentity(database.db), redis, queues: null, workers: null };
  installations.push(inst);
  return inst;
}

async function claim(inst: Installation, configured?: string) {
  return claimQueuePrefix({ redis: inst.redis, configured, identity: inst.identity, description: `test database ${inst.database.name}`, redisDescription: TEST_REDIS_URL });
}

async function start(inst: Installation) {
  inst.config.QUEUE_PREFIX = await claim(inst);
  inst.queues = createQueues(inst.redis, inst.config.QUEUE_PREFIX);
  inst.workers = await startWorkers({ config: inst.config, db: inst.database.db, redisUrl: TEST_REDIS_URL, log: { info: () => {}, warn: () => {}, error: () => {} } });
}

beforeAll(async () => {
  a = await install('a');
  b = await install('b');
});
afterAll(async () => {
  for (const inst of installations) {
    await inst.workers?.close();
    const prefix = inst.config.QUEUE_PREFIX;
    if (prefix && inst.queues) await discardQueues(inst.queues, inst.redis, prefix);
    else inst.redis.disconnect();
    await inst.database.drop();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function statuses(db: TestDatabase['db'], ids: string[]) {
  const rows = await db.select({ id: mailMessages.id, status: mailMessages.status }).from(mailMessages).where(inArray(mailMessages.id, ids));
  return rows.map((r) => r.status).sort();
}

async function queueMails(inst: Installation, n: number): Promise<string[]> {
  const user = await createUser({ db: inst.database.db }, 'partner');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await queueMail(inst.database.db, { template: 'password-changed', userId: user.id, toAddress: user.email, language: 'fr', dedupeKey: `shared-redis:${randomBytes(6).toString('hex')}` }))!);
  return ids;
}

describe('two installations on one Redis', () => {
  it('each database derives its own prefix, the same at every start (copies of one template included)', async () => {
    // A and B are copies of the same migrated, seeded template: same rows, two databases.
    expect(a.identity).not.toBe(b.identity);
    expect(await databaseIdentity(a.database.db)).toBe(a.identity);
    expect(defaultQueuePrefix(a.identity)).toMatch(/^ep-[0-9a-f]{16}$/);
    expect(defaultQueuePrefix(a.identity)).not.toBe(defaultQueuePrefix(b.identity));
    expect(a.config.QUEUE_PREFIX).toBe(''); // unset: derived at start, never a shared default
    expect(() => createQueues(a.redis, '')).toThrow(/no queue prefix/);
  });

  it('jobs of A never run in B, and B\'s never in A', async () => {
    await start(a);
    await start(b);
    expect(a.config.QUEUE_PREFIX).toBe(defaultQueuePrefix(a.identity));
    expect(b.config.QUEUE_PREFIX).toBe(defaultQueuePrefix(b.identity));
    const ofA = await queueMails(a, 20);
    const ofB = await queueMails(b, 5);
    for (const id of ofA) await enqueue(a.queues!, 'mail.send', { messageId: id });
    for (const id of ofB) await enqueue(b.queues!, 'mail.send', { messageId: id });
    // Every message is sent by its own installation: none was "skipped" by the other one.
    expect(await until(async () => (await statuses(a.database.db, ofA)).every((s) => s === 'sent') && (await statuses(b.database.db, ofB)).every((s) => s === 'sent'), 30_000)).toBe(true);
    expect(await statuses(a.database.db, ofA)).toEqual(Array(20).fill('sent'));
    expect(await statuses(b.database.db, ofB)).toEqual(Array(5).fill('sent'));
    // Each queue ran exactly its own installation's jobs.
    expect((await a.queues!.mail.getJobCounts('completed', 'failed')).completed).toBe(20);
    expect((await b.queues!.mail.getJobCounts('completed', 'failed')).completed).toBe(5);
    const ranInB = (await b.queues!.mail.getJobs(['completed', 'failed'])).map((j) => j.data.messageId);
    expect(ranInB.filter((id) => ofA.includes(id))).toEqual([]);
  });

  it('a process refuses to start on a prefix another database holds (B on A\'s prefix), with a clear error', async () => {
    const prefixA = defaultQueuePrefix(a.identity);
    const ownerBefore = await a.redis.get(ownerKey(prefixA));
    expect(JSON.parse(ownerBefore!)).toMatchObject({ database: a.identity });
    const refused = await claim(b, prefixA).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QueuePrefixTaken);
    expect((refused as Error).message).toContain(`The queue prefix "${prefixA}"`);
    expect((refused as Error).message).toContain(`belongs to another database (test database ${a.database.name}`);
    expect((refused as Error).message).toContain(`redis-cli DEL ${prefixA}:owner`);
    // A itself (a restart, another process of A) keeps its prefix.
    expect(await claim(a)).toBe(prefixA);
    expect(await a.redis.get(ownerKey(prefixA))).toBe(ownerBefore);

    // The real entry point: `npm run worker` for B with A's prefix exits 1 with the explanation, before any worker starts.
    const env: NodeJS.ProcessEnv = {
      ...process.env, PROCESS_ROLE: 'worker', NODE_ENV: 'test', DATABASE_URL: b.database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefixA,
      DATA_DIR: join(dataDir, 'b-process'), LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(32).toString('hex'),
    };
    const out = await runNode(['--import', 'tsx', 'server/main.ts'], env);
    expect(out.code, out.out).toBe(1);
    expect(out.out).toContain(`The queue prefix "${prefixA}" on `);
    expect(out.out).toContain('belongs to another database');
    expect(out.out).not.toContain('Workers started');
    expect(await a.redis.get(ownerKey(prefixA))).toBe(ownerBefore);
  }, 90_000);
});

describe('a sweeper\'s re-enqueue always gives a runnable job', () => {
  it('a notice and a mail whose jobs a worker of another database finished (skipped, failed) are done by the next sweep', async () => {
    // The old world: B's worker on the prefix A uses (a shared default), A's own worker stopped.
    const shared = `ept_shared_${randomBytes(4).toString('hex')}`;
    const staff = await createUser({ db: a.database.db }, 'staff');
    const sessionId = await makeSession({ db: a.database.db }, await makeTraining({ db: a.database.db }, staff.id), staff.id);
    await createUser({ db: a.database.db }, 'partner').then((p) => a.database.db.execute(sql`insert into training_registrations (session_id, user_id, establishment_id, status, queue_seq, registered_by, confirmed_at) values (${sessionId}, ${p.id}, ${p.establishmentId}, 'confirmed', null, ${p.id}, now())`));
    await a.database.db.execute(sql`update training_sessions set status = 'cancelled' where id = ${sessionId}`);
    const [notice] = await a.database.db
      .insert(trainingSessionNotices)
      .values({ sessionId, kind: 'cancelled', actorId: staff.id, details: {}, createdAt: new Date(Date.now() - 3_600_000) })
      .returning({ id: trainingSessionNotices.id });
    const [mailId] = await queueMails(a, 1);
    await a.database.db.execute(sql`update mail_messages set created_at = now() - interval '1 hour' where id = ${mailId}`);

    const sharedRedis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const sharedQueues = createQueues(sharedRedis, shared);
    const foreign = new Worker('schedule', async () => { throw new Error('unknown here'); }, { connection: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }), prefix: shared });
    const foreignMail = new Worker('mail', async () => ({ skipped: true, reason: 'not-claimable' }), { connection: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }), prefix: shared });
    await enqueue(sharedQueues, 'trainings.notice', { noticeId: notice!.id }, { attempts: 1 });
    await enqueue(sharedQueues, 'mail.send', { messageId: mailId! });
    expect(await until(async () => (await sharedQueues.schedule.getJobCounts('failed')).failed === 1 && (await sharedQueues.mail.getJobCounts('completed')).completed === 1, 20_000)).toBe(true);
    await foreign.close();
    await foreignMail.close();

    // A's worker on that prefix: its sweeps find the rows not done and give them runnable jobs.
    const config = { ...a.config, QUEUE_PREFIX: shared };
    const workers = await startWorkers({ config, db: a.database.db, redisUrl: TEST_REDIS_URL, log: { info: () => {}, warn: () => {}, error: () => {} } });
    try {
      await enqueue(sharedQueues, 'trainings.sweep', {});
      await enqueue(sharedQueues, 'mail.sweep', {});
      const fannedOut = async () => (await a.database.db.select({ at: trainingSessionNotices.fannedOutAt }).from(trainingSessionNotices).where(eq(trainingSessionNotices.id, notice!.id)))[0]!.at;
      expect(await until(async () => (await fannedOut()) !== null && (await statuses(a.database.db, [mailId!]))[0] === 'sent', 30_000)).toBe(true);
      expect(await fannedOut()).not.toBeNull();
      expect(await statuses(a.database.db, [mailId!])).toEqual(['sent']);
      // The notice's own mail to the registrant went out too.
      const noticeMail = async () => (await a.database.db.execute(sql`select status::text as status from mail_messages where template = 'training-session-cancelled'`)) as unknown as { status: string }[];
      await until(async () => (await noticeMail())[0]?.status === 'sent', 30_000);
      expect(await noticeMail()).toEqual([{ status: 'sent' }]);
    } finally {
      await workers.close();
      await discardQueues(sharedQueues, sharedRedis, shared);
    }
  }, 90_000);
});
