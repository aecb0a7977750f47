import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordContact, rollUpVisits } from '../../db/queries/visits';
import { visitContacts, visitRollup, visitTotals } from '../../db/schema';
import { createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { contactPayload } from '../helpers/visits-matrix';
import { currentMonth } from '../../common/figures';

/**
 * Office visitor counts: the counter (idempotent on the browser's id,
 * correction window), the time zone of a month, bulk totals and the CSV
 * import (all or nothing, each bad line named), and the rollup the dashboard
 * reads, held equal to a GROUP BY over the raw rows.
 */

let ctx: TestContext;
let staff: TestUser;
let asStaff: Injector;
let asOther: Injector;
let asAdmin: Injector;

type Figures = { months: { officeId: string; month: string; contacts: number; visitors: number }[]; breakdown: { dimension: string; value: string; contacts: number; visitors: number }[] };
async function dashboard(year: number, officeId = 'bit-ganges'): Promise<Figures> {
  const res = await asStaff({ method: 'GET', url: `/api/visits/dashboard?year=${year}&officeId=${officeId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const month = (f: Figures, m: string) => f.months.find((x) => x.month === m);

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff', { officeId: 'bit-ganges' });
  asStaff = await injectAs(ctx, staff);
  asOther = await injectAs(ctx, await createUser(ctx, 'staff'));
  asAdmin = await injectAs(ctx, await createUser(ctx, 'admin'));
});
afterAll(async () => ctx?.close());

describe('counter', () => {
  it('records at the staff member’s office by default; the same contact sent twice (offline queue) counts once', async () => {
    const body = contactPayload({ officeId: undefined, partySize: 4, origin: 'BE', language: 'nl' });
    const first = await asStaff({ method: 'POST', url: '/api/visits/contacts', payload: body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().contact).toMatchObject({ officeId: 'bit-ganges', partySize: 4, origin: 'BE' });
    const again = await asStaff({ method: 'POST', url: '/api/visits/contacts', payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(await ctx.db.$count(visitContacts, eq(visitContacts.id, body.id))).toBe(1);

    await rollUpVisits(ctx.db);
    // The month in Paris (the first hour of a month in Paris is still the previous one in UTC).
    const m = currentMonth();
    expect(month(await dashboard(Number(m.slice(0, 4))), m)).toMatchObject({ contacts: 1, visitors: 4 });
  });

  it('the dashboard, kept in the statistics cache, shows a contact once the rollup has run, at the next read', async () => {
    const m = currentMonth();
    const year = Number(m.slice(0, 4));
    const count = async () => month(await dashboard(year, 'bit-le-vigan'), m)?.contacts ?? 0;
    const before = await count();
    expect(await count()).toBe(before); // a second read (from the cache) is the same
    const res = await asStaff({ method: 'POST', url: '/api/visits/contacts', payload: contactPayload({ officeId: 'bit-le-vigan' }) });
    expect(res.statusCode, res.body).toBe(201);
    const pending = await asStaff({ method: 'GET', url: `/api/visits/dashboard?year=${year}&officeId=bit-le-vigan` });
    expect(pending.json()).toMatchObject({ pending: expect.any(Number) });
    expect(pending.json().pending).toBeGreaterThan(0); // read fresh, not from the cache
    await rollUpVisits(ctx.db); // its NOTIFY empties the cache
    expect(await count()).toBe(before + 1);
  });

  it('refuses an unknown origin, a retired theme, a date too old or in the future, with the field named', async () => {
    const post = (over: Record<string, unknown>) => asStaff({ method: 'POST', url: '/api/visits/contacts', payload: contactPayload(over) });
    const cases: [Record<string, unknown>, string][] = [
      [{ origin: 'FR-99' }, 'origin'],
      [{ themeIds: [999] }, 'themeIds'],
      [{ occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString() }, 'occurredAt'],
      [{ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'occurredAt'],
      [{ officeId: 'bit-nulle-part' }, 'officeId'],
    ];
    for (const [over, field] of cases) {
      const res = await post(over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const theme = (await asAdmin({ method: 'POST', url: '/api/visits/themes', payload: { labelFr: 'Vélo', labelEn: 'Cycling' } })).json();
    expect((await post({ themeIds: [theme.id] })).statusCode).toBe(201);
    expect((await asAdmin({ method: 'PATCH', url: `/api/visits/themes/${theme.id}`, payload: { active: false } })).json().active).toBe(false);
    expect((await post({ themeIds: [theme.id] })).statusCode).toBe(400);
    const setup = (await asStaff({ method: 'GET', url: '/api/visits/setup' })).json();
    expect(setup.officeId).toBe('bit-ganges');
    expect(setup.themes.map((t: { id: number }) => t.id)).not.toContain(theme.id);
    expect(setup.themes.map((t: { labelFr: string }) => t.labelFr)).toContain('Randonnée');
  });

  it('a contact can be corrected or undone by whoever recorded it, for a few minutes only', async () => {
    const body = contactPayload();
    await asStaff({ method: 'POST', url: '/api/visits/contacts', payload: body });
    expect((await asOther({ method: 'PATCH', url: `/api/visits/contacts/${body.id}`, payload: { partySize: 5 } })).statusCode).toBe(404);
    const fixed = await asStaff({ method: 'PATCH', url: `/api/visits/contacts/${body.id}`, payload: { partySize: 5, mode: 'telephone' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ partySize: 5, mode: 'telephone' });
    expect((await asStaff({ method: 'GET', url: '/api/visits/contacts/recent' })).json().items.map((c: { id: string }) => c.id)).toContain(body.id);

    await ctx.db.update(visitContacts).set({ createdAt: sql`now() - interval '11 minutes'` }).where(eq(visitContacts.id, body.id));
    const late = await asStaff({ method: 'PATCH', url: `/api/visits/contacts/${body.id}`, payload: { partySize: 1 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/délai de correction/);
    expect((await asStaff({ method: 'DELETE', url: `/api/visits/contacts/${body.id}` })).statusCode).toBe(409);
    expect((await asStaff({ method: 'GET', url: '/api/visits/contacts/recent' })).json().items.map((c: { id: string }) => c.id)).not.toContain(body.id);

    const undo = contactPayload();
    await asStaff({ method: 'POST', url: '/api/visits/contacts', payload: undo });
    expect((await asStaff({ method: 'DELETE', url: `/api/visits/contacts/${undo.id}` })).statusCode).toBe(204);
    expect(await ctx.db.$count(visitContacts, eq(visitContacts.id, undo.id))).toBe(0);
  });
});

describe('months are Europe/Paris months', () => {
  it('a contact at 23:30 on 31 March (Paris) counts in March; at 00:30 on 1 April, in April', async () => {
    const at = (iso: string) => recordContact(ctx.db, { ...contactPayload({ officeId: 'bit-valleraugue' }), occurredAt: new Date(iso) } as never, staff.id);
    await at('2025-03-31T21:30:00Z'); // 23:30 CEST
    await at('2025-03-31T22:30:00Z'); // 00:30 CEST, 1 April
    await at('2025-01-31T22:45:00Z'); // 23:45 CET, still January
    await rollUpVisits(ctx.db);
    const f = await dashboard(2025, 'bit-valleraugue');
    expect([month(f, '2025-01')?.contacts, month(f, '2025-02'), month(f, '2025-03')?.contacts, month(f, '2025-04')?.contacts]).toEqual([1, undefined, 1, 1]);
  });
});

describe('bulk totals and CSV import', () => {
  it('a month’s totals: a bad line refuses the whole entry and is named; good ones add to the counted contacts', async () => {
    const put = (lines: unknown[]) => asStaff({ method: 'PUT', url: '/api/visits/totals', payload: { officeId: 'bit-ganges', month: '2024-07', lines } });
    const bad = await put([
      { dimension: 'total', value: '', contacts: 100, visitors: 250 },
      { dimension: 'mode', value: 'pigeon', contacts: 1, visitors: 1 },
      { dimension: 'origin', value: 'FR-34', contacts: 40, visitors: 30 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines.1', 'lines.2']);
    expect(await ctx.db.$count(visitTotals)).toBe(0);
    const ok = await put([{ dimension: 'total', value: '', contacts: 100, visitors: 250 }, { dimension: 'origin', value: 'FR-34', contacts: 40, visitors: 90 }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().lines).toHaveLength(2);
    await rollUpVisits(ctx.db);
    const f = await dashboard(2024);
    expect(month(f, '2024-07')).toMatchObject({ contacts: 100, visitors: 250 });
    expect(f.breakdown.find((b) => b.dimension === 'origin' && b.value === 'FR-34')).toMatchObject({ contacts: 40, visitors: 90 });
  });

  it('a CSV file with bad lines imports nothing and names each bad line; once clean, it is imported in full', async () => {
    const lines = [
      'bureau;mois;ventilation;valeur;contacts;visiteurs',
      'bit-le-vigan;2018-07;total;;2168;4100', // 2
      'bit-le-vigan;2018-13;total;;10;10', // 3: month
      'bit-le-vigan;2018-07;mode;comptoir;1900;3800', // 4
      'bit-inconnu;2018-07;total;;1;1', // 5: office
      'bit-le-vigan;2018-07;origine;Belgique;5;9', // 6: origin value
      'bit-le-vigan;2018-07;theme;Randonnée;300;-2', // 7: number
      'bit-le-vigan;2018-07;mode;comptoir;1;1', // 8: duplicate of line 4
      'bit-le-vigan;2018-07;langue', // 9: columns
    ];
    const res = await asStaff({ method: 'POST', url: '/api/visits/import', payload: { csv: lines.join('\n') } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.detail).toMatch(/rien n’a été importé/);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['line.3', 'line.5', 'line.6', 'line.7', 'line.8', 'line.9']);
    expect(body.errors[0].message).toMatch(/Mois invalide/);
    const before = await ctx.db.$count(visitTotals);

    const clean = [lines[0], lines[1], lines[3], 'bit-le-vigan;2018-07;origine;BE;5;9', 'bit-le-vigan,2018-08,total,,1500,3000'.replaceAll(',', ';'), '"bit-le-vigan";2018-07;theme;randonnée;300;700'];
    const okRes = await asStaff({ method: 'POST', url: '/api/visits/import', payload: { csv: '\uFEFF' + clean.join('\r\n') } });
    expect(okRes.statusCode, okRes.body).toBe(200);
    expect(okRes.json()).toEqual({ imported: 5, officeMonths: 2 });
    expect(await ctx.db.$count(visitTotals)).toBe(before + 5);
    await rollUpVisits(ctx.db);
    const f = await dashboard(2018, 'bit-le-vigan');
    expect([month(f, '2018-07')?.visitors, month(f, '2018-08')?.visitors]).toEqual([4100, 3000]);
    expect(f.breakdown.find((b) => b.dimension === 'theme' && b.value === '3')).toMatchObject({ contacts: 300 });
  });

  it('refuses a file without the expected header', async () => {
    const res = await asStaff({ method: 'POST', url: '/api/visits/import', payload: { csv: 'office;month\nbit-le-vigan;2018-07' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/En-tête attendu/);
  });
});

describe('rollup', () => {
  it('equals a GROUP BY over the raw rows after inserts, corrections and deletes', async () => {
    const offices = ['bit-le-vigan', 'bit-ganges', 'bit-valleraugue'];
    const modes = ['comptoir', 'telephone', 'email'] as const;
    const origins = ['FR-30', 'FR-34', 'BE', 'NL', 'FR-75'];
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const ids: string[] = [];
    const rows = Array.from({ length: 300 }, () => {
      const id = randomUUID();
      ids.push(id);
      return {
        id, officeId: offices[rnd(3)]!, occurredAt: new Date(Date.UTC(2023, rnd(12), 1 + rnd(28), rnd(24), rnd(60))), mode: modes[rnd(3)]!,
        partySize: 1 + rnd(6), origin: origins[rnd(5)]!, language: rnd(2) ? 'fr' : 'en', themeIds: [1 + rnd(7), ...(rnd(2) ? [1 + rnd(7)] : [])].filter((v, i, a) => a.indexOf(v) === i), createdBy: staff.id,
      };
    });
    await ctx.db.insert(visitContacts).values(rows.slice(0, 200));
    await rollUpVisits(ctx.db);
    await ctx.db.insert(visitContacts).values(rows.slice(200));
    for (const id of ids.slice(0, 40)) await ctx.db.update(visitContacts).set({ partySize: 9, origin: 'FR-48', occurredAt: new Date('2023-12-31T23:30:00Z') }).where(eq(visitContacts.id, id));
    for (const id of ids.slice(40, 70)) await ctx.db.delete(visitContacts).where(eq(visitContacts.id, id));
    await ctx.db.insert(visitTotals).values({ officeId: 'bit-valleraugue', month: '2023-05-01', dimension: 'mode', value: 'courrier', contacts: 3, visitors: 4 });
    await rollUpVisits(ctx.db);

    // The expected figures, computed here from the raw rows (JS, not the rollup's SQL).
    const raw = await ctx.db.select().from(visitContacts);
    const totals = await ctx.db.select().from(visitTotals);
    const expected = new Map<string, [number, number]>();
    const add = (k: string, c: number, v: number) => { const e = expected.get(k) ?? [0, 0]; expected.set(k, [e[0] + c, e[1] + v]); };
    for (const r of raw) {
      const key = (d: string, v: string) => `${r.officeId}|${r.month}|${d}|${v}`;
      add(key('total', ''), 1, r.partySize);
      add(key('mode', r.mode), 1, r.partySize);
      add(key('origin', r.origin), 1, r.partySize);
      add(key('language', r.language), 1, r.partySize);
      for (const t of r.themeIds) add(key('theme', String(t)), 1, r.partySize);
    }
    for (const t of totals) add(`${t.officeId}|${t.month}|${t.dimension}|${t.value}`, t.contacts, t.visitors);
    const actual = new Map((await ctx.db.select().from(visitRollup)).map((r) => [`${r.officeId}|${r.month}|${r.dimension}|${r.value}`, [r.contacts, r.visitors]]));
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    expect(expected.get('bit-valleraugue|2023-05-01|mode|courrier')?.[0]).toBeGreaterThanOrEqual(3);
  });
});
