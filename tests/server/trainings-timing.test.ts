import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { trainingSessions, trainingSlots, users } from '../../db/schema';
import { createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { expectProblem, fieldErrors } from '../helpers/accounts';
import { apiSession, apiSignUp, apiTraining, registrationState } from '../helpers/trainings-api';
import { moveSessionIntoPast } from '../helpers/trainings';

/**
 * Time rules of sessions (issue 9, item 12): attendance is taken once the
 * session has started, never before (a certificate cannot exist in advance);
 * a session is never scheduled in the past, and a session that has started
 * cannot be (re)opened to sign-ups. Each refusal is a clear French answer
 * that leaves the stored rows as they were.
 */

let ctx: TestContext;
let staff: TestUser;
let asStaff: Injector;
let trainingId: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(ms).toISOString();
const slotIn = (hours: number, length = 3) => ({ startsAt: at(Date.now() + hours * HOUR), endsAt: at(Date.now() + (hours + length) * HOUR) });

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  asStaff = await injectAs(ctx, staff);
  trainingId = await apiTraining(asStaff, { title: 'Règles de temps' });
});
afterAll(async () => ctx?.close());

async function storedSession(id: string) {
  const [s] = await ctx.db.select({ status: trainingSessions.status, startsAt: trainingSessions.startsAt }).from(trainingSessions).where(eq(trainingSessions.id, id));
  const slots = await ctx.db.select({ startsAt: trainingSlots.startsAt, endsAt: trainingSlots.endsAt }).from(trainingSlots).where(eq(trainingSlots.sessionId, id)).orderBy(trainingSlots.position);
  return { status: s!.status, startsAt: s!.startsAt.toISOString(), slots: slots.map((x) => [x.startsAt.toISOString(), x.endsAt.toISOString()]) };
}

/** Moves the session so that it started `minutesAgo` minutes ago and is still under way. */
async function underWay(id: string, minutesAgo = 10) {
  const start = new Date(Date.now() - minutesAgo * 60_000);
  const end = new Date(start.getTime() + 3 * HOUR);
  await ctx.db.update(trainingSessions).set({ startsAt: start, endsAt: end, signupDeadline: new Date(start.getTime() - DAY) }).where(eq(trainingSessions.id, id));
  await ctx.db.update(trainingSlots).set({ startsAt: start, endsAt: end }).where(eq(trainingSlots.sessionId, id));
}

describe('attendance', () => {
  it('is refused before the session starts (409, in French), then taken once it has started', async () => {
    const sessionId = await apiSession(asStaff, trainingId, { startsInHours: 2 });
    const reg = await apiSignUp(await injectAs(ctx, await createUser(ctx, 'partner')), sessionId);
    const put = (attendance: string | null) => asStaff({ method: 'PUT', url: `/api/trainings/registrations/${reg.id}/attendance`, payload: { attendance } });

    for (const value of ['present', 'absent', null]) {
      const early = await put(value);
      expect(expectProblem(early, 409).detail).toBe('Les présences se prennent une fois la session commencée\u00a0: revenez à son début.');
    }
    expect(await registrationState(ctx, reg.id)).toEqual({ status: 'confirmed', attendance: null });
    // In English for an English-speaking member of staff (the language is the signed-in person's).
    const enStaff = await createUser(ctx, 'staff');
    await ctx.db.update(users).set({ language: 'en' }).where(eq(users.id, enStaff.id));
    const en = await (await injectAs(ctx, enStaff))({ method: 'PUT', url: `/api/trainings/registrations/${reg.id}/attendance`, payload: { attendance: 'present' } });
    expect(expectProblem(en, 409).detail).toBe('Attendance is taken once the session has started: come back at its start.');

    // Ten minutes into the session: the sign-in sheet goes round, attendance is taken.
    await underWay(sessionId);
    const ok = await put('present');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().attendance).toBe('present');
    expect(await registrationState(ctx, reg.id)).toEqual({ status: 'confirmed', attendance: 'present' });
    // And after it ended too.
    await moveSessionIntoPast(ctx.db, sessionId);
    expect((await put('absent')).json().attendance).toBe('absent');
  });

  it('the certificate cannot exist before the session: no attendance, no certificate', async () => {
    const partner = await createUser(ctx, 'partner');
    const sessionId = await apiSession(asStaff, trainingId);
    const reg = await apiSignUp(await injectAs(ctx, partner), sessionId);
    expectProblem(await asStaff({ method: 'PUT', url: `/api/trainings/registrations/${reg.id}/attendance`, payload: { attendance: 'present' } }), 409);
    expectProblem(await (await injectAs(ctx, partner))({ method: 'GET', url: `/api/trainings/registrations/${reg.id}/certificate.pdf` }), 409);
  });
});

describe('sessions are never scheduled in the past', () => {
  const body = (slots: { startsAt: string; endsAt: string }[], status: 'open' | 'draft' = 'open') => ({
    slots, place: { kind: 'office', officeId: 'bit-le-vigan' }, capacity: 8, status,
    signupDeadline: at(Math.min(...slots.map((s) => Date.parse(s.startsAt))) - HOUR),
  });
  const create = (payload: object) => asStaff({ method: 'POST', url: `/api/trainings/${trainingId}/sessions`, payload });
  const countSessions = async () => Number(((await ctx.db.execute(sql`select count(*)::int as n from training_sessions where training_id = ${trainingId}`)) as unknown as { n: number }[])[0]!.n);

  it('creating an open session (or a draft) that starts in the past: 400 naming the slot, nothing created', async () => {
    const before = await countSessions();
    const past = await create(body([slotIn(-2)]));
    expect(expectProblem(past, 400).detail).toBe('Une session ne peut pas commencer dans le passé\u00a0: choisissez une date et une heure à venir.');
    expect(fieldErrors(past)).toEqual({ 'slots.0.startsAt': 'Une session ne peut pas commencer dans le passé\u00a0: choisissez une date et une heure à venir.' });
    // The second slot is the one in the past (yesterday): it is the one named.
    expect(fieldErrors(await create(body([slotIn(48), slotIn(-24)])))).toEqual({ 'slots.1.startsAt': expect.any(String) });
    // Drafts are planned sessions too.
    expectProblem(await create(body([slotIn(-48)], 'draft')), 400);
    expect(await countSessions()).toBe(before);
    // One minute ahead is the future.
    expect((await create(body([slotIn(1 / 60)]))).statusCode).toBe(201);
  });

  it('moving an open session into the past: 400, the session keeps its dates', async () => {
    const id = await apiSession(asStaff, trainingId);
    const before = await storedSession(id);
    const res = await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${id}`, payload: { slots: [slotIn(-5)], signupDeadline: at(Date.now() - 6 * HOUR) } });
    expect(fieldErrors(res)).toEqual({ 'slots.0.startsAt': 'Une session ne peut pas commencer dans le passé\u00a0: choisissez une date et une heure à venir.' });
    expectProblem(res, 400);
    expect(await storedSession(id)).toEqual(before);
    // Moving it to another future date is fine.
    expect((await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${id}`, payload: { slots: [slotIn(72)], signupDeadline: at(Date.now() + 48 * HOUR) } })).statusCode).toBe(200);
  });

  it('a session under way keeps its past slot while a later day moves (only new or moved slots must be ahead)', async () => {
    const res = await create(body([slotIn(20), slotIn(44)]));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    // Day 1 started yesterday (moved straight in the database: the api would refuse it).
    const day1 = { startsAt: at(Date.now() - 26 * HOUR), endsAt: at(Date.now() - 23 * HOUR) };
    await ctx.db.execute(sql`update training_slots set starts_at = ${day1.startsAt}, ends_at = ${day1.endsAt} where session_id = ${id} and position = 0`);
    await ctx.db.execute(sql`update training_sessions set starts_at = ${day1.startsAt}, signup_deadline = ${at(Date.now() - 30 * HOUR)} where id = ${id}`);
    const moved = await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${id}`, payload: { slots: [day1, slotIn(50)] } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().slots).toHaveLength(2);
    // Day 1 itself cannot be moved to another past time.
    const back = await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${id}`, payload: { slots: [{ startsAt: at(Date.now() - 27 * HOUR), endsAt: day1.endsAt }, slotIn(50)] } });
    expect(Object.keys(fieldErrors(back))).toEqual(['slots.0.startsAt']);
  });

  it('a draft (or closed) session whose start has passed cannot be opened: 400 on the status, still a draft', async () => {
    const res = await create(body([slotIn(30)], 'draft'));
    const id = res.json().id as string;
    await moveSessionIntoPast(ctx.db, id);
    const open = await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${id}`, payload: { status: 'open' } });
    expect(fieldErrors(open)).toEqual({ status: 'Cette session a déjà commencé\u00a0: elle ne peut plus être ouverte aux inscriptions. Déplacez-la d’abord à une date à venir.' });
    expectProblem(open, 400);
    expect((await storedSession(id)).status).toBe('draft');
    // Closed after it took place: not reopened either.
    const closed = await apiSession(asStaff, trainingId);
    expect((await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${closed}`, payload: { status: 'closed' } })).statusCode).toBe(200);
    await moveSessionIntoPast(ctx.db, closed);
    expectProblem(await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${closed}`, payload: { status: 'open' } }), 400);
    // Other edits of a past session (its notes) are still allowed.
    expect((await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${closed}`, payload: { notes: 'Support envoyé aux participants' } })).statusCode).toBe(200);
  });
});
