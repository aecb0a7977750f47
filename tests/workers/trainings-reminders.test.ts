import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from 'bullmq';
import { sql } from 'drizzle-orm';
import { handlers } from '../../workers/handlers';
import { createWorkerContext } from '../../workers/main';
import { createTestApp, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { apiSession, apiSignUp, apiTraining } from '../helpers/trainings-api';

/**
 * The reminder window, both edges: the job reminds confirmed people of
 * sessions starting within the next 48 hours, and not earlier. Sessions and
 * sign-ups are made through the api; the job runs through its handler in the
 * workers' registry, twice (it must act once).
 */

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const HOUR = 3_600_000;
let ctx: TestContext;
let wctx: ReturnType<typeof createWorkerContext>;
let asStaff: Injector;

beforeAll(async () => {
  ctx = await createTestApp();
  wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: quiet });
  asStaff = await injectAs(ctx, await createUser(ctx, 'staff'));
});
afterAll(async () => {
  await wctx?.close();
  await ctx?.close();
});

const runReminders = () => handlers['trainings.reminders']({}, wctx, new Job(ctx.queues.schedule, 'trainings.reminders', {}));

/** Addresses that have a reminder in the outbox (raw SQL: independent of the mail modules). */
async function remindedAddresses(): Promise<string[]> {
  const rows = (await ctx.db.execute(sql`select to_address from mail_messages where template = 'training-reminder'`)) as unknown as { to_address: string }[];
  return rows.map((r) => r.to_address).sort();
}

async function sessionWithOnePerson(trainingId: string, startsInHours: number) {
  const sessionId = await apiSession(asStaff, trainingId, { startsInHours, deadlineInHours: startsInHours - 2 });
  const person = await createUser(ctx, 'partner');
  expect((await apiSignUp(await injectAs(ctx, person), sessionId)).status).toBe('confirmed');
  return { sessionId, email: person.email };
}

async function moveTo(sessionId: string, startsInHours: number) {
  const start = Date.now() + startsInHours * HOUR;
  const res = await asStaff({
    method: 'PATCH', url: `/api/trainings/sessions/${sessionId}`,
    payload: { slots: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * HOUR).toISOString() }], signupDeadline: new Date(start - 2 * HOUR).toISOString() },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('trainings.reminders: the 48-hour window', () => {
  it('reminds a session about 47 h away; not yet one 49 h or 2.5 days away', async () => {
    const t = await apiTraining(asStaff, { title: 'Fenêtre des rappels' });
    const due = await sessionWithOnePerson(t, 47);
    const justAfter = await sessionWithOnePerson(t, 49);
    const twoAndAHalfDays = await sessionWithOnePerson(t, 60);
    const threeDaysMinus = await sessionWithOnePerson(t, 71);

    expect(await runReminders()).toEqual({ queued: 1 });
    expect(await runReminders()).toEqual({ queued: 0 });
    expect(await remindedAddresses()).toEqual([due.email]);

    // The others were only early: moved to 47 h away, each gets its reminder (once).
    for (const s of [justAfter, twoAndAHalfDays, threeDaysMinus]) await moveTo(s.sessionId, 47);
    expect(await runReminders()).toEqual({ queued: 3 });
    expect(await runReminders()).toEqual({ queued: 0 });
    expect(await remindedAddresses()).toEqual([due.email, justAfter.email, twoAndAHalfDays.email, threeDaysMinus.email].sort());
  });
});
