import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { expectProblem, fieldErrors } from '../helpers/accounts';
import {
  bodyRoutes, databaseFingerprint, documentedRoutes, lenientObjects, mutatingApiRoutes, sampleUrl, UNKNOWN_FIELD, unknownFieldProbe, type BodyRoute, type JsonSchema,
} from '../helpers/api-routes';
import { apiSession, apiSignUp, apiTraining, registrationsOf } from '../helpers/trainings-api';
import { EMPTY_SEGMENT_FILTER } from '../../common/newsletter-segments';
import { QUEUE_BOARD_PATH } from '../../common/queues';
import { EVERYONE } from '../helpers/audience';

/**
 * Strict bodies, once for the whole api: every JSON body schema of every
 * route refuses a property it does not declare, at every object level, with
 * a 400 naming the field and nothing stored. The routes and their schemas are
 * read from the running app (route tree and OpenAPI document), so a new
 * route is checked without being added anywhere.
 */

let ctx: TestContext;
let admin: TestUser;
let partner: TestUser;
let asAdmin: Injector;
let asPartner: Injector;
let routes: BodyRoute[];
/** Real ids for path parameters, so that a lenient schema would reach a real target. */
const realParams: Record<string, Record<string, string>> = {};

const HOUR = 3_600_000;
const inTenDays = Date.now() + 240 * HOUR;
const slot = { startsAt: new Date(inTenDays).toISOString(), endsAt: new Date(inTenDays + 3 * HOUR).toISOString() };

/**
 * Bodies that are valid but for the unknown field, for the routes where one is
 * easy to write: then the unknown field must be the only error. Routes not
 * listed get the unknown fields alone (the field must still be named).
 */
const NEWS_EVENT = { start: new Date(inTenDays).toISOString(), place: { kind: 'online', onlineUrl: 'https://example.org/reunion' } };
const NEWSLETTER = { subject: 'Lettre stricte', preheader: '', sender: 'espace-pro@example.test', bodyHtml: '<p>x</p>', topicId: 'lettre-du-reseau', audience: EVERYONE };
const SEGMENT = { name: 'Segment strict', filter: { ...EMPTY_SEGMENT_FILTER, people: 'partners', training: { mode: 'attended', themes: ['digital'], from: '2026-01-01', to: null } } };
/** Routes only partners may call (access is decided before the body is read): probed as a partner. */
const PARTNER_ONLY = new Set(['PUT /api/figures/me/:month', 'POST /api/news/sheets', 'PATCH /api/news/sheets/:id']);

const VALID_BODIES: Record<string, unknown> = {
  'POST /api/auth/login': { email: 'quelquun@example.test', password: 'pas-le-bon' },
  'POST /api/auth/password/forgot': { email: 'quelquun@example.test' },
  'POST /api/auth/password/reset': { token: 'A'.repeat(43), password: 'Un-mot-de-passe-solide-2026' },
  'POST /api/auth/invitation/accept': { token: 'A'.repeat(43), password: 'Un-mot-de-passe-solide-2026' },
  'PATCH /api/me': { language: 'fr', emailPreferences: { newsletter: true } },
  'DELETE /api/me': { password: 'pas-le-bon' },
  'POST /api/me/password': { currentPassword: 'pas-le-bon', newPassword: 'Un-mot-de-passe-solide-2026' },
  'PATCH /api/offices/:id': { verified: true },
  'PATCH /api/users/:id': { status: 'active' },
  'POST /api/establishments': { name: 'Gîte strict', category: 'hebergement', subcategory: 'gite', communeInsee: '30350' },
  'PATCH /api/establishments/:id': { phone: '04 67 81 01 72' },
  'POST /api/trainings': { title: 'Stricte', summary: 'Résumé', descriptionHtml: '<p>x</p>', theme: 'other', targetCategories: [], durationMinutes: 60 },
  'PATCH /api/trainings/:id': { trainer: 'Formatrice' },
  'POST /api/trainings/:id/sessions': { slots: [slot], place: { kind: 'office', officeId: 'bit-le-vigan' }, capacity: 5, signupDeadline: new Date(inTenDays - HOUR).toISOString() },
  'PATCH /api/trainings/sessions/:id': { slots: [slot], place: { kind: 'office', officeId: 'bit-le-vigan' }, notes: 'Apporter un ordinateur' },
  'POST /api/trainings/sessions/:id/cancel': { reason: 'Formatrice malade' },
  'POST /api/trainings/sessions/:id/registrations': {},
  'PUT /api/trainings/registrations/:id/attendance': { attendance: 'present' },
  'POST /api/trainings/surveys/:token': { rating: 4 },
  'POST /api/news/posts': { title: 'Stricte', summary: '', bodyHtml: '<p>x</p>', categoryId: 'vie-du-reseau', audience: EVERYONE, status: 'draft', event: NEWS_EVENT },
  'PATCH /api/news/posts/:id': { title: 'Stricte', audience: EVERYONE, event: NEWS_EVENT },
  'POST /api/news/sheets': { title: 'Retour', context: 'Contexte', actions: 'Actions', result: 'Résultat', figures: [{ label: 'Nuitées', value: '+12 %' }] },
  'PATCH /api/news/sheets/:id': { figures: [{ label: 'Nuitées', value: '+12 %' }] },
  'POST /api/newsletters/campaigns': NEWSLETTER,
  'PUT /api/newsletters/campaigns/:id': NEWSLETTER,
  'PUT /api/newsletters/campaigns/:id/schedule': { at: null },
  'PUT /api/newsletters/campaigns/:id/archive': { archived: true },
  'POST /api/newsletters/segments': SEGMENT,
  'PUT /api/newsletters/segments/:id': SEGMENT,
  'POST /api/newsletters/segments/preview': { filter: SEGMENT.filter, topicId: 'lettre-du-reseau' },
  'POST /api/newsletters/suppressions/removals': { address: 'stricte@example.test', reason: 'entered_by_mistake' },
};

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 10_000 });
  const e = await createEstablishment(ctx);
  admin = await createUser(ctx, 'admin');
  partner = await createUser(ctx, 'partner', { establishmentId: e.id });
  asAdmin = await injectAs(ctx, admin);
  asPartner = await injectAs(ctx, partner);
  routes = bodyRoutes(ctx.app);

  const training = await apiTraining(asAdmin);
  const session = await apiSession(asAdmin, training, { capacity: 5 });
  const reg = await apiSignUp(await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: e.id })), session);
  realParams['PATCH /api/trainings/:id'] = { id: training };
  realParams['POST /api/trainings/:id/sessions'] = { id: training };
  realParams['PATCH /api/trainings/sessions/:id'] = { id: session };
  realParams['POST /api/trainings/sessions/:id/cancel'] = { id: session };
  realParams['POST /api/trainings/sessions/:id/registrations'] = { id: session };
  realParams['PUT /api/trainings/registrations/:id/attendance'] = { id: reg.id };
  realParams['PATCH /api/establishments/:id'] = { id: e.id };
  realParams['PATCH /api/users/:id'] = { id: partner.id };
  realParams['PATCH /api/offices/:id'] = { id: 'bit-ganges' };
});

afterAll(async () => ctx?.close());

describe('strict bodies: the schemas', () => {
  it('the OpenAPI document covers every route that can take a body (none hidden from this check)', () => {
    const documented = documentedRoutes(ctx.app);
    const mutating = mutatingApiRoutes(ctx.app);
    expect(mutating.length).toBeGreaterThan(20);
    // The one exception, by prefix: the queue dashboard's JSON api (Bull Board, admins only) validates its
    // bodies with its own schemas and hides its routes from the document; the role matrix covers its access.
    expect(mutating.filter((r) => !documented.includes(r) && !r.split(' ')[1]!.startsWith(`${QUEUE_BOARD_PATH}/`))).toEqual([]);
    expect(mutating.some((r) => r.startsWith(`PUT ${QUEUE_BOARD_PATH}/`)), 'the exception still names real routes').toBe(true);
  });

  it('finds the body routes of every feature (sanity)', () => {
    const names = routes.map((r) => `${r.method} ${r.route}`);
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names).toEqual(expect.arrayContaining([
      'POST /api/auth/login', 'PATCH /api/me', 'POST /api/establishments', 'PATCH /api/users/:id',
      'POST /api/trainings', 'PATCH /api/trainings/:id', 'POST /api/trainings/sessions/:id/registrations', 'PUT /api/trainings/registrations/:id/attendance',
    ]));
    // Every documented body route is a registered route.
    const mutating = mutatingApiRoutes(ctx.app);
    expect(names.filter((n) => !mutating.includes(n))).toEqual([]);
  });

  it('every object of every body schema, at any depth, has additionalProperties: false', () => {
    const lenient = Object.fromEntries(routes.map((r) => [`${r.method} ${r.route}`, lenientObjects(r.body)] as const).filter(([, paths]) => paths.length > 0));
    expect(lenient, 'body objects that accept undeclared properties (add { additionalProperties: false })').toEqual({});
  });

  it('the schema walk finds a lenient object wherever it hides', () => {
    const strict = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, additionalProperties: false });
    expect(lenientObjects(strict({ a: { type: 'string' } }))).toEqual([]);
    expect(lenientObjects({ type: 'object', properties: {} })).toEqual(['body']);
    expect(lenientObjects({ type: 'object', properties: {}, additionalProperties: true })).toEqual(['body']);
    expect(lenientObjects(strict({ place: { type: 'object', properties: { kind: { type: 'string' } } } }))).toEqual(['body.place']);
    expect(lenientObjects(strict({ slots: { type: 'array', items: { type: 'object', properties: {} } } }))).toEqual(['body.slots[]']);
    expect(lenientObjects(strict({ x: { anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] } }))).toEqual(['body.x<anyOf0>']);
    // OpenAPI 3.0 writes null as an object type with enum [null]: not an object.
    expect(lenientObjects(strict({ x: { anyOf: [{ type: 'string' }, { type: 'object', nullable: true, enum: [null] }] } }))).toEqual([]);
  });

  it('the probe puts an unknown field in every object, keeping the valid values given', () => {
    const strict = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, additionalProperties: false });
    const schema = strict({
      name: { type: 'string' },
      place: strict({ kind: { type: 'string' } }),
      slots: { type: 'array', items: strict({ startsAt: { type: 'string' } }) },
      prefs: { anyOf: [strict({ news: { type: 'boolean' } }), { type: 'object', nullable: true, enum: [null] }] },
    });
    const probe = unknownFieldProbe(schema, { name: 'x', place: { kind: 'office' }, slots: [{ startsAt: 'a' }, { startsAt: 'b' }] });
    const u = UNKNOWN_FIELD;
    expect(probe.body).toEqual({
      name: 'x', [u]: true, place: { kind: 'office', [u]: true }, slots: [{ startsAt: 'a', [u]: true }, { startsAt: 'b' }], prefs: { [u]: true },
    });
    expect(probe.fields).toEqual([u, `place.${u}`, `slots.0.${u}`, `prefs.${u}`]);
  });
});

describe('strict bodies: the api refuses an unknown field on every body route, and stores nothing', () => {
  it('has body routes to check', () => expect(routes.length).toBeGreaterThan(0));

  // One test per route found at collection time is not possible (the app is built in beforeAll), so one loop reports every route.
  it('each body route answers 400 naming the unknown field (top level and every nested object)', async () => {
    const failures: Record<string, unknown> = {};
    for (const r of routes) {
      const key = `${r.method} ${r.route}`;
      const base = VALID_BODIES[key];
      const probe = unknownFieldProbe(r.body, base);
      const before = await databaseFingerprint(ctx);
      const res = await (PARTNER_ONLY.has(key) ? asPartner : asAdmin)({ method: r.method as InjectOptions['method'], url: sampleUrl(r, realParams[key]), payload: probe.body });
      const after = await databaseFingerprint(ctx);
      const errors = res.statusCode === 400 ? fieldErrors(res) : {};
      const expected = Object.fromEntries(probe.fields.map((f) => [f, `Champ inconnu\u00a0: « ${UNKNOWN_FIELD} ».`]));
      const named = base === undefined
        ? Object.fromEntries(Object.entries(errors).filter(([f]) => f in expected))
        : errors; // a valid body: the unknown fields are the only errors
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (res.statusCode !== 400 || JSON.stringify(named) !== JSON.stringify(expected) || changed.length) {
        failures[key] = { status: res.statusCode, errors, expected: probe.fields, changedTables: changed };
      } else {
        expectProblem(res, 400);
      }
    }
    expect(failures).toEqual({});
  });
});

describe('strict bodies: sign-up', () => {
  it('an unknown field in the sign-up body is refused and nobody is signed up; the same body without it signs up', async () => {
    const training = await apiTraining(asAdmin);
    const session = await apiSession(asAdmin, training, { capacity: 3 });
    for (const payload of [{ role: 'admin' }, { status: 'confirmed' }, { [UNKNOWN_FIELD]: true }]) {
      const res = await asPartner({ method: 'POST', url: `/api/trainings/sessions/${session}/registrations`, payload });
      expectProblem(res, 400);
      const [field] = Object.keys(payload);
      expect(fieldErrors(res)).toEqual({ [field!]: `Champ inconnu\u00a0: « ${field} ».` });
    }
    // On behalf of a colleague, with an extra field: refused too.
    const colleague = await createUser(ctx, 'partner', { establishmentId: partner.establishmentId });
    const onBehalf = await asPartner({ method: 'POST', url: `/api/trainings/sessions/${session}/registrations`, payload: { userId: colleague.id, establishmentId: null } });
    expect(fieldErrors(onBehalf)).toEqual({ establishmentId: 'Champ inconnu\u00a0: « establishmentId ».' });
    expect(await registrationsOf(ctx, session, partner.id)).toEqual([]);
    expect(await registrationsOf(ctx, session, colleague.id)).toEqual([]);

    expect((await apiSignUp(asPartner, session)).status).toBe('confirmed');
    expect((await apiSignUp(asPartner, session, colleague.id)).status).toBe('confirmed');
  });
});
