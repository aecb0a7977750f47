import { Job } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedMails, communautes, figuresMonthly, figuresReminderSends, figuresRollupDirty, figuresRollups, mailMessages, users } from '../../db/schema';
import { refreshRollups } from '../../db/queries/figures';
import { addMonths, currentMonth, daysInMonth } from '../../common/figures';
import { quantile } from '../../server/services/figures/secrecy';
import { handlers } from '../../workers/handlers';
import type { JobHandler, JobName, JobPayloads, WorkerContext } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';

/**
 * Partners' monthly figures on the real database: the edge validation, a
 * partner's own months only, the rollup equal to a direct computation, the
 * comparison under secrecy, staff aggregates and submissions, the
 * Observatoire frozen, and the reminder run twice sending once.
 */

let ctx: TestContext;
let wctx: WorkerContext & { close(): Promise<void> };
const quiet = { info: () => {}, warn: () => {}, error: console.error };
const last = addMonths(currentMonth(), -1);
const before = addMonths(currentMonth(), -2);

function run<N extends JobName>(name: N, payload: JobPayloads[N]) {
  return (handlers[name] as JobHandler<N>)(payload, wctx, new Job(ctx.queues.schedule, name, payload));
}

/** Two communautés: pv (Le Vigan 30350) and cac (Valleraugue 30339). */
async function gite(name: string, communeInsee = '30350', subcategory = 'gite') {
  const e = await createEstablishment(ctx, { name, category: 'hebergement', subcategory, communeInsee });
  const u = await createUser(ctx, 'partner', { establishmentId: e.id, name: `Partenaire ${name}` });
  return { e, u, as: await injectAs(ctx, u) };
}

let a: Awaited<ReturnType<typeof gite>>;
let b: Awaited<ReturnType<typeof gite>>;
let asStaff: Injector;
let staff: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: quiet });
  a = await gite('Gîte A');
  b = await gite('Gîte B');
  staff = await createUser(ctx, 'staff');
  asStaff = await injectAs(ctx, staff);
});

afterAll(async () => {
  await wctx?.close();
  await ctx?.close();
});

describe('a partner gives and corrects a month', () => {
  it('creates (201) then corrects (200) the month, nights derived from an occupancy rate', async () => {
    const first = await a.as({ method: 'PUT', url: `/api/figures/me/${last}`, payload: { capacity: 10, nightsSold: 100, arrivals: 40, foreignShare: 30, countries: { GB: 10, NL: 15 } } });
    expect(first.statusCode, first.body).toBe(201);
    const again = await a.as({ method: 'PUT', url: `/api/figures/me/${last}`, payload: { capacity: 10, occupancyRate: 50, arrivals: 40 } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ month: last, capacity: 10, nightsSold: Math.round(0.5 * 10 * daysInMonth(last)), occupancyRate: 50, foreignShare: null, countries: {} });
  });

  it('refuses nights above capacity × days with a French message on the field', async () => {
    const res = await a.as({ method: 'PUT', url: `/api/figures/me/${before}`, payload: { capacity: 2, nightsSold: 2 * daysInMonth(before) + 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors).toEqual([{ field: 'nightsSold', message: 'Les nuitées vendues dépassent la capacité × le nombre de jours du mois.' }]);
  });

  it('refuses a future month, a visitors field for a gîte, and an unknown field (schema)', async () => {
    expect((await a.as({ method: 'PUT', url: `/api/figures/me/${addMonths(currentMonth(), 1)}`, payload: { capacity: 1, nightsSold: 1 } })).json().detail).toMatch(/pas encore commencé/);
    const kind = await a.as({ method: 'PUT', url: `/api/figures/me/${before}`, payload: { capacity: 1, nightsSold: 1, visitors: 3 } });
    expect(kind.json().errors).toEqual([{ field: 'visitors', message: expect.stringMatching(/ne concerne pas/) }]);
    expect((await a.as({ method: 'PUT', url: `/api/figures/me/${before}`, payload: { capacity: 1, nightsSold: 1, owner: 'x' } })).statusCode).toBe(400);
    // A path that is no month names nothing: 404 (as every malformed id of the api).
    expect((await a.as({ method: 'PUT', url: '/api/figures/me/2026-13', payload: {} })).statusCode).toBe(404);
  });

  it('a partner of a restaurant gives no figures (409); staff have no « mine » (403)', async () => {
    const resto = await createEstablishment(ctx, { name: 'Restaurant', category: 'restauration', communeInsee: '30350' });
    const u = await createUser(ctx, 'partner', { establishmentId: resto.id });
    expect((await (await injectAs(ctx, u))({ method: 'GET', url: '/api/figures/me' })).statusCode).toBe(409);
    expect((await asStaff({ method: 'GET', url: '/api/figures/me' })).statusCode).toBe(403);
  });

  it('a partner reads its own months only: another establishment’s are never in its answers', async () => {
    await b.as({ method: 'PUT', url: `/api/figures/me/${last}`, payload: { capacity: 7, nightsSold: 77 } });
    const mine = (await a.as({ method: 'GET', url: '/api/figures/me' })).json();
    expect(mine.establishment.id).toBe(a.e.id);
    expect(mine.months.map((m: { capacity: number }) => m.capacity)).toEqual([10]);
    // No partner route takes an establishment id: the query string is refused, not obeyed.
    expect((await a.as({ method: 'GET', url: `/api/figures/me?establishmentId=${b.e.id}` })).statusCode).toBe(400);
    // And no answer of the comparison carries another establishment's raw value.
    await refreshRollups(ctx.db);
    const cmp = await a.as({ method: 'GET', url: '/api/figures/me/comparison' });
    expect(cmp.body).not.toContain('77');
  });
});

describe('comparison under statistical secrecy', () => {
  it('2 contributors: « secret statistique », no quartiles', async () => {
    await refreshRollups(ctx.db);
    const { points } = (await a.as({ method: 'GET', url: `/api/figures/me/comparison?from=${last}&to=${last}` })).json();
    expect(points).toEqual([{ month: last, mine: 50, secret: true, contributors: null, q1: null, median: null, q3: null }]);
  });

  it('3 contributors with one at 86 % of nights: still secret; a balanced fourth lifts it', async () => {
    const m = addMonths(currentMonth(), -3);
    const big = await gite('Gîte Géant');
    // a: 10 nights, b: 10 nights, big: 124 nights -> 124 / 144 = 86 %.
    await a.as({ method: 'PUT', url: `/api/figures/me/${m}`, payload: { capacity: 10, nightsSold: 10 } });
    await b.as({ method: 'PUT', url: `/api/figures/me/${m}`, payload: { capacity: 10, nightsSold: 10 } });
    await big.as({ method: 'PUT', url: `/api/figures/me/${m}`, payload: { capacity: 20, nightsSold: 124 } });
    await refreshRollups(ctx.db);
    const q = `/api/figures/me/comparison?from=${m}&to=${m}`;
    expect((await a.as({ method: 'GET', url: q })).json().points[0]).toMatchObject({ secret: true, median: null });
    const d = await gite('Gîte D');
    await d.as({ method: 'PUT', url: `/api/figures/me/${m}`, payload: { capacity: 20, nightsSold: 100 } });
    await refreshRollups(ctx.db);
    const point = (await a.as({ method: 'GET', url: q })).json().points[0];
    expect(point).toMatchObject({ secret: false, contributors: 4 });
    expect(point.median).toBeGreaterThan(0);
    // Same communauté scope is the same group here (all in Le Vigan); territory scope too (one accommodation category).
    expect((await a.as({ method: 'GET', url: `${q}&scope=communaute` })).json().points[0].contributors).toBe(4);
  });
});

describe('rollup', () => {
  it('equals a direct computation from the raw rows, for every group', async () => {
    const m = addMonths(currentMonth(), -5);
    const made: { communaute: string; capacity: number; nights: number; arrivals: number }[] = [];
    for (let i = 0; i < 9; i++) {
      const insee = i % 3 === 0 ? '30339' : '30350';
      const g = await gite(`Gîte R${i}`, insee);
      const capacity = 5 + i;
      const nights = (3 * i * i + 7) % (capacity * daysInMonth(m));
      await g.as({ method: 'PUT', url: `/api/figures/me/${m}`, payload: { capacity, nightsSold: nights, arrivals: i * 3, foreignShare: 10 * (i % 4), countries: { GB: 5 * (i % 2) } } });
      made.push({ communaute: insee === '30339' ? 'cac' : 'pv', capacity, nights, arrivals: i * 3 });
    }
    expect(await ctx.db.$count(figuresRollupDirty)).toBeGreaterThan(0);
    await run('figures.rollup', {});
    expect(await ctx.db.$count(figuresRollupDirty)).toBe(0);
    expect(await run('figures.rollup', {})).toEqual({ months: 0 });
    const rows = await ctx.db.select().from(figuresRollups).where(eq(figuresRollups.month, `${m}-01`));
    const days = daysInMonth(m);
    const check = (group: typeof made, communauteId: string) => {
      const row = rows.find((r) => r.kind === 'accommodation' && r.category === 'hebergement' && r.communauteId === communauteId)!;
      const occ = group.map((g) => (100 * g.nights) / (g.capacity * days)).sort((x, y) => x - y);
      expect(row).toMatchObject({
        contributors: group.length,
        nightsSold: group.reduce((s, g) => s + g.nights, 0), nightsSoldMax: Math.max(...group.map((g) => g.nights)),
        capacityDays: group.reduce((s, g) => s + g.capacity * days, 0), arrivals: group.reduce((s, g) => s + g.arrivals, 0),
      });
      expect(row.median).toBeCloseTo(quantile(occ, 0.5)!, 6);
      expect(row.q1).toBeCloseTo(quantile(occ, 0.25)!, 6);
      expect(row.q3).toBeCloseTo(quantile(occ, 0.75)!, 6);
    };
    check(made, '*');
    check(made.filter((g) => g.communaute === 'cac'), 'cac');
    check(made.filter((g) => g.communaute === 'pv'), 'pv');
    // And the same as SQL's own GROUP BY over the raw rows.
    const [direct] = (await ctx.db.execute(sql`select sum(nights_sold)::int as n from figures_monthly where month = ${`${m}-01`}`)) as unknown as { n: number }[];
    expect(rows.find((r) => r.category === '*' && r.communauteId === '*')!.nightsSold).toBe(direct!.n);
  });

  it('moving an establishment to another commune marks its months stale', async () => {
    await refreshRollups(ctx.db);
    await ctx.app.db.execute(sql`update establishments set commune_insee = '30339' where id = ${b.e.id}`);
    expect(await ctx.db.$count(figuresRollupDirty)).toBeGreaterThan(0);
    await refreshRollups(ctx.db);
  });
});

describe('staff', () => {
  it('see aggregates with what partners may see marked, and who has submitted', async () => {
    const agg = (await asStaff({ method: 'GET', url: `/api/figures/aggregates?kind=accommodation&from=${last}&to=${last}` })).json();
    const all = agg.rows.find((r: { category: string; communauteId: string }) => r.category === '*' && r.communauteId === '*');
    expect(all).toMatchObject({ month: last, contributors: 2, shownToPartners: false, communauteName: null });
    // Each communauté's row carries its name (the staff table shows names, not ids).
    const names = new Map((await ctx.db.select().from(communautes)).map((c) => [c.id, c.shortName]));
    const byCommunaute = agg.rows.filter((r: { communauteId: string }) => r.communauteId !== '*');
    expect(byCommunaute.length).toBeGreaterThan(0);
    for (const r of byCommunaute) expect(r.communauteName).toBe(names.get(r.communauteId));
    const subs = (await asStaff({ method: 'GET', url: `/api/figures/submissions?month=${last}&status=missing` })).json();
    expect(subs.submitted).toBe(2);
    expect(subs.items.map((i: { id: string }) => i.id)).not.toContain(a.e.id);
    expect(subs.items.every((i: { submittedAt: string | null }) => i.submittedAt === null)).toBe(true);
  });

  it('publish a frozen Observatoire under secrecy; a second publication of the month is refused', async () => {
    const m = addMonths(currentMonth(), -3);
    const res = await asStaff({ method: 'POST', url: '/api/figures/observatoire', payload: { month: m, comment: 'Belle arrière-saison.' } });
    expect(res.statusCode, res.body).toBe(201);
    const edition = res.json();
    const acc = edition.data.tables.find((t: { kind: string }) => t.kind === 'accommodation');
    // 4 gîtes in 30350 at the time (a, b, big, d): the pv cell is shown, cac empty; the quartiles are published.
    expect(acc.quartiles).not.toBeNull();
    expect((await asStaff({ method: 'POST', url: '/api/figures/observatoire', payload: { month: m, comment: 'Encore' } })).statusCode).toBe(409);
    // New figures after publication do not change the edition.
    const late = await gite('Gîte Tardif');
    await late.as({ method: 'PUT', url: `/api/figures/me/${m}`, payload: { capacity: 3, nightsSold: 3 } });
    await refreshRollups(ctx.db);
    const read = (await a.as({ method: 'GET', url: `/api/figures/observatoire/${edition.id}` })).json();
    expect(read.data).toEqual(edition.data);
    expect((await a.as({ method: 'GET', url: '/api/figures/observatoire' })).json().items[0]).toMatchObject({ id: edition.id, comment: 'Belle arrière-saison.' });
  });
});

describe('figures.reminders', () => {
  it('run twice: one mail per establishment that has not given last month’s figures, honouring the preference', async () => {
    const quiet1 = await gite('Gîte Discret');
    await ctx.db.update(users).set({ emailPreferences: { newsletter: false, news: true, trainings: true, documents: true, figures: false } }).where(eq(users.id, quiet1.u.id));
    const colleague = await createUser(ctx, 'partner', { establishmentId: quiet1.e.id }); // accepts: gets the one mail
    const first = (await run('figures.reminders', {})) as { month: string; queued: number };
    expect(first.month).toBe(last);
    const second = (await run('figures.reminders', {})) as { queued: number };
    expect(second.queued).toBe(0);
    const sends = await ctx.db.select().from(figuresReminderSends).where(eq(figuresReminderSends.month, `${last}-01`));
    const ids = sends.map((s) => s.establishmentId);
    expect(ids).not.toContain(a.e.id); // gave last month's
    expect(ids).toContain(quiet1.e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mails = await ctx.db.select().from(mailMessages).where(eq(mailMessages.template, 'figures-reminder'));
    expect(mails.length).toBe(first.queued);
    const toQuiet = mails.filter((m) => m.params.establishmentId === quiet1.e.id);
    expect(toQuiet.map((m) => m.userId)).toEqual([colleague.id]);
    await run('mail.send', { messageId: toQuiet[0]!.id });
    const [mail] = await ctx.db.select().from(capturedMails).where(and(eq(capturedMails.messageId, toQuiet[0]!.id)));
    expect(mail!.subject).toMatch(/^Vos chiffres de /);
    expect(mail!.text).toContain(`/chiffres/mois/${last}`);
    expect(mail!.text).toContain('Gîte Discret');
  });

  it('a reminder whose figures were given meanwhile is skipped at send time', async () => {
    const late = await gite('Gîte Retardataire');
    await run('figures.reminders', {});
    const [m] = await ctx.db.select().from(mailMessages).where(and(eq(mailMessages.template, 'figures-reminder'), eq(mailMessages.userId, late.u.id)));
    await late.as({ method: 'PUT', url: `/api/figures/me/${last}`, payload: { capacity: 2, nightsSold: 2 } });
    await run('mail.send', { messageId: m!.id });
    const [after] = await ctx.db.select({ status: mailMessages.status }).from(mailMessages).where(eq(mailMessages.id, m!.id));
    expect(after!.status).toBe('skipped');
    expect(await ctx.db.$count(figuresMonthly, eq(figuresMonthly.establishmentId, late.e.id))).toBe(1);
  });
});
