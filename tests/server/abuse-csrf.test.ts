import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { logins, trainingRegistrations } from '../../db/schema';
import { createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining } from '../helpers/trainings';

/**
 * Issue 9 item 9: cross-site request forgery. A state-changing request from
 * another site is refused by its Origin / Sec-Fetch-Site, and every write
 * with a body must be JSON (a form or text/plain body is a "simple" request
 * a foreign page can send without a preflight).
 */
let ctx: TestContext;
let partner: TestUser;
let asPartner: Injector;
let sessionId: string;
const APP = 'https://espace-pro.example.test';

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: APP });
  const staff = await createUser(ctx, 'staff');
  partner = await createUser(ctx, 'partner');
  asPartner = await injectAs(ctx, partner);
  const training = await makeTraining(ctx, staff.id);
  sessionId = await makeSession(ctx, training, staff.id, { capacity: 100 });
});
afterAll(async () => ctx?.close());

/** A new partner signed up for the session: its registration id, and `inject` as that partner. */
async function register(): Promise<{ id: string; as: Injector }> {
  const as = await injectAs(ctx, await createUser(ctx, 'partner'));
  const res = await as({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, headers: { origin: APP }, payload: {} });
  expect(res.statusCode).toBe(201);
  return { id: res.json<{ id: string }>().id, as };
}
const statusOf = async (id: string) => (await ctx.db.select({ s: trainingRegistrations.status }).from(trainingRegistrations).where(eq(trainingRegistrations.id, id)))[0]!.s;

describe('cross-site writes', () => {
  it('the reported attack: cancel with text/plain from a foreign Origin fails and changes nothing', async () => {
    const { id, as } = await register();
    const res = await as({ method: 'POST', url: `/api/trainings/registrations/${id}/cancel`, headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, payload: 'x=1' });
    expect([403, 415]).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await statusOf(id)).toBe('confirmed');
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a sibling subdomain', { origin: 'https://evil.espace-pro.example.test' }],
    ['the right host over http', { origin: 'http://espace-pro.example.test' }],
    ['Origin: null (sandboxed frame, data: URL)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['Sec-Fetch-Site: cross-site even with our Origin', { 'sec-fetch-site': 'cross-site', origin: APP }],
  ])('refuses a JSON cancel from %s with 403', async (_label, headers) => {
    const { id, as } = await register();
    const res = await as({ method: 'POST', url: `/api/trainings/registrations/${id}/cancel`, headers, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/autre site/);
    expect(await statusOf(id)).toBe('confirmed');
  });

  it.each([
    ['our Origin', { origin: APP }],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' }],
    ['neither header (curl, scripts)', {}],
  ])('accepts a JSON cancel from %s', async (_label, headers) => {
    const { id, as } = await register();
    const res = await as({ method: 'POST', url: `/api/trainings/registrations/${id}/cancel`, headers, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(await statusOf(id)).toBe('cancelled');
  });

  it('a cross-site log-out-everywhere is refused too (no body at all)', async () => {
    const before = await ctx.db.select({ id: logins.id }).from(logins).where(eq(logins.userId, partner.id));
    const res = await asPartner({ method: 'POST', url: '/api/auth/logout-all', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(403);
    const open = await ctx.db.select({ revokedAt: logins.revokedAt }).from(logins).where(eq(logins.userId, partner.id));
    expect(open.filter((s) => s.revokedAt === null).length).toBe(before.length);
  });

  it('reads stay open to other sites (links, feeds): a GET with a foreign Origin is answered', async () => {
    const res = await asPartner({ method: 'GET', url: '/api/me', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('writes with a body are JSON', () => {
  it.each([
    ['text/plain', 'x=1'],
    ['application/x-www-form-urlencoded', 'name=Pirate'],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nPirate\r\n--b--\r\n'],
  ])('refuses %s with 415, even from our own origin', async (type, payload) => {
    const res = await asPartner({ method: 'PATCH', url: '/api/me', headers: { origin: APP, 'content-type': type }, payload });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a text/plain body on a route that takes none (cancel)', async () => {
    const { id, as } = await register();
    const res = await as({ method: 'POST', url: `/api/trainings/registrations/${id}/cancel`, headers: { origin: APP, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(await statusOf(id)).toBe('confirmed');
  });

  it('accepts JSON with a charset', async () => {
    const res = await asPartner({ method: 'PATCH', url: '/api/me', headers: { origin: APP, 'content-type': 'application/json; charset=utf-8' }, payload: JSON.stringify({ language: 'fr' }) });
    expect(res.statusCode).toBe(200);
  });
});
