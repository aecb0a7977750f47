import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { enqueueEffects, enqueue, jobIds, payloadProblem, type Queues } from '../../workers/jobs';
import { startWorkers, type RunningWorkers } from '../../workers/main';
import { createTestApp, type TestContext } from '../helpers/app';
import { TEST_REDIS_URL } from '../helpers/env';

/**
 * The job contract (workers/jobs.ts): payloads checked once, when a worker
 * takes the job, against the job's TypeBox schema; a bad one fails at once,
 * without retry, with a log line. Effects of a write enqueued by the one
 * enqueueEffects, with deterministic ids.
 */

let ctx: TestContext;
let workers: RunningWorkers;
const logged: string[] = [];
const log = { info: () => {}, warn: (m: string) => void logged.push(m), error: (m: string) => void logged.push(m) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ctx = await createTestApp();
  workers = await startWorkers({ config: ctx.config, db: ctx.db, redisUrl: TEST_REDIS_URL, log });
});
afterAll(async () => {
  await workers?.close();
  await ctx?.close();
});

async function settled(job: Job): Promise<Job> {
  const queue = job.queueName === 'mail' ? ctx.queues.mail : ctx.queues.schedule;
  for (let i = 0; i < 200; i++) {
    const state = await queue.getJobState(job.id!);
    if (state === 'completed' || state === 'failed') return (await queue.getJob(job.id!))!;
    await sleep(50);
  }
  throw new Error(`job ${job.id} did not finish`);
}

describe('payload schemas, checked at dispatch', () => {
  it('fails a bad payload through a real queue at the first attempt, with a log line, and runs a good one', async () => {
    const bad = [
      await ctx.queues.mail.add('mail.send', { messageId: 'not-a-uuid' }, { attempts: 6 }),
      // Payloads carry ids only: content slipped into one is refused.
      await ctx.queues.mail.add('mail.send', { messageId: '00000000-0000-4000-8000-00000000000a', html: '<p>hi</p>' }, { attempts: 6 }),
      await ctx.queues.schedule.add('trainings.offer-expire', { registrationId: '00000000-0000-4000-8000-00000000000b', round: 'x', expiresAt: 'y' }, { attempts: 6 }),
      await ctx.queues.schedule.add('trainings.sweep', { extra: 1 }, { attempts: 6 }),
      await ctx.queues.schedule.add('trainings.nope', {}, { attempts: 6 }),
    ];
    for (const added of bad) {
      const job = await settled(added);
      expect(await job.getState()).toBe('failed');
      // No retry: one attempt although six were allowed.
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toMatch(/bad payload|Unknown job/);
      expect(logged.some((l) => l.includes(`${job.name} ${job.id}:`) && /failed without retry/.test(l))).toBe(true);
    }
    // A well-formed payload reaches its handler (an unknown outbox row is skipped).
    const good = await settled(await ctx.queues.mail.add('mail.send', { messageId: '00000000-0000-4000-8000-00000000000c' }));
    expect(await good.getState()).toBe('completed');
    expect(good.returnvalue).toEqual({ skipped: true, reason: 'not-claimable' });
  });

  it('names what is wrong', () => {
    expect(payloadProblem('mail.send', { messageId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    expect(payloadProblem('mail.send', {})).toMatch(/messageId/);
    expect(payloadProblem('trainings.offer-expire', { registrationId: '00000000-0000-4000-8000-000000000000', round: 1, expiresAt: new Date().toISOString() })).toBeNull();
    expect(payloadProblem('trainings.offer-expire', { registrationId: '00000000-0000-4000-8000-000000000000', round: 1.5, expiresAt: new Date().toISOString() })).toMatch(/round/);
    expect(payloadProblem('accounts.purge', {})).toBeNull();
    expect(payloadProblem('accounts.purge', null)).not.toBeNull();
  });
});

describe('enqueueEffects', () => {
  it('adds each effect once under its deterministic id, even when given twice', async () => {
    const messageId = '00000000-0000-4000-8000-0000000000d1';
    const noticeId = '00000000-0000-4000-8000-0000000000d2';
    const offer = { registrationId: '00000000-0000-4000-8000-0000000000d3', round: 2, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
    // Paused queues: the jobs stay where they were added.
    await ctx.queues.mail.pause();
    await ctx.queues.schedule.pause();
    try {
      const fx = { mailIds: [messageId], notices: [noticeId], offers: [offer] };
      await enqueueEffects(ctx.queues, fx);
      await enqueueEffects(ctx.queues, fx);
      expect(await ctx.queues.mail.getJobState(jobIds['mail.send']({ messageId }))).toBe('waiting');
      expect(await ctx.queues.schedule.getJobState(jobIds['trainings.notice']({ noticeId }))).toBe('waiting');
      expect(await ctx.queues.schedule.getJobState(jobIds['trainings.offer-expire'](offer))).toBe('delayed');
      expect((await ctx.queues.mail.getJobs(['waiting'])).filter((j) => j.data.messageId === messageId)).toHaveLength(1);
      expect((await ctx.queues.schedule.getJobs(['waiting', 'delayed'])).filter((j) => j.data.noticeId === noticeId || j.data.registrationId === offer.registrationId)).toHaveLength(2);
    } finally {
      for (const id of [jobIds['mail.send']({ messageId })]) await (await ctx.queues.mail.getJob(id))?.remove();
      for (const id of [jobIds['trainings.notice']({ noticeId }), jobIds['trainings.offer-expire'](offer)]) await (await ctx.queues.schedule.getJob(id))?.remove();
      await ctx.queues.mail.resume();
      await ctx.queues.schedule.resume();
    }
  });

  it('reports failed adds to onError (the api: the write committed) or throws once all were tried (a worker: the job retries)', async () => {
    const tried: string[] = [];
    const down = { add: async (name: string) => { tried.push(name); throw new Error('redis down'); } };
    const queues = { mail: down, schedule: down } as unknown as Queues;
    const fx = { mailIds: ['00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000e2'], notices: ['00000000-0000-4000-8000-0000000000e3'] };
    const reported: string[] = [];
    await enqueueEffects(queues, fx, (_err, name) => reported.push(name));
    expect(reported.sort()).toEqual(['mail.send', 'mail.send', 'trainings.notice']);
    tried.length = 0;
    await expect(enqueueEffects(queues, fx)).rejects.toThrow('redis down');
    expect(tried).toHaveLength(3);
  });

  it('enqueue gives the same job its deterministic id', async () => {
    const messageId = '00000000-0000-4000-8000-0000000000f1';
    await ctx.queues.mail.pause();
    try {
      await enqueue(ctx.queues, 'mail.send', { messageId });
      await enqueue(ctx.queues, 'mail.send', { messageId });
      expect((await ctx.queues.mail.getJobs(['waiting'])).filter((j) => j.data.messageId === messageId).map((j) => j.id)).toEqual([`mail-${messageId}`]);
    } finally {
      await (await ctx.queues.mail.getJob(`mail-${messageId}`))?.remove();
      await ctx.queues.mail.resume();
    }
  });
});
