import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from 'bullmq';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { offerExpiry } from '../../db/queries/trainings/seats';
import { mailMessages, trainingRegistrations, trainingSessions } from '../../db/schema';
import type { WorkerContext } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { sweepTrainings } from '../../workers/handlers/trainings/sweep';
import { createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../helpers/smtp';
import { emailOf, makeSession, makeTraining, parseIcs, seatCounts, tamper } from '../helpers/trainings';

/**
 * The waiting list end to end, with the real workers and a real SMTP
 * server: a freed seat is offered to the first person waiting, by e-mail;
 * the e-mail link's page reads without changing anything; accept, decline
 * and expiry each move the list on; staff changes notify every registrant.
 */

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let smtp: SmtpCapture;
let ctx: TestContext;
let wctx: WorkerContext & { close(): Promise<void> };
let staff: TestUser;
let asStaff: Injector;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestApp({}, { smtpUrl: smtp.url });
  await ctx.startWorkers();
  wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: quiet });
  staff = await createUser(ctx, 'staff', { name: 'Agnès Accueil' });
  asStaff = await injectAs(ctx, staff);
});
afterAll(async () => {
  await wctx?.close();
  await ctx?.close();
  await smtp?.close();
});

const to = (email: string, subject: RegExp) => (m: CapturedMail) => m.to.includes(email) && subject.test(m.subject);
const textOf = async (m: CapturedMail) => (await simpleParser(m.raw)).text ?? '';
const offerTokenIn = (text: string) => /\/formations\/offres\/([A-Za-z0-9._-]+)/.exec(text)?.[1];

async function people(n: number, language: 'fr' | 'en' = 'fr') {
  const list: { user: TestUser; email: string; inject: Injector }[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser(ctx, 'partner', { name: `Partenaire ${i + 1}`, language });
    list.push({ user, email: await emailOf(ctx, user.id), inject: await injectAs(ctx, user) });
  }
  return list;
}

async function signUp(p: { inject: Injector }, sessionId: string) {
  const res = await p.inject({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; status: string; position: number | null };
}

async function statusOf(id: string) {
  const [r] = await ctx.db.select({ status: trainingRegistrations.status, round: trainingRegistrations.offerRound, expiresAt: trainingRegistrations.offerExpiresAt }).from(trainingRegistrations).where(eq(trainingRegistrations.id, id));
  return r!;
}

describe('waiting list (offer mode)', () => {
  it('confirmation with .ics, waiting position, cancellation -> offer, decline -> next, expiry -> next', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Éductour vallée de l’Arre' });
    const s = await makeSession(ctx, t, staff.id, { capacity: 2 });
    const [a, b, c, d] = await people(4);
    const ra = await signUp(a!, s);
    await signUp(b!, s);
    const rc = await signUp(c!, s);
    const rd = await signUp(d!, s);
    expect([rc.status, rc.position, rd.status, rd.position]).toEqual(['waiting', 1, 'waiting', 2]);

    // Confirmation with the session's calendar file attached.
    const [confirmation] = await smtp.waitFor(to(a!.email, /Inscription confirmée/));
    const parsed = await simpleParser(confirmation!.raw);
    const ics = parsed.attachments.find((x) => x.filename === 'formation.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const cal = await parseIcs(ics!.content.toString('utf8'));
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]!.summary).toBe('Éductour vallée de l’Arre');
    expect(cal.events[0]!.location).toContain('Le Vigan');
    // The waiting-list mail tells the position.
    const [waitingMail] = await smtp.waitFor(to(d!.email, /Liste d’attente/));
    expect(await textOf(waitingMail!)).toContain('position 2');

    // A cancels: the seat is offered to C, by e-mail.
    expect((await a!.inject({ method: 'POST', url: `/api/trainings/registrations/${ra.id}/cancel` })).json().status).toBe('cancelled');
    expect((await statusOf(rc.id)).status).toBe('offered');
    const [offerMail] = await smtp.waitFor(to(c!.email, /place s’est libérée/));
    const token = offerTokenIn(await textOf(offerMail!));
    expect(token).toBeTruthy();

    // GET (what a mail scanner does) reads the offer and changes nothing.
    const anon = await injectAs(ctx, null);
    for (let i = 0; i < 2; i++) {
      const view = await anon({ method: 'GET', url: `/api/trainings/offers/${token}` });
      expect(view.json()).toMatchObject({ state: 'offered', session: { id: s, title: 'Éductour vallée de l’Arre' }, userName: 'Partenaire 3' });
    }
    expect((await statusOf(rc.id)).status).toBe('offered');
    // A forged token is refused.
    expect((await anon({ method: 'POST', url: `/api/trainings/offers/${tamper(token!)}/accept` })).statusCode).toBe(404);

    // C declines from the mail page: D gets the offer.
    expect((await anon({ method: 'POST', url: `/api/trainings/offers/${token}/decline` })).json()).toEqual({ state: 'declined' });
    expect((await anon({ method: 'POST', url: `/api/trainings/offers/${token}/accept` })).statusCode).toBe(409);
    expect((await anon({ method: 'GET', url: `/api/trainings/offers/${token}` })).json().state).toBe('declined');
    expect((await statusOf(rd.id)).status).toBe('offered');
    await smtp.waitFor(to(d!.email, /place s’est libérée/));

    // D lets the offer lapse: the sweeper (or the delayed job) expires it; nobody else waits.
    await ctx.db.update(trainingRegistrations).set({ offerExpiresAt: new Date(Date.now() - 1000) }).where(eq(trainingRegistrations.id, rd.id));
    expect(await sweepTrainings({}, wctx, new Job(ctx.queues.schedule, 'trainings.sweep', {}))).toMatchObject({ expired: 1 });
    expect((await statusOf(rd.id)).status).toBe('expired');
    await smtp.waitFor(to(d!.email, /Proposition expirée/));

    const counts = await seatCounts(ctx, s);
    expect(counts.counters).toEqual(counts.rows);
    expect(counts.rows).toMatchObject({ confirmed: 1, offered: 0, waiting: 0 });
    // The free seat goes to the next sign-up.
    const [e] = await people(1);
    expect((await signUp(e!, s)).status).toBe('confirmed');

    const history = (await asStaff({ method: 'GET', url: `/api/trainings/sessions/${s}/history` })).json().items as { kind: string; user: { name: string }; actor: { id: string } | null }[];
    expect(history.map((h) => `${h.kind}:${h.user.name}`)).toEqual([
      'joined:Partenaire 1', 'joined:Partenaire 2', 'joined:Partenaire 3', 'joined:Partenaire 4',
      'cancelled:Partenaire 1', 'offered:Partenaire 3', 'declined:Partenaire 3', 'offered:Partenaire 4', 'expired:Partenaire 4', 'joined:Partenaire 1',
    ]);
    expect(history.find((h) => h.kind === 'offered')!.actor).toBeNull(); // automatic
    expect((await a!.inject({ method: 'GET', url: `/api/trainings/sessions/${s}/history` })).statusCode).toBe(403);
  });

  it('accepting from the mail confirms the seat (once), with the confirmation mail', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 1 });
    const [a, b] = await people(2, 'en');
    const ra = await signUp(a!, s);
    const rb = await signUp(b!, s);
    expect((await asStaff({ method: 'POST', url: `/api/trainings/registrations/${ra.id}/cancel` })).statusCode).toBe(200);
    // Cancelled by staff: the person is told (in English, their language).
    await smtp.waitFor(to(a!.email, /Registration cancelled/));
    const [offer] = await smtp.waitFor(to(b!.email, /A seat is free/));
    const token = offerTokenIn(await textOf(offer!));
    const anon = await injectAs(ctx, null);
    expect((await anon({ method: 'POST', url: `/api/trainings/offers/${token}/accept` })).json()).toEqual({ state: 'accepted' });
    expect((await anon({ method: 'POST', url: `/api/trainings/offers/${token}/accept` })).statusCode).toBe(409);
    expect((await statusOf(rb.id)).status).toBe('confirmed');
    const [confirmed] = await smtp.waitFor(to(b!.email, /Registration confirmed/));
    expect(await textOf(confirmed!)).toContain('A seat became free');
    expect((await seatCounts(ctx, s)).counters).toMatchObject({ confirmed: 1, offered: 0, waiting: 0 });
  });

  it('accept and decline from the interface; another partner cannot answer someone’s offer', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 1 });
    const [a, b, c] = await people(3);
    const ra = await signUp(a!, s);
    const rb = await signUp(b!, s);
    await signUp(c!, s);
    await a!.inject({ method: 'POST', url: `/api/trainings/registrations/${ra.id}/cancel` });
    expect((await c!.inject({ method: 'POST', url: `/api/trainings/registrations/${rb.id}/accept` })).statusCode).toBe(404);
    const mine = (await b!.inject({ method: 'GET', url: '/api/trainings/me/registrations' })).json();
    expect(mine.waiting[0].registration).toMatchObject({ status: 'offered' });
    expect(new Date(mine.waiting[0].registration.offerExpiresAt).getTime()).toBeGreaterThan(Date.now());
    const accepted = await b!.inject({ method: 'POST', url: `/api/trainings/registrations/${rb.id}/accept` });
    expect(accepted.json().status).toBe('confirmed');
    expect((await b!.inject({ method: 'POST', url: `/api/trainings/registrations/${rb.id}/decline` })).statusCode).toBe(409);
  });

  it('an offer expires after a time that shrinks as the deadline nears, and never past it', () => {
    const now = new Date('2026-05-01T08:00:00Z');
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
    expect(offerExpiry(now, { offerHours: 48, signupDeadline: at(24 * 10) })).toEqual(at(48));
    expect(offerExpiry(now, { offerHours: 48, signupDeadline: at(24) })).toEqual(at(8));
    expect(offerExpiry(now, { offerHours: 48, signupDeadline: at(3) })).toEqual(at(2));
    expect(offerExpiry(now, { offerHours: 48, signupDeadline: at(1) })).toEqual(at(1));
    expect(offerExpiry(now, { offerHours: 6, signupDeadline: at(24 * 10) })).toEqual(at(6));
  });

  it('no automatic offer after the deadline; leaving the waiting list is still allowed', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 1, startsInDays: 5, deadlineInDays: 4 });
    const [a, b, c] = await people(3);
    const ra = await signUp(a!, s);
    const rb = await signUp(b!, s);
    const rc = await signUp(c!, s);
    await ctx.db.update(trainingSessions).set({ signupDeadline: new Date(Date.now() - 1000) }).where(eq(trainingSessions.id, s));
    // Partners: no cancelling a seat after the deadline; leaving the waiting list is fine.
    expect((await a!.inject({ method: 'POST', url: `/api/trainings/registrations/${ra.id}/cancel` })).statusCode).toBe(409);
    expect((await c!.inject({ method: 'POST', url: `/api/trainings/registrations/${rc.id}/cancel` })).json().status).toBe('cancelled');
    // Staff may cancel any time; past the deadline the seat is not offered automatically...
    await asStaff({ method: 'POST', url: `/api/trainings/registrations/${ra.id}/cancel` });
    expect((await statusOf(rb.id)).status).toBe('waiting');
    // ...but staff can confirm the waiting person directly.
    const promoted = await asStaff({ method: 'POST', url: `/api/trainings/registrations/${rb.id}/promote` });
    expect(promoted.json().status).toBe('confirmed');
    expect((await asStaff({ method: 'POST', url: `/api/trainings/registrations/${rb.id}/promote` })).statusCode).toBe(409);
  });
});

describe('direct promotion mode and capacity', () => {
  it('confirms the first waiting person at once; a larger capacity fills seats', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 1, waitlistMode: 'direct' });
    const [a, b, c, d] = await people(4);
    const ra = await signUp(a!, s);
    const rb = await signUp(b!, s);
    const rc = await signUp(c!, s);
    const rd = await signUp(d!, s);
    await a!.inject({ method: 'POST', url: `/api/trainings/registrations/${ra.id}/cancel` });
    expect((await statusOf(rb.id)).status).toBe('confirmed');
    await smtp.waitFor(to(b!.email, /Inscription confirmée/));
    // Switch to offers and raise the capacity by 2: C and D get offers.
    const patched = await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${s}`, payload: { capacity: 3, waitlistMode: 'offer' } });
    expect(patched.json()).toMatchObject({ capacity: 3, confirmedCount: 1, offeredCount: 2, waitingCount: 0 });
    expect([(await statusOf(rc.id)).status, (await statusOf(rd.id)).status]).toEqual(['offered', 'offered']);
    // Capacity below the seats taken is refused.
    expect((await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${s}`, payload: { capacity: 2 } })).statusCode).toBe(409);
  });
});

describe('staff changes notify registrants', () => {
  it('a new time or place mails every active registrant once; a cancellation too', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Tourisme durable : les bases' });
    const s = await makeSession(ctx, t, staff.id, { capacity: 2 });
    const group = await people(3);
    const regs = [];
    for (const p of group) regs.push(await signUp(p, s));
    await asStaff({ method: 'POST', url: `/api/trainings/registrations/${regs[1]!.id}/cancel` }); // offered to the third
    const newStart = new Date(Date.now() + 12 * 86_400_000);
    const res = await asStaff({
      method: 'PATCH', url: `/api/trainings/sessions/${s}`,
      payload: { slots: [{ startsAt: newStart.toISOString(), endsAt: new Date(newStart.getTime() + 7_200_000).toISOString() }], place: { kind: 'address', communeInsee: '34111', address: 'Salle polyvalente' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().place).toMatchObject({ kind: 'address', communeInsee: '34111' });
    // Confirmed (1st) and offered (3rd) are told; the cancelled one is not.
    const changed = await smtp.waitFor((m) => /Changement\s: Tourisme durable/.test(m.subject), 2);
    expect(changed.map((m) => m.to[0]).sort()).toEqual([group[0]!.email, group[2]!.email].sort());
    const text = await textOf(changed.find((m) => m.to.includes(group[0]!.email))!);
    expect(text).toContain('Salle polyvalente');
    expect(text).toMatch(/Ancien lieu/);
    // Saving the same values again sends nothing new.
    await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${s}`, payload: { place: { kind: 'address', communeInsee: '34111', address: 'Salle polyvalente' } } });

    const cancelled = await asStaff({ method: 'POST', url: `/api/trainings/sessions/${s}/cancel`, payload: { reason: 'Formatrice malade' } });
    expect(cancelled.json().status).toBe('cancelled');
    const notices = await smtp.waitFor((m) => /Session annulée\s: Tourisme durable/.test(m.subject), 2);
    expect(await textOf(notices[0]!)).toContain('Formatrice malade');
    // The outstanding offer can no longer be taken; a cancelled session takes no sign-up.
    expect((await group[2]!.inject({ method: 'POST', url: `/api/trainings/registrations/${regs[2]!.id}/accept` })).statusCode).toBe(409);
    expect((await (await people(1))[0]!.inject({ method: 'POST', url: `/api/trainings/sessions/${s}/registrations`, payload: {} })).statusCode).toBe(409);
    expect((await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${s}`, payload: { status: 'open' } })).statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => /Changement\s: Tourisme durable/.test(m.subject))).toHaveLength(2);
    const rows = await ctx.db.select({ template: mailMessages.template }).from(mailMessages).where(eq(mailMessages.template, 'training-session-cancelled'));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
