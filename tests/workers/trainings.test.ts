import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, UnrecoverableError } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { cancelRegistration } from '../../db/queries/trainings/moves';
import { updateSession } from '../../db/queries/trainings/session-edits';
import { insertNotice } from '../../db/queries/trainings/notices';
import { signUp } from '../../db/queries/trainings/sign-up';
import { mailMessages, trainingRegistrationEvents, trainingSessionNotices, trainingRegistrations, trainingSessions, trainingSlots } from '../../db/schema';
import { enqueue, jobIds, type JobName, type JobPayloads, type WorkerContext } from '../../workers/jobs';
import { createWorkerContext, runJob } from '../../workers/main';
import { sendMail } from '../../workers/handlers/mail/send';
import { createTestApp, createUser, type TestContext, type TestUser } from '../helpers/app';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../helpers/smtp';
import { emailOf, makeSession, makeTraining, seatCounts } from '../helpers/trainings';

/**
 * Training jobs: each one run twice acts once (state re-read, outbox rows
 * deduplicated, deterministic job ids), bad payloads fail without retry.
 * Mail goes through the real workers to a real SMTP server.
 */

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let smtp: SmtpCapture;
let ctx: TestContext;
let wctx: WorkerContext & { close(): Promise<void> };
let staff: TestUser;
const HOUR = 3_600_000;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestApp({}, { smtpUrl: smtp.url });
  await ctx.startWorkers();
  wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: quiet });
  staff = await createUser(ctx, 'staff');
});
afterAll(async () => {
  await wctx?.close();
  await ctx?.close();
  await smtp?.close();
});

/** Runs a job as the worker does: payload checked against the job's schema, then its handler. */
function run<N extends JobName>(name: N, payload: JobPayloads[N]) {
  return runJob(new Job(ctx.queues.schedule, name, payload), wctx) as Promise<unknown>;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const to = (email: string, subject: RegExp) => (m: CapturedMail) => m.to.includes(email) && subject.test(m.subject);

async function person(name: string) {
  const user = await createUser(ctx, 'partner', { name });
  return { ...user, email: await emailOf(ctx, user.id) };
}
async function join(sessionId: string, user: TestUser) {
  const r = await signUp(ctx.db, { sessionId, userId: user.id, establishmentId: user.establishmentId, actorId: user.id });
  if (!r.ok) throw new Error(r.reason);
  return r.registrationId;
}

describe('trainings.reminders', () => {
  it('reminds confirmed people 2 days before, once, with place and map link; again after a change of time', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Atelier Accueil Vélo' });
    const soon = await makeSession(ctx, t, staff.id, { startsInDays: 1.25, capacity: 2 });
    const later = await makeSession(ctx, t, staff.id, { startsInDays: 5 });
    const [a, b, c, d] = [await person('Anne'), await person('Basile'), await person('Chloé'), await person('Damien')];
    await join(soon, a);
    await join(soon, b);
    await join(soon, c); // waiting: no reminder
    await join(later, d); // too early

    await run('trainings.reminders', {});
    await run('trainings.reminders', {});
    const mails = await smtp.waitFor((m) => /Rappel\s: Atelier Accueil Vélo/.test(m.subject), 2);
    await sleep(400);
    expect(smtp.messages.filter((m) => /Rappel\s: Atelier Accueil Vélo/.test(m.subject)).map((m) => m.to[0]).sort()).toEqual([a.email, b.email].sort());
    const text = (await simpleParser(mails[0]!.raw)).text!;
    expect(text).toContain('Le Vigan');
    expect(text).toContain('https://www.openstreetmap.org/search?query=');

    // Moved by one hour: a new reminder for the new time (once).
    const [slot] = await ctx.db.select().from(trainingSlots).where(eq(trainingSlots.sessionId, soon));
    const moved = await updateSession(ctx.db, soon, { slots: [{ startsAt: new Date(slot!.startsAt.getTime() + HOUR), endsAt: new Date(slot!.endsAt.getTime() + HOUR) }] }, staff.id);
    expect(moved.ok).toBe(true);
    await run('trainings.reminders', {});
    await run('trainings.reminders', {});
    await smtp.waitFor((m) => /Rappel\s: Atelier Accueil Vélo/.test(m.subject), 4);
    await sleep(400);
    expect(smtp.messages.filter((m) => /Rappel\s: Atelier Accueil Vélo/.test(m.subject))).toHaveLength(4);
  });
});

describe('trainings.surveys', () => {
  it('sends the survey once per person after the session', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Bilan de saison' });
    const s = await makeSession(ctx, t, staff.id);
    const [a, b] = [await person('Aurore'), await person('Benoît')];
    await join(s, a);
    const rb = await join(s, b);
    await ctx.db.update(trainingRegistrations).set({ attendance: 'absent' }).where(eq(trainingRegistrations.id, rb));
    const start = new Date(Date.now() - 5 * HOUR);
    await ctx.db.update(trainingSessions).set({ startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR), signupDeadline: new Date(start.getTime() - HOUR) }).where(eq(trainingSessions.id, s));
    await run('trainings.surveys', {});
    await run('trainings.surveys', {});
    const [mail] = await smtp.waitFor(to(a.email, /Votre avis sur\s: Bilan de saison/));
    expect((await simpleParser(mail!.raw)).text).toMatch(/\/formations\/enquete\/[A-Za-z0-9._-]+/);
    await sleep(400);
    expect(smtp.messages.filter((m) => /Bilan de saison/.test(m.subject)).map((m) => m.to[0])).toEqual([a.email]);
  });
});

describe('trainings.notice', () => {
  it('fans a change out to every active registrant, once', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Photo pour hébergeurs' });
    const s = await makeSession(ctx, t, staff.id, { capacity: 1 });
    const [a, b, c] = [await person('Alix'), await person('Bérénice'), await person('Cyril')];
    await join(s, a);
    await join(s, b);
    const rc = await join(s, c);
    await cancelRegistration(ctx.db, { registrationId: rc, actorId: c.id, partnerRules: true, notifyPerson: false });
    const out = await updateSession(ctx.db, s, { placeKind: 'office', officeId: 'bit-ganges', communeInsee: null, address: null, onlineUrl: null }, staff.id);
    if (!out.ok) throw new Error(out.reason);
    expect(out.effects.notices).toHaveLength(1);
    const noticeId = out.effects.notices[0]!;
    expect(await run('trainings.notice', { noticeId })).toEqual({ queued: 2 });
    await run('trainings.notice', { noticeId });
    await smtp.waitFor((m) => /Changement\s: Photo pour hébergeurs/.test(m.subject), 2);
    await sleep(400);
    expect(smtp.messages.filter((m) => /Changement\s: Photo pour hébergeurs/.test(m.subject)).map((m) => m.to[0]).sort()).toEqual([a.email, b.email].sort());
    await expect(run('trainings.notice', { noticeId: 'nope' } as never)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run('trainings.notice', { noticeId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(UnrecoverableError);
  });
});

describe('trainings.offer-expire and trainings.sweep', () => {
  it('expires an offer once and offers the seat to the next person once', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Langue des signes' });
    const s = await makeSession(ctx, t, staff.id, { capacity: 1 });
    const [a, b, c] = [await person('Adèle'), await person('Bastien'), await person('Céline')];
    const ra = await join(s, a);
    const rb = await join(s, b);
    const rc = await join(s, c);
    const cancelled = await cancelRegistration(ctx.db, { registrationId: ra, actorId: a.id, partnerRules: true, notifyPerson: false });
    if (!cancelled.ok) throw new Error(cancelled.reason);
    const offer = cancelled.effects.offers[0]!;
    expect(offer.registrationId).toBe(rb);

    // Fired early (clock skew): nothing changes, the job retries.
    await expect(run('trainings.offer-expire', offer)).rejects.toThrow(/not yet due/);
    expect((await seatCounts(ctx, s)).rows).toMatchObject({ offered: 1, waiting: 1 });

    await ctx.db.update(trainingRegistrations).set({ offerExpiresAt: new Date(Date.now() - 1000) }).where(eq(trainingRegistrations.id, rb));
    expect(await run('trainings.offer-expire', offer)).toEqual({ expired: true });
    expect(await run('trainings.offer-expire', offer)).toEqual({ expired: false });
    expect(await run('trainings.sweep', {})).toMatchObject({ expired: 0 });
    const events = await ctx.db.select({ kind: trainingRegistrationEvents.kind, registrationId: trainingRegistrationEvents.registrationId }).from(trainingRegistrationEvents).where(eq(trainingRegistrationEvents.sessionId, s));
    expect(events.filter((e) => e.kind === 'expired')).toEqual([{ kind: 'expired', registrationId: rb }]);
    expect(events.filter((e) => e.kind === 'offered').map((e) => e.registrationId)).toEqual([rb, rc]);
    await smtp.waitFor(to(c.email, /place s’est libérée\s: Langue des signes/));
    await smtp.waitFor(to(b.email, /Proposition expirée/));
    const counts = await seatCounts(ctx, s);
    expect(counts.counters).toEqual(counts.rows);

    // The sweeper catches an offer whose delayed job was lost; twice acts once.
    await ctx.db.update(trainingRegistrations).set({ offerExpiresAt: new Date(Date.now() - 1000) }).where(eq(trainingRegistrations.id, rc));
    expect(await run('trainings.sweep', {})).toMatchObject({ expired: 1 });
    expect(await run('trainings.sweep', {})).toMatchObject({ expired: 0 });
    await sleep(400);
    expect(smtp.messages.filter(to(c.email, /place s’est libérée\s: Langue des signes/))).toHaveLength(1);
    expect(smtp.messages.filter(to(c.email, /Proposition expirée/))).toHaveLength(1);

    await expect(run('trainings.offer-expire', { registrationId: rb, round: 'x', expiresAt: 'y' } as never)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('re-enqueues a notice whose job Redis lost, and says so once: the second sweep finds its job waiting', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Notice perdue' });
    const s = await makeSession(ctx, t, staff.id);
    // Written as a session change writes it, but with no job (lost with Redis) and old enough for the sweeper.
    const noticeId = await ctx.db.transaction((tx) => insertNotice(tx, s, 'changed', staff.id, {}));
    await ctx.db.update(trainingSessionNotices).set({ createdAt: new Date(Date.now() - HOUR) }).where(eq(trainingSessionNotices.id, noticeId));
    // The worker must not take the job between the two sweeps.
    await ctx.queues.schedule.pause();
    try {
      expect(await run('trainings.sweep', {})).toMatchObject({ notices: 1 });
      expect(await ctx.queues.schedule.getJobState(jobIds['trainings.notice']({ noticeId }))).toBe('waiting');
      expect(await run('trainings.sweep', {})).toMatchObject({ notices: 0 });
    } finally {
      await ctx.queues.schedule.resume();
    }
    await expect.poll(async () => (await ctx.db.select({ at: trainingSessionNotices.fannedOutAt }).from(trainingSessionNotices).where(eq(trainingSessionNotices.id, noticeId)))[0]!.at, { timeout: 10_000 }).not.toBeNull();
  });

  it('enqueuing the same offer expiry twice makes one delayed job', async () => {
    const payload = { registrationId: '00000000-0000-4000-8000-000000000001', round: 1, expiresAt: new Date(Date.now() + 3 * HOUR).toISOString() };
    await enqueue(ctx.queues, 'trainings.offer-expire', payload);
    await enqueue(ctx.queues, 'trainings.offer-expire', payload);
    const delayed = await ctx.queues.schedule.getDelayed();
    const mine = delayed.filter((j) => j.name === 'trainings.offer-expire' && j.data.registrationId === payload.registrationId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.opts.delay).toBeGreaterThan(2.9 * HOUR);
    await mine[0]!.remove();
  });

  it('a mail that no longer applies is skipped, not sent stale', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Mail périmé' });
    const s = await makeSession(ctx, t, staff.id, { capacity: 1 });
    const [a, b] = [await person('Agathe'), await person('Bruno')];
    await join(s, a);
    const rb = await join(s, b);
    // B's waiting-list mail is still in the outbox (signUp here enqueues no job) when B leaves the list.
    const [waitingMail] = await ctx.db.select({ id: mailMessages.id, status: mailMessages.status }).from(mailMessages).where(and(eq(mailMessages.template, 'training-waiting'), eq(mailMessages.toAddress, b.email)));
    expect(waitingMail!.status).toBe('queued');
    await cancelRegistration(ctx.db, { registrationId: rb, actorId: b.id, partnerRules: true, notifyPerson: false });
    expect(await sendMail({ messageId: waitingMail!.id }, wctx, new Job(ctx.queues.mail, 'mail.send', { messageId: waitingMail!.id }))).toMatchObject({ skipped: true, reason: 'not-applicable' });
  });
});
