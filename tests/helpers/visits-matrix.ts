import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { adminOnly, staffAndAdmin, type Expected, type Row } from './matrix-rows';
import { accessCookieFor, type TestContext, type TestUser } from './app';

/**
 * The role-matrix rows of the office visitor counts (tests/server/role-matrix.test.ts).
 * Only staff and admins count; partners get 403. A contact can be corrected
 * only by whoever recorded it (here `staff`): the admin gets 404, as for an
 * absent one. Only admins edit the themes.
 */

const ownerStaff = (s: number): Expected => ({ ...staffAndAdmin(s), admin: 404 });

const fx = { contactId: '', toRemove: [] as string[] };

export const contactPayload = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(), officeId: 'bit-le-vigan', mode: 'comptoir', partySize: 2, origin: 'FR-30', language: 'fr', themeIds: [1], ...over,
});

async function as(ctx: TestContext, user: TestUser, opts: InjectOptions) {
  const res = await ctx.app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie: await accessCookieFor(ctx, user) } });
  if (res.statusCode >= 300) throw new Error(`visits matrix fixture: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function setupVisitsMatrix(ctx: TestContext, who: { staff: TestUser }) {
  const record = async () => (await as(ctx, who.staff, { method: 'POST', url: '/api/visits/contacts', payload: contactPayload() })).contact.id as string;
  const ids = await Promise.all(Array.from({ length: 6 }, record));
  fx.contactId = ids[0]!;
  fx.toRemove = ids.slice(1);
}

const csv = 'bureau;mois;ventilation;valeur;contacts;visiteurs\nbit-le-vigan;2019-07;total;;1200;2500\nbit-le-vigan;2019-07;mode;comptoir;1000;2200\n';

export const visitsMatrixRows: Row[] = [
  { method: 'GET', route: '/api/visits/setup', expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/visits/contacts', request: () => ({ payload: contactPayload() }), expect: staffAndAdmin(201) },
  { method: 'GET', route: '/api/visits/contacts/recent', expect: staffAndAdmin(200) },
  { method: 'PATCH', route: '/api/visits/contacts/:id', request: () => ({ url: `/api/visits/contacts/${fx.contactId}`, payload: { partySize: 3 } }), expect: ownerStaff(200) },
  { method: 'DELETE', route: '/api/visits/contacts/:id', request: () => ({ url: `/api/visits/contacts/${fx.toRemove.shift()}` }), expect: ownerStaff(204) },
  { method: 'GET', route: '/api/visits/totals', request: () => ({ url: '/api/visits/totals?officeId=bit-le-vigan&month=2019-07' }), expect: staffAndAdmin(200) },
  {
    method: 'PUT', route: '/api/visits/totals',
    request: () => ({ payload: { officeId: 'bit-le-vigan', month: '2019-08', lines: [{ dimension: 'total', value: '', contacts: 10, visitors: 20 }] } }),
    expect: staffAndAdmin(200),
  },
  { method: 'POST', route: '/api/visits/import', request: () => ({ payload: { csv } }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/visits/dashboard', request: () => ({ url: '/api/visits/dashboard?year=2026' }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/visits/themes', expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/visits/themes', request: () => ({ payload: { labelFr: 'Producteurs locaux', labelEn: 'Local producers' } }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/api/visits/themes/:id', request: () => ({ url: '/api/visits/themes/1', payload: { position: 1 } }), expect: adminOnly(200) },
];
