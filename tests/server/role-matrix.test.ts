import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { capturedMails } from '../../db/schema';
import { createEstablishment, createTestApp, createUser, injectAs, type TestContext, type TestUser, TEST_PASSWORD } from '../helpers/app';
import { routesOfTree } from '../helpers/api-routes';
import { setupTrainingMatrix, trainingMatrixRows } from '../helpers/trainings-matrix';
import { documentsMatrixRows, setupDocumentsMatrix } from '../helpers/documents-matrix';
import { contributionsMatrixRows, setupContributionsMatrix } from '../helpers/documents-contributions-matrix';
import { figuresMatrixRows, setupFiguresMatrix } from '../helpers/figures-matrix';
import { newslettersMatrixRows, setupNewslettersMatrix } from '../helpers/newsletters-matrix';
import { newsletterSegmentsMatrixRows, setupNewsletterSegmentsMatrix } from '../helpers/newsletter-segments-matrix';
import { setupVisitsMatrix, visitsMatrixRows } from '../helpers/visits-matrix';
import { newsMatrixRows, setupNewsMatrix } from '../helpers/news-matrix';
import { newsParticipationMatrixRows, setupNewsParticipationMatrix } from '../helpers/news-participation-matrix';
import { adminOnly, everyone, signedIn, staffAndAdmin, type Caller, type Expected } from '../helpers/matrix-rows';
import { queuesMatrixRows } from '../helpers/queues-matrix';

/**
 * The role matrix: every /api route of the app, called as each kind of
 * caller, with the status each one must get.
 *
 * ADDING A ROUTE? Add a row to API_ROLE_MATRIX below: the route exactly as
 * registered (e.g. '/api/users/:id'), a request that passes validation (so
 * that the status shows the access decision, not a 400), and the expected
 * status per caller. The first test fails while any registered /api route is
 * missing from the table (or a row names a route that no longer exists).
 *
 * Callers: anonymous; `partner` of establishment E; `otherPartner` of
 * establishment F (requests aim at E's resources, so scoping shows as 404);
 * `staff`; `admin`. Each request runs in a fresh session, one at a time, so
 * rows that end sessions (log-out) do not disturb the others.
 */

interface Fixtures {
  /** Establishment E (of `partner`) and F (of `otherPartner`). */
  establishmentE: string;
  establishmentF: string;
  /** A partner of E that staff may manage (status changes are no-ops). */
  targetPartner: TestUser;
  /** A partner of E still invited (invitations can be re-sent). */
  invitedPartner: TestUser;
  /** An account anyone may log in with. */
  loginUser: TestUser;
  capturedMailId: string;
  /** A number unique within the run (for e-mail addresses). */
  next(): number;
}

interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered in Fastify. */
  route: string;
  /** The concrete request; defaults to the route itself with no body. */
  request?: (fx: Fixtures) => Pick<InjectOptions, 'url' | 'payload' | 'query' | 'headers'>;
  expect: Expected;
}

/** Staff, admins and the partners of establishment E; other partners get 404 (ids reveal nothing). */
const establishmentE = (s: number): Expected => ({ anonymous: 401, partner: s, otherPartner: 404, staff: s, admin: s });

const FAKE_TOKEN = 'A'.repeat(43);

export const API_ROLE_MATRIX: MatrixRow[] = [
  // ---- system and documentation (public) ----
  { method: 'GET', route: '/api/health', expect: everyone(200) },
  { method: 'GET', route: '/api/docs', expect: everyone(200) },
  { method: 'GET', route: '/api/docs/', expect: everyone(200) },
  { method: 'GET', route: '/api/docs/json', expect: everyone(200) },
  { method: 'GET', route: '/api/docs/yaml', expect: everyone(200) },
  { method: 'GET', route: '/api/docs/static/index.html', expect: everyone(302) }, // redirects to the UI
  { method: 'GET', route: '/api/docs/static/swagger-initializer.js', expect: everyone(200) },
  { method: 'GET', route: '/api/docs/*', request: () => ({ url: '/api/docs/static/swagger-ui.css' }), expect: everyone(200) },

  // ---- authentication (public; answers do not depend on who calls) ----
  { method: 'POST', route: '/api/auth/login', request: (fx) => ({ payload: { email: fx.loginUser.email, password: TEST_PASSWORD } }), expect: everyone(200) },
  { method: 'POST', route: '/api/auth/refresh', expect: everyone(401) }, // no refresh cookie sent
  { method: 'POST', route: '/api/auth/logout', expect: everyone(204) },
  { method: 'POST', route: '/api/auth/logout-all', expect: signedIn(204) },
  { method: 'POST', route: '/api/auth/password/forgot', request: () => ({ payload: { email: 'quelquun@example.test' } }), expect: everyone(202) },
  { method: 'GET', route: '/api/auth/tokens/:token', request: () => ({ url: `/api/auth/tokens/${FAKE_TOKEN}?purpose=invitation` }), expect: everyone(404) },
  { method: 'POST', route: '/api/auth/password/reset', request: () => ({ payload: { token: FAKE_TOKEN, password: 'Un-mot-de-passe-solide-2026' } }), expect: everyone(400) },
  { method: 'POST', route: '/api/auth/invitation/accept', request: () => ({ payload: { token: FAKE_TOKEN, password: 'Un-mot-de-passe-solide-2026' } }), expect: everyone(400) },

  // ---- my account ----
  { method: 'GET', route: '/api/me', expect: signedIn(200) },
  { method: 'PATCH', route: '/api/me', request: () => ({ payload: { language: 'fr' } }), expect: signedIn(200) },
  // Wrong current password: 400 shows the access check passed without changing anything.
  { method: 'POST', route: '/api/me/password', request: () => ({ payload: { currentPassword: 'pas-le-bon', newPassword: 'Un-mot-de-passe-solide-2026' } }), expect: signedIn(400) },
  { method: 'GET', route: '/api/me/export', expect: signedIn(200) },
  { method: 'DELETE', route: '/api/me', request: () => ({ payload: { password: 'pas-le-bon' } }), expect: signedIn(400) },

  // ---- territory ----
  { method: 'GET', route: '/api/territory', expect: signedIn(200) },
  { method: 'PATCH', route: '/api/offices/:id', request: () => ({ url: '/api/offices/bit-ganges', payload: { verified: true } }), expect: adminOnly(200) },

  // ---- users ----
  { method: 'GET', route: '/api/users', expect: staffAndAdmin(200) },
  {
    method: 'POST', route: '/api/users/invitations',
    request: (fx) => ({ payload: { email: `matrice-${fx.next()}@example.test`, name: 'Invitée Matrice', role: 'partner', establishmentId: fx.establishmentE } }),
    expect: staffAndAdmin(201),
  },
  { method: 'POST', route: '/api/users/:id/invitation/resend', request: (fx) => ({ url: `/api/users/${fx.invitedPartner.id}/invitation/resend` }), expect: staffAndAdmin(202) },
  { method: 'PATCH', route: '/api/users/:id', request: (fx) => ({ url: `/api/users/${fx.targetPartner.id}`, payload: { status: 'active' } }), expect: staffAndAdmin(200) },

  // ---- establishments ----
  { method: 'GET', route: '/api/establishments', expect: staffAndAdmin(200) },
  {
    method: 'POST', route: '/api/establishments',
    request: () => ({ payload: { name: 'Restaurant de la Matrice', category: 'restauration', communeInsee: '34111' } }),
    expect: staffAndAdmin(201),
  },
  { method: 'GET', route: '/api/establishments/:id', request: (fx) => ({ url: `/api/establishments/${fx.establishmentE}` }), expect: establishmentE(200) },
  { method: 'PATCH', route: '/api/establishments/:id', request: (fx) => ({ url: `/api/establishments/${fx.establishmentE}`, payload: { phone: '04 67 81 01 72' } }), expect: establishmentE(200) },

  // ---- mail: captured outbox ----
  { method: 'GET', route: '/api/outbox', expect: adminOnly(200) },
  { method: 'GET', route: '/api/outbox/deliveries', expect: adminOnly(200) },
  { method: 'GET', route: '/api/outbox/:id', request: (fx) => ({ url: `/api/outbox/${fx.capturedMailId}` }), expect: adminOnly(200) },

  // ---- queue dashboard (Bull Board; rows in tests/helpers/queues-matrix.ts) ----
  ...queuesMatrixRows,

  // ---- trainings (rows and fixtures in tests/helpers/trainings-matrix.ts) ----
  ...trainingMatrixRows,

  // ---- documents (rows and fixtures in tests/helpers/documents-matrix.ts) ----
  ...documentsMatrixRows,
  ...contributionsMatrixRows,
  ...figuresMatrixRows,

  // ---- newsletters (rows and fixtures in tests/helpers/newsletters-matrix.ts) ----
  ...newslettersMatrixRows,
  ...newsletterSegmentsMatrixRows,

  // ---- office visitor counts (rows and fixtures in tests/helpers/visits-matrix.ts) ----
  ...visitsMatrixRows,

  // ---- news (rows and fixtures in tests/helpers/news-matrix.ts) ----
  ...newsMatrixRows,
  ...newsParticipationMatrixRows,
];

/** Every /api route of a printed route tree as "METHOD /path" (HEAD twins of GET left out). */
export function registeredApiRoutes(tree: string): string[] {
  return routesOfTree(tree).filter((r) => r.split(' ')[1]!.startsWith('/api'));
}

let ctx: TestContext;
let fx: Fixtures;
const users: Record<Exclude<Caller, 'anonymous'>, TestUser> = {} as never;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 10_000 });
  const e = await createEstablishment(ctx, { name: 'Établissement E' });
  const f = await createEstablishment(ctx, { name: 'Établissement F' });
  users.partner = await createUser(ctx, 'partner', { establishmentId: e.id });
  users.otherPartner = await createUser(ctx, 'partner', { establishmentId: f.id });
  users.staff = await createUser(ctx, 'staff');
  users.admin = await createUser(ctx, 'admin');
  const [mail] = await ctx.db.insert(capturedMails).values({ toAddress: 'x@example.test', subject: 'Test', html: '<p>x</p>', text: 'x' }).returning({ id: capturedMails.id });
  let n = 0;
  fx = {
    establishmentE: e.id,
    establishmentF: f.id,
    targetPartner: await createUser(ctx, 'partner', { establishmentId: e.id }),
    invitedPartner: await createUser(ctx, 'partner', { establishmentId: e.id, status: 'invited', passwordHash: null }),
    loginUser: await createUser(ctx, 'partner'),
    capturedMailId: mail!.id,
    next: () => ++n,
  };
  await setupTrainingMatrix(ctx, { partner: users.partner, staff: users.staff, establishmentE: e.id });
  await setupDocumentsMatrix(ctx, { staff: users.staff });
  await setupContributionsMatrix(ctx, { partner: users.partner, staff: users.staff });
  await setupFiguresMatrix(ctx);
  await setupNewslettersMatrix(ctx, { admin: users.admin });
  await setupNewsletterSegmentsMatrix(ctx, { admin: users.admin });
  await setupVisitsMatrix(ctx, { staff: users.staff });
  await setupNewsMatrix(ctx, { partner: users.partner, staff: users.staff });
  await setupNewsParticipationMatrix(ctx, { partner: users.partner, staff: users.staff });
});

afterAll(async () => ctx?.close());

describe('role matrix', () => {
  it('API_ROLE_MATRIX lists every registered /api route, and only those', () => {
    const registered = registeredApiRoutes(ctx.app.printRoutes({ commonPrefix: false }));
    expect(registered.length).toBeGreaterThan(20);
    const listed = [...new Set(API_ROLE_MATRIX.map((r) => `${r.method} ${r.route}`))].sort();
    expect(listed.length, 'a route appears twice in API_ROLE_MATRIX').toBe(API_ROLE_MATRIX.length);
    expect({ missingFromMatrix: registered.filter((r) => !listed.includes(r)), notRegistered: listed.filter((r) => !registered.includes(r)) })
      .toEqual({ missingFromMatrix: [], notRegistered: [] });
  });

  it('the parser reads nested and parameterised routes', () => {
    const tree = ['├── /api/me (GET, HEAD, DELETE)', '│   └── /export (GET, HEAD)', '├── /api/auth/logout (POST)', '│   └── -all (POST)', '└── /api/x/:id (PATCH)', '    └── /y (POST)'].join('\n');
    expect(registeredApiRoutes(tree)).toEqual(['DELETE /api/me', 'GET /api/me', 'GET /api/me/export', 'PATCH /api/x/:id', 'POST /api/auth/logout', 'POST /api/auth/logout-all', 'POST /api/x/:id/y']);
  });

  for (const row of API_ROLE_MATRIX) {
    it(`${row.method} ${row.route}`, async () => {
      const actual = {} as Expected;
      for (const caller of ['anonymous', 'partner', 'otherPartner', 'staff', 'admin'] as Caller[]) {
        const inject = await injectAs(ctx, caller === 'anonymous' ? null : users[caller]);
        const req = row.request?.(fx) ?? {};
        const res = await inject({ method: row.method, url: req.url ?? row.route, payload: req.payload as InjectOptions['payload'], query: req.query, headers: req.headers });
        actual[caller] = res.statusCode;
        // Refusals are problem+json like every other error.
        if (res.statusCode === 401 || res.statusCode === 403) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(actual).toEqual(row.expect);
    });
  }
});
