import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { expectProblem } from '../helpers/accounts';
import { registeredRoutes } from '../helpers/api-routes';
import { apiSeats, apiSession, apiSignUp, apiTraining, registrationState, registrationsOf } from '../helpers/trainings-api';
import { moveSessionIntoPast } from '../helpers/trainings';

/**
 * Who may act on a registration, once for every action: each action on a
 * registration of a partner of establishment E ("self"), called by that
 * person, a colleague of the same establishment, a partner of another
 * establishment, staff, an admin and an anonymous caller, with the status
 * each must get — and the registration changed only when the call succeeds.
 * Then the same actions after the person moved to another establishment:
 * rights follow their current establishment, not the one of the sign-up.
 *
 * ADDING AN ACTION on a registration? Add a row to ACTIONS.
 */

type Actor = 'self' | 'colleague' | 'otherPartner' | 'staff' | 'admin' | 'anonymous';
const ACTORS: Actor[] = ['self', 'colleague', 'otherPartner', 'staff', 'admin', 'anonymous'];
type Expected = Record<Actor, number>;

/** The person, their establishment's colleagues, staff; other partners get 404 (the registration's existence is not revealed). */
const personOrEstablishment = (s: number): Expected => ({ self: s, colleague: s, otherPartner: 404, staff: s, admin: s, anonymous: 401 });
/** Only the person themselves (and staff): a colleague may cancel for them, never answer their offer. */
const personOnly = (s: number): Expected => ({ self: s, colleague: 404, otherPartner: 404, staff: s, admin: s, anonymous: 401 });
const staffOnly = (s: number): Expected => ({ self: 403, colleague: 403, otherPartner: 403, staff: s, admin: s, anonymous: 401 });

interface Target {
  registrationId: string | null;
  sessionId: string;
  request: Pick<InjectOptions, 'method' | 'url' | 'payload'>;
}
interface Action {
  name: string;
  /** The route as registered ("METHOD /path"). */
  route: string;
  /** A fresh target for `owner` (a partner of E) in the state the action needs. */
  prepare(owner: TestUser): Promise<Target>;
  expect: Expected;
  /** What the stored registration of `owner` looks like after a successful call. */
  after: unknown;
}

let ctx: TestContext;
let staff: TestUser;
let asStaff: Injector;
let establishmentE: string;
let adminInject: Injector;
/** Partners of establishment G, where the person of E moves. */
let newColleague: Injector;
let establishmentG: string;
const injectors = {} as Record<Exclude<Actor, 'self'>, Injector>;
let trainingId: string;
/** A large session for the actions that need no waiting list. */
let roomy: string;

beforeAll(async () => {
  ctx = await createTestApp();
  establishmentE = (await createEstablishment(ctx, { name: 'Établissement E' })).id;
  const f = await createEstablishment(ctx, { name: 'Établissement F' });
  staff = await createUser(ctx, 'staff');
  asStaff = await injectAs(ctx, staff);
  injectors.staff = asStaff;
  injectors.admin = adminInject = await injectAs(ctx, await createUser(ctx, 'admin'));
  establishmentG = (await createEstablishment(ctx, { name: 'Établissement G' })).id;
  newColleague = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: establishmentG }));
  injectors.colleague = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: establishmentE }));
  injectors.otherPartner = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: f.id }));
  injectors.anonymous = await injectAs(ctx, null);
  trainingId = await apiTraining(asStaff, { title: 'Qui peut agir sur une inscription' });
  roomy = await apiSession(asStaff, trainingId, { capacity: 200 });
});
afterAll(async () => ctx?.close());

const partnerOfE = () => createUser(ctx, 'partner', { establishmentId: establishmentE });

async function confirmedIn(sessionId: string, owner: TestUser) {
  const reg = await apiSignUp(await injectAs(ctx, owner), sessionId);
  expect(reg.status).toBe('confirmed');
  return reg.id;
}

/** A registration of `owner` holding an offer: a one-seat session whose first person left. */
async function offeredTo(owner: TestUser) {
  const sessionId = await apiSession(asStaff, trainingId, { capacity: 1 });
  const first = await confirmedIn(sessionId, await partnerOfE());
  const reg = await apiSignUp(await injectAs(ctx, owner), sessionId);
  expect(reg.status).toBe('waiting');
  expect((await asStaff({ method: 'POST', url: `/api/trainings/registrations/${first}/cancel` })).statusCode).toBe(200);
  expect((await registrationState(ctx, reg.id))?.status).toBe('offered');
  return { sessionId, registrationId: reg.id };
}

/** The action `verb` (POST /api/trainings/registrations/:id/<verb>) on a seat just offered to the owner, who then holds a registration of `status`. */
const onOffer = (verb: string, row: Pick<Action, 'name' | 'expect'> & { status: string }): Action => ({
  name: row.name, route: `POST /api/trainings/registrations/:id/${verb}`,
  async prepare(owner) {
    const o = await offeredTo(owner);
    return onRegistration(verb)(o.registrationId, o.sessionId);
  },
  expect: row.expect,
  after: { status: row.status, attendance: null },
});

/** A confirmed registration of `owner` in a session that has taken place (attendance is taken once it has started). */
async function confirmedInPastSession(owner: TestUser) {
  const sessionId = await apiSession(asStaff, trainingId, { capacity: 5 });
  const id = await confirmedIn(sessionId, owner);
  await moveSessionIntoPast(ctx.db, sessionId);
  return { id, sessionId };
}

const onRegistration = (verb: string, method: 'POST' | 'PUT' | 'GET' = 'POST', payload?: object) => async (id: string, sessionId: string): Promise<Target> => ({
  registrationId: id, sessionId, request: { method, url: `/api/trainings/registrations/${id}/${verb}`, ...(payload ? { payload } : {}) },
});

const ACTIONS: Action[] = [
  {
    name: 'sign up (self, or on behalf of the person)', route: 'POST /api/trainings/sessions/:id/registrations',
    async prepare(owner) {
      return { registrationId: null, sessionId: roomy, request: { method: 'POST', url: `/api/trainings/sessions/${roomy}/registrations`, payload: { userId: owner.id } } };
    },
    // A partner of another establishment is told plainly (403): the person is not their colleague.
    expect: { self: 201, colleague: 201, otherPartner: 403, staff: 201, admin: 201, anonymous: 401 },
    after: [{ status: 'confirmed' }],
  },
  {
    name: 'cancel', route: 'POST /api/trainings/registrations/:id/cancel',
    async prepare(owner) {
      return onRegistration('cancel')(await confirmedIn(roomy, owner), roomy);
    },
    expect: personOrEstablishment(200),
    after: { status: 'cancelled', attendance: null },
  },
  onOffer('accept', { name: 'accept an offer', expect: personOnly(200), status: 'confirmed' }),
  onOffer('decline', { name: 'decline an offer', expect: personOnly(200), status: 'declined' }),
  onOffer('promote', { name: 'promote (confirm out of turn)', expect: staffOnly(200), status: 'confirmed' }),
  {
    name: 'record attendance', route: 'PUT /api/trainings/registrations/:id/attendance',
    async prepare(owner) {
      const r = await confirmedInPastSession(owner);
      return onRegistration('attendance', 'PUT', { attendance: 'present' })(r.id, r.sessionId);
    },
    expect: staffOnly(200),
    after: { status: 'confirmed', attendance: 'present' },
  },
  {
    name: 'download the attendance certificate', route: 'GET /api/trainings/registrations/:id/certificate.pdf',
    async prepare(owner) {
      const r = await confirmedInPastSession(owner);
      expect((await asStaff({ method: 'PUT', url: `/api/trainings/registrations/${r.id}/attendance`, payload: { attendance: 'present' } })).statusCode).toBe(200);
      return onRegistration('certificate.pdf', 'GET')(r.id, r.sessionId);
    },
    expect: personOrEstablishment(200),
    after: { status: 'confirmed', attendance: 'present' }, // a read: nothing changes
  },
];

/** The stored state of the owner's registration(s) the action is about. */
async function stateOf(target: Target, owner: TestUser): Promise<unknown> {
  if (target.registrationId) return registrationState(ctx, target.registrationId);
  return (await registrationsOf(ctx, target.sessionId, owner.id)).map((r) => ({ status: r.status }));
}

/**
 * Calls the action once per actor, each on a fresh registration of a new
 * partner of E (`caller` may change things first, then says who calls):
 * the status each got, and the registration after the call ('unchanged' when refused and untouched).
 */
async function callAsEach<A extends string>(action: Action, actors: A[], caller: (actor: A, owner: TestUser) => Promise<Injector>) {
  const statuses = {} as Record<A, number>;
  const states = {} as Record<A, unknown>;
  for (const actor of actors) {
    const owner = await partnerOfE();
    const target = await action.prepare(owner);
    const inject = await caller(actor, owner);
    const before = await stateOf(target, owner);
    const res = await inject(target.request);
    statuses[actor] = res.statusCode;
    if (res.statusCode >= 400) expectProblem(res, res.statusCode);
    const after = await stateOf(target, owner);
    states[actor] = JSON.stringify(after) === JSON.stringify(before) && res.statusCode >= 400 ? 'unchanged' : after;
  }
  return { statuses, states };
}

describe('who may act on a registration', () => {
  it('ACTIONS covers every route acting on one registration', () => {
    const onOne = registeredRoutes(ctx.app).filter((r) => /\/registrations\/:id(\/|$)/.test(r));
    expect(onOne.length).toBeGreaterThanOrEqual(6);
    expect(onOne.filter((r) => !ACTIONS.some((a) => a.route === r))).toEqual([]);
    expect(ACTIONS.filter((a) => !registeredRoutes(ctx.app).includes(a.route)).map((a) => a.route)).toEqual([]);
  });

  for (const action of ACTIONS) {
    it(action.name, async () => {
      const { statuses, states } = await callAsEach(action, ACTORS, async (actor, owner) => (actor === 'self' ? injectAs(ctx, owner) : injectors[actor]));
      expect(statuses).toEqual(action.expect);
      const expectedStates = Object.fromEntries(ACTORS.map((a) => [a, action.expect[a] < 300 ? action.after : 'unchanged']));
      expect(states).toEqual(expectedStates);
    });
  }
});

/** Who acts once the person of E has moved to G: E's partners are former colleagues now, G's are colleagues. */
type MovedActor = 'self' | 'formerColleague' | 'newColleague';
const MOVED_ACTORS: MovedActor[] = ['self', 'formerColleague', 'newColleague'];
/** Rights follow the person's current establishment: a former colleague is any other partner, a new one a colleague. */
const afterMove = (e: Expected): Record<MovedActor, number> => ({ self: e.self, formerColleague: e.otherPartner, newColleague: e.colleague });

describe('after the person moved to another establishment', () => {
  for (const action of ACTIONS) {
    it(action.name, async () => {
      const { statuses, states } = await callAsEach(action, MOVED_ACTORS, async (actor, owner) => {
        // An administrator moves the person from E to G (after their sign-up, recorded under E).
        const moved = await adminInject({ method: 'PATCH', url: `/api/users/${owner.id}`, payload: { establishmentId: establishmentG } });
        expect(moved.statusCode, moved.body).toBe(200);
        return actor === 'self' ? injectAs(ctx, owner) : actor === 'formerColleague' ? injectors.colleague : newColleague;
      });
      const expected = afterMove(action.expect);
      expect(statuses).toEqual(expected);
      expect(states).toEqual(Object.fromEntries(MOVED_ACTORS.map((a) => [a, expected[a] < 300 ? action.after : 'unchanged'])));
    });
  }
});

describe('promotion needs a free seat', () => {
  it('staff cannot promote a waiting person into a full session (409), nor into a seat held by an offer', async () => {
    const sessionId = await apiSession(asStaff, trainingId, { capacity: 2 });
    const [a, b, c, d] = [await partnerOfE(), await partnerOfE(), await partnerOfE(), await partnerOfE()];
    const ra = await confirmedIn(sessionId, a);
    await confirmedIn(sessionId, b);
    const rc = await apiSignUp(await injectAs(ctx, c), sessionId);
    const rd = await apiSignUp(await injectAs(ctx, d), sessionId);
    expect([rc.status, rd.status]).toEqual(['waiting', 'waiting']);

    // Full: two confirmed for two seats.
    const full = await asStaff({ method: 'POST', url: `/api/trainings/registrations/${rc.id}/promote` });
    expectProblem(full, 409);
    expect((await registrationState(ctx, rc.id))?.status).toBe('waiting');
    expect(await apiSeats(asStaff, sessionId)).toEqual({ capacity: 2, confirmed: 2, offered: 0, waiting: 2 });

    // A leaves: the seat is offered to C; it is not free for D.
    expect((await asStaff({ method: 'POST', url: `/api/trainings/registrations/${ra}/cancel` })).statusCode).toBe(200);
    expect((await registrationState(ctx, rc.id))?.status).toBe('offered');
    expectProblem(await asStaff({ method: 'POST', url: `/api/trainings/registrations/${rd.id}/promote` }), 409);
    expect((await registrationState(ctx, rd.id))?.status).toBe('waiting');
    expect(await apiSeats(asStaff, sessionId)).toEqual({ capacity: 2, confirmed: 1, offered: 1, waiting: 1 });

    // C, holding the offer, can be confirmed: the seat is theirs.
    const promoted = await asStaff({ method: 'POST', url: `/api/trainings/registrations/${rc.id}/promote` });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().status).toBe('confirmed');
    expect(await apiSeats(asStaff, sessionId)).toEqual({ capacity: 2, confirmed: 2, offered: 0, waiting: 1 });
    // Full again: D still cannot be promoted.
    expectProblem(await asStaff({ method: 'POST', url: `/api/trainings/registrations/${rd.id}/promote` }), 409);
    expect(await apiSeats(asStaff, sessionId)).toEqual({ capacity: 2, confirmed: 2, offered: 0, waiting: 1 });
  });

  it('a one-seat session: the waiting person cannot be promoted while the seat is taken', async () => {
    const sessionId = await apiSession(asStaff, trainingId, { capacity: 1 });
    await confirmedIn(sessionId, await partnerOfE());
    const waiting = await apiSignUp(await injectAs(ctx, await partnerOfE()), sessionId);
    expect(waiting.status).toBe('waiting');
    expectProblem(await asStaff({ method: 'POST', url: `/api/trainings/registrations/${waiting.id}/promote` }), 409);
    expect((await registrationState(ctx, waiting.id))?.status).toBe('waiting');
    expect(await apiSeats(asStaff, sessionId)).toEqual({ capacity: 1, confirmed: 1, offered: 0, waiting: 1 });
  });
});
