import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { mailMessages } from '../../db/schema';
import { queueMail } from '../../db/queries/mail';
import { schedules } from '../../workers/handlers';
import { createTestApp, createUser, type TestContext } from '../helpers/app';
import { TEST_REDIS_URL } from '../helpers/env';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp';

/**
 * Issue 9 item 3: the repeatable jobs (the safety nets) come back without a
 * restart when Redis loses the queue prefix's keys: the cron owner re-asserts
 * them periodically and whenever its connection is ready again. A mail whose
 * job was lost with the keys is then swept and sent.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const expected = schedules.map((s) => s.job).sort();

async function waitUntil<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() - start > timeoutMs) return v;
    await sleep(100);
  }
}

/** Deletes every key of the prefix, as a flushed or replaced Redis would. */
async function loseKeys(ctx: TestContext) {
  const keys = await ctx.redis.keys(`${ctx.config.QUEUE_PREFIX}:*`);
  if (keys.length) await ctx.redis.del(...keys);
}

const schedulerIds = async (ctx: TestContext) => (await ctx.queues.schedule.getJobSchedulers()).map((s) => s.key).sort();

/** A mail committed to the outbox whose job was lost (written a while ago, never enqueued). */
async function lostMail(ctx: TestContext) {
  const user = await createUser(ctx, 'partner');
  const id = await queueMail(ctx.db, { template: 'password-changed', userId: user.id, toAddress: user.email, language: 'fr', params: {} });
  await ctx.db.update(mailMessages).set({ createdAt: sql`now() - interval '5 minutes'` }).where(eq(mailMessages.id, id!));
  return { id: id!, email: user.email };
}

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp?.close();
});

/** The cron owner's app checking its schedules every `checkSeconds`, its workers started and their first runs over; closed after the test. */
async function cronOwner(checkSeconds: number) {
  const ctx = await createTestApp({ CRON_OWNER: true, SCHEDULES_CHECK_SECONDS: checkSeconds }, { smtpUrl: smtp.url });
  onTestFinished(() => ctx.close());
  await ctx.startWorkers();
  expect(await schedulerIds(ctx)).toEqual(expected);
  await sleep(300); // let the first runs (sweeps of an empty outbox) finish
  return ctx;
}

describe('schedules re-asserted', () => {
  it('come back periodically after the prefix lost its keys, and the queued outbox mail is sent, without restart', async () => {
    const ctx = await cronOwner(1);
    const mail = await lostMail(ctx);
    await loseKeys(ctx);
    expect(await schedulerIds(ctx)).toEqual([]);

    expect(await waitUntil(() => schedulerIds(ctx), (ids) => ids.length === expected.length)).toEqual(expected);
    await smtp.waitFor((m) => m.to.includes(mail.email));
    const status = async () => (await ctx.db.select({ status: mailMessages.status }).from(mailMessages).where(eq(mailMessages.id, mail.id)))[0]!.status;
    expect(await waitUntil(status, (s) => s === 'sent')).toBe('sent');
  });
});

describe('schedules re-asserted on reconnect', () => {
  it('come back as soon as the worker reconnects to a Redis that lost them (periodic check far away)', async () => {
    const ctx = await cronOwner(3600);
    await loseKeys(ctx);
    expect(await schedulerIds(ctx)).toEqual([]);
    // Drop this worker's connections, as a Redis restart would (only this install's: they are named after its prefix).
    const admin = new Redis(TEST_REDIS_URL);
    try {
      const list = (await admin.client('LIST')) as string;
      const ids = list.split('\n').filter((l) => l.includes(` name=${ctx.config.QUEUE_PREFIX}-worker`)).map((l) => /\bid=(\d+)/.exec(l)![1]!);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) await admin.client('KILL', 'ID', id);
    } finally {
      admin.disconnect();
    }
    expect(await waitUntil(() => schedulerIds(ctx), (ids) => ids.length === expected.length, 10_000)).toEqual(expected);
  });
});
