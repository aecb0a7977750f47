import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { SessionList } from '../../server/schemas/trainings';
import { trainingRegistrationEvents, trainingSessions } from '../../db/schema';
import { appWithUsers, createEstablishment, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining, seatCounts } from '../helpers/trainings';

/**
 * Trainings API: catalogue (sanitised rich text), sessions (validation,
 * visibility of drafts and meeting links), sign-up (self, colleague,
 * anyone), the per-establishment cap, no overbooking under concurrent
 * sign-ups, the partner list (filters, keyset pages, seats left).
 */

let ctx: TestContext;
let staff: TestUser;
let partner: TestUser;
let colleague: TestUser;
let stranger: TestUser;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ ctx, staff, partner } = await appWithUsers({ staff: 'staff', partner: 'partner' }));
  colleague = await createUser(ctx, 'partner', { establishmentId: partner.establishmentId });
  stranger = await createUser(ctx, 'partner');
});
afterAll(async () => ctx?.close());

const slot = (days: number, hours = 3) => {
  const start = new Date(Date.now() + days * DAY);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString() };
};

describe('catalogue', () => {
  it('staff create a training; the description is sanitised on the server; partners read it', async () => {
    const asStaff = await injectAs(ctx, staff);
    const res = await asStaff({
      method: 'POST', url: '/api/trainings',
      payload: {
        title: 'Accueillir les clientèles étrangères', summary: 'Anglais et néerlandais de l’accueil.', theme: 'welcome', targetCategories: ['hebergement', 'restauration'],
        durationMinutes: 210, trainer: 'Sarah Jones',
        descriptionHtml: '<h2>Programme</h2><p onclick="alert(1)">Jour <strong>1</strong><script>alert(2)</script></p><a href="javascript:alert(3)">x</a><a href="https://example.org">site</a><img src=x onerror=alert(4)>',
      },
    });
    expect(res.statusCode).toBe(201);
    const training = res.json();
    expect(training.descriptionHtml).toContain('<h2>Programme</h2>');
    expect(training.descriptionHtml).toContain('<strong>1</strong>');
    expect(training.descriptionHtml).not.toMatch(/script|onclick|onerror|javascript:|<img/i);
    expect(training.descriptionHtml).toContain('href="https://example.org"');
    expect(training.descriptionHtml).toContain('rel="noopener noreferrer nofollow"');

    const asPartner = await injectAs(ctx, partner);
    const got = await asPartner({ method: 'GET', url: `/api/trainings/${training.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().title).toBe('Accueillir les clientèles étrangères');
    const list = await asPartner({ method: 'GET', url: '/api/trainings?theme=welcome' });
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(training.id);
    expect((await asPartner({ method: 'POST', url: '/api/trainings', payload: { title: 'x', summary: 'y', descriptionHtml: '', theme: 'welcome', targetCategories: [], durationMinutes: 60 } })).statusCode).toBe(403);
    // Unknown fields are refused, and nothing is created.
    const bad = await asStaff({ method: 'POST', url: '/api/trainings', payload: { title: 'x', summary: 'y', descriptionHtml: '', theme: 'welcome', targetCategories: [], durationMinutes: 60, admin: true } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('validates the place, the slots and the deadline', async () => {
    const asStaff = await injectAs(ctx, staff);
    const t = await makeTraining(ctx, staff.id);
    const base = { slots: [slot(10)], capacity: 12, signupDeadline: new Date(Date.now() + 9 * DAY).toISOString() };
    const post = (payload: object) => asStaff({ method: 'POST', url: `/api/trainings/${t}/sessions`, payload: { ...base, ...payload } });
    expect((await post({ place: { kind: 'office' } })).statusCode).toBe(400);
    expect((await post({ place: { kind: 'office', officeId: 'bit-nowhere' } })).statusCode).toBe(400);
    expect((await post({ place: { kind: 'address', communeInsee: '30350' } })).json().errors[0].field).toBe('place.address');
    expect((await post({ place: { kind: 'address', communeInsee: '75056', address: '1 rue de Rivoli' } })).statusCode).toBe(400); // Paris is not one of the 51
    expect((await post({ place: { kind: 'online', onlineUrl: 'javascript:alert(1)' } })).statusCode).toBe(400);
    expect((await post({ place: { kind: 'office', officeId: 'bit-ganges' }, signupDeadline: new Date(Date.now() + 11 * DAY).toISOString() })).json().errors[0].field).toBe('signupDeadline');
    const reversed = slot(10);
    expect((await post({ place: { kind: 'office', officeId: 'bit-ganges' }, slots: [{ startsAt: reversed.endsAt, endsAt: reversed.startsAt }] })).statusCode).toBe(400);

    const ok = await post({ place: { kind: 'address', communeInsee: '30350', address: 'Salle des fêtes' }, slots: [slot(11), slot(10)], status: 'open', perEstablishmentCap: 2 });
    expect(ok.statusCode).toBe(201);
    const s = ok.json();
    expect(s.slots).toHaveLength(2);
    expect(s.startsAt).toBe(s.slots[0].startsAt); // sorted, first slot
    expect(s.place).toMatchObject({ kind: 'address', communeName: 'Le Vigan', address: 'Salle des fêtes' });
    expect(s.place.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=/);
  });

  it('hides drafts from partners, and the meeting link from all but confirmed participants and staff', async () => {
    const t = await makeTraining(ctx, staff.id);
    const draft = await makeSession(ctx, t, staff.id, { status: 'draft' });
    const online = await makeSession(ctx, t, staff.id, { placeKind: 'online', officeId: null, onlineUrl: 'https://visio.example.org/formation-42' });
    const asPartner = await injectAs(ctx, partner);
    const asColleague = await injectAs(ctx, colleague);
    const asStaff = await injectAs(ctx, staff);
    expect((await asPartner({ method: 'GET', url: `/api/trainings/sessions/${draft}` })).statusCode).toBe(404);
    expect((await asPartner({ method: 'POST', url: `/api/trainings/sessions/${draft}/registrations`, payload: {} })).statusCode).toBe(404);
    expect((await asStaff({ method: 'GET', url: `/api/trainings/sessions/${draft}` })).statusCode).toBe(200);

    expect((await asPartner({ method: 'GET', url: `/api/trainings/sessions/${online}` })).json().place.onlineUrl).toBeNull();
    expect((await asStaff({ method: 'GET', url: `/api/trainings/sessions/${online}` })).json().place.onlineUrl).toBe('https://visio.example.org/formation-42');
    expect((await asPartner({ method: 'POST', url: `/api/trainings/sessions/${online}/registrations`, payload: {} })).statusCode).toBe(201);
    expect((await asPartner({ method: 'GET', url: `/api/trainings/sessions/${online}` })).json().place.onlineUrl).toBe('https://visio.example.org/formation-42');
    expect((await asColleague({ method: 'GET', url: `/api/trainings/sessions/${online}` })).json().place.onlineUrl).toBeNull();
    // Not in the list either (a list never carries it).
    const list = await asPartner({ method: 'GET', url: `/api/trainings/sessions?trainingId=${t}` });
    expect(list.json().items.every((i: { place: { onlineUrl: unknown } }) => i.place.onlineUrl === null)).toBe(true);
  });
});

describe('sign-up', () => {
  it('self, colleague, anyone (staff); one registration per person; waiting with a visible position', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 2 });
    const asPartner = await injectAs(ctx, partner);
    const asStaff = await injectAs(ctx, staff);
    const url = `/api/trainings/sessions/${s}/registrations`;

    const self = await asPartner({ method: 'POST', url, payload: {} });
    expect(self.statusCode).toBe(201);
    expect(self.json()).toMatchObject({ status: 'confirmed', position: null, user: { id: partner.id }, registeredBy: { id: partner.id } });
    // About oneself the refusal says « vous »; about someone else, « Cette personne ».
    expect((await asPartner({ method: 'POST', url, payload: {} })).json()).toMatchObject({ status: 409, detail: 'Vous avez déjà une inscription à cette session (ou une place sur sa liste d’attente).' });
    expect((await asPartner({ method: 'POST', url, payload: { userId: stranger.id } })).statusCode).toBe(403);

    const forColleague = await asPartner({ method: 'POST', url, payload: { userId: colleague.id } });
    expect(forColleague.statusCode).toBe(201);
    expect((await asPartner({ method: 'POST', url, payload: { userId: colleague.id } })).json()).toMatchObject({ status: 409, detail: 'Cette personne est déjà inscrite à cette session (ou sur sa liste d’attente).' });
    expect(forColleague.json()).toMatchObject({ status: 'confirmed', user: { id: colleague.id }, registeredBy: { id: partner.id } });

    const byStaff = await asStaff({ method: 'POST', url, payload: { userId: stranger.id } });
    expect(byStaff.statusCode).toBe(201);
    expect(byStaff.json()).toMatchObject({ status: 'waiting', position: 1 });
    const other = await createUser(ctx, 'partner');
    expect((await (await injectAs(ctx, other))({ method: 'POST', url, payload: {} })).json()).toMatchObject({ status: 'waiting', position: 2 });

    const detail = await (await injectAs(ctx, stranger))({ method: 'GET', url: `/api/trainings/sessions/${s}` });
    expect(detail.json()).toMatchObject({ seatsLeft: 0, waitingCount: 2, confirmedCount: 2, myRegistration: { status: 'waiting', position: 1 } });
    const colleagues = await asPartner({ method: 'GET', url: `/api/trainings/sessions/${s}/colleagues` });
    expect(colleagues.json().items.map((c: { userId: string; registration: { status: string } | null }) => [c.userId, c.registration?.status])).toEqual(
      expect.arrayContaining([[partner.id, 'confirmed'], [colleague.id, 'confirmed']]),
    );
    const history = await asStaff({ method: 'GET', url: `/api/trainings/sessions/${s}/history` });
    expect(history.json().items.map((e: { kind: string; details: { status: string } }) => [e.kind, e.details.status])).toEqual([
      ['joined', 'confirmed'], ['joined', 'confirmed'], ['joined', 'waiting'], ['joined', 'waiting'],
    ]);
    const counts = await seatCounts(ctx, s);
    expect(counts.counters).toEqual(counts.rows);
  });

  it('refuses after the deadline, on a closed session, and for a disabled colleague', async () => {
    const t = await makeTraining(ctx, staff.id);
    const past = await makeSession(ctx, t, staff.id, { startsInDays: 3, deadlineInDays: -1 });
    const closed = await makeSession(ctx, t, staff.id, { status: 'open' });
    await ctx.db.update(trainingSessions).set({ status: 'closed' }).where(eq(trainingSessions.id, closed));
    const asPartner = await injectAs(ctx, partner);
    expect((await asPartner({ method: 'POST', url: `/api/trainings/sessions/${past}/registrations`, payload: {} })).statusCode).toBe(409);
    expect((await asPartner({ method: 'POST', url: `/api/trainings/sessions/${closed}/registrations`, payload: {} })).statusCode).toBe(409);
    const disabled = await createUser(ctx, 'partner', { establishmentId: partner.establishmentId, status: 'disabled' });
    const open = await makeSession(ctx, t, staff.id);
    expect((await asPartner({ method: 'POST', url: `/api/trainings/sessions/${open}/registrations`, payload: { userId: disabled.id } })).statusCode).toBe(403);
  });

  it('caps the registrations of one establishment (seats and waiting list together)', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 2, perEstablishmentCap: 2 });
    const hotel = await createEstablishment(ctx);
    const team = await Promise.all([0, 1, 2].map(() => createUser(ctx, 'partner', { establishmentId: hotel.id })));
    const url = `/api/trainings/sessions/${s}/registrations`;
    expect((await (await injectAs(ctx, team[0]!))({ method: 'POST', url, payload: {} })).statusCode).toBe(201);
    expect((await (await injectAs(ctx, team[0]!))({ method: 'POST', url, payload: { userId: team[1]!.id } })).statusCode).toBe(201);
    const third = await (await injectAs(ctx, team[2]!))({ method: 'POST', url, payload: {} });
    expect(third.statusCode).toBe(409);
    expect(third.json().detail).toMatch(/établissement/);
    // Another establishment still gets in (on the waiting list: the 2 seats are taken).
    expect((await (await injectAs(ctx, stranger))({ method: 'POST', url, payload: {} })).json().status).toBe('waiting');
    // A cancellation frees room in the cap.
    const [first] = (await (await injectAs(ctx, staff))({ method: 'GET', url: `/api/trainings/sessions/${s}/registrations` })).json().confirmed;
    expect((await (await injectAs(ctx, team[0]!))({ method: 'POST', url: `/api/trainings/registrations/${first.id}/cancel` })).statusCode).toBe(200);
    expect((await (await injectAs(ctx, team[2]!))({ method: 'POST', url, payload: {} })).json().status).toBe('waiting');
  });

  it('never overbooks under concurrent sign-ups, and keeps distinct waiting positions', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 7, perEstablishmentCap: 3 });
    const shared = await createEstablishment(ctx);
    // 40 distinct partners (6 of them from one establishment, capped at 3), all at once.
    const people = await Promise.all(Array.from({ length: 40 }, (_, i) => createUser(ctx, 'partner', i < 6 ? { establishmentId: shared.id } : {})));
    const injectors = await Promise.all(people.map((p) => injectAs(ctx, p)));
    const results = await Promise.all(injectors.map((inject) => inject({ method: 'POST', url: `/api/trainings/sessions/${s}/registrations`, payload: {} })));
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json());
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused.map((r) => r.statusCode)).toEqual([409, 409, 409]);
    expect(ok.filter((r) => r.status === 'confirmed')).toHaveLength(7);
    const positions = ok.filter((r) => r.status === 'waiting').map((r) => r.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const counts = await seatCounts(ctx, s);
    expect(counts.counters).toMatchObject({ confirmed: 7, offered: 0, waiting: 30 });
    expect(counts.rows).toMatchObject({ confirmed: 7, offered: 0, waiting: 30 });
    expect(counts.establishments[shared.id]).toBe(3);
    const events = await ctx.db.select({ id: trainingRegistrationEvents.id }).from(trainingRegistrationEvents).where(eq(trainingRegistrationEvents.sessionId, s));
    expect(events).toHaveLength(37);
  });
});

describe('partner list', () => {
  it('filters by theme, month, office, commune and seats left, with keyset pages', async () => {
    const own = await createUser(ctx, 'staff');
    const tDigital = await makeTraining(ctx, own.id, { theme: 'digital', title: 'Liste — numérique' });
    const tEco = await makeTraining(ctx, own.id, { theme: 'sustainable', title: 'Liste — durable' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await makeSession(ctx, tDigital, own.id, { startsInDays: 40 + i, officeId: 'bit-ganges', capacity: 1 }));
    const eco = await makeSession(ctx, tEco, own.id, { startsInDays: 41, placeKind: 'address', officeId: null, communeInsee: '30350', address: 'Mairie' });
    await (await injectAs(ctx, partner))({ method: 'POST', url: `/api/trainings/sessions/${ids[0]}/registrations`, payload: {} });
    const asPartner = await injectAs(ctx, partner);
    const get = async (qs: string) => (await asPartner({ method: 'GET', url: `/api/trainings/sessions?${qs}` })).json();

    const digital = await get(`trainingId=${tDigital}&limit=2`);
    // The JSON built by PostgreSQL has exactly the documented shape.
    expect(Value.Errors(SessionList, digital).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(Value.Check(SessionList, await get(''))).toBe(true);
    expect(digital.items[0].startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(digital.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(0, 2));
    expect(digital.items[0]).toMatchObject({ seatsLeft: 0, myRegistration: { status: 'confirmed' }, place: { officeId: 'bit-ganges', communeName: 'Ganges' } });
    const page2 = await get(`trainingId=${tDigital}&limit=2&cursor=${digital.nextCursor}`);
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(2, 4));
    const page3 = await get(`trainingId=${tDigital}&limit=2&cursor=${page2.nextCursor}`);
    expect(page3.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(4));
    expect(page3.nextCursor).toBeNull();

    expect((await get(`trainingId=${tDigital}&seatsLeft=true`)).items).toHaveLength(4);
    expect((await get('theme=sustainable')).items.map((i: { id: string }) => i.id)).toContain(eco);
    expect((await get('theme=sustainable')).items.every((i: { theme: string }) => i.theme === 'sustainable')).toBe(true);
    expect((await get(`officeId=bit-ganges&trainingId=${tEco}`)).items).toHaveLength(0);
    expect((await get(`communeInsee=30350&trainingId=${tEco}`)).items.map((i: { id: string }) => i.id)).toEqual([eco]);
    // Month in Europe/Paris.
    const start = new Date(Date.now() + 41 * DAY);
    const month = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' }).format(start).slice(0, 7);
    expect((await get(`month=${month}&trainingId=${tEco}`)).items).toHaveLength(1);
    const [y, m] = month.split('-').map(Number);
    const other = m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
    expect((await get(`month=${other}&trainingId=${tEco}`)).items).toHaveLength(0);
    expect((await asPartner({ method: 'GET', url: '/api/trainings/sessions?month=2026-13' })).statusCode).toBe(400);
  });

  it('dashboard and « Mes formations » show the user’s own sessions', async () => {
    const me = await createUser(ctx, 'partner');
    const t = await makeTraining(ctx, staff.id);
    const a = await makeSession(ctx, t, staff.id, { startsInDays: 5, capacity: 1 });
    const b = await makeSession(ctx, t, staff.id, { startsInDays: 3, capacity: 5 });
    const asMe = await injectAs(ctx, me);
    await (await injectAs(ctx, stranger))({ method: 'POST', url: `/api/trainings/sessions/${a}/registrations`, payload: {} });
    await asMe({ method: 'POST', url: `/api/trainings/sessions/${a}/registrations`, payload: {} });
    await asMe({ method: 'POST', url: `/api/trainings/sessions/${b}/registrations`, payload: {} });
    const next = (await asMe({ method: 'GET', url: '/api/trainings/me/next' })).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([b]);
    const mine = (await asMe({ method: 'GET', url: '/api/trainings/me/registrations' })).json();
    expect(mine.upcoming.map((i: { session: { id: string } }) => i.session.id)).toEqual([b]);
    expect(mine.waiting.map((i: { session: { id: string }; registration: { position: number } }) => [i.session.id, i.registration.position])).toEqual([[a, 1]]);
    expect(mine.past).toEqual([]);
  });
});
