import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import * as q from '../../../db/queries/visits';
import { VISIT_LIMITS } from '../../../common/limits';
import { isOrigin } from '../../../common/visits';
import type { StatisticsCache } from '../../lib/statistics-cache';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import type { ContactBody, CorrectionBody } from '../../schemas/visits';
import { toContact, toTheme } from './mapping';
import { LINE_KEYS, orRefuse, refusal } from './refusals';

export { importCsv } from './import';

/** Office visitor counts: the counter, bulk totals, themes, the dashboard. */

const officeOf = (principal: Principal, officeId: string | undefined): string => {
  const id = officeId ?? principal.officeId;
  if (!id) throw refusal('officeRequired');
  return id;
};

export async function setup(app: FastifyInstance, principal: Principal, officeId: string | undefined) {
  const office = officeId ?? principal.officeId ?? null;
  const [offices, themes, frequentOrigins] = await Promise.all([
    q.officeChoices(app.db), q.listThemes(app.db, true), office ? q.frequentOrigins(app.db, office) : Promise.resolve([]),
  ]);
  return { offices, officeId: office, themes: themes.map(toTheme), frequentOrigins };
}

/** A contact dated by a browser that was offline: within VISIT_LIMITS.backdateDays, and not in the future beyond clock drift. */
function occurredAt(value: string | undefined): Date {
  const now = Date.now();
  const at = value ? new Date(value) : new Date(now);
  if (at.getTime() > now + VISIT_LIMITS.futureMinutes * 60_000 || at.getTime() < now - VISIT_LIMITS.backdateDays * 86_400_000) throw refusal('occurredAtOutOfRange');
  return at;
}

export async function record(app: FastifyInstance, principal: Principal, body: ContactBody) {
  if (!isOrigin(body.origin)) throw refusal('unknownOrigin');
  const out = orRefuse(await q.recordContact(app.db, { ...body, officeId: officeOf(principal, body.officeId), occurredAt: occurredAt(body.occurredAt) }, principal.userId));
  return { contact: toContact(out.row), created: out.created };
}

export async function recent(app: FastifyInstance, principal: Principal) {
  return { items: (await q.recentContacts(app.db, principal.userId)).map(toContact) };
}

export async function correct(app: FastifyInstance, principal: Principal, id: string, body: CorrectionBody) {
  if (body.origin !== undefined && !isOrigin(body.origin)) throw refusal('unknownOrigin');
  return toContact(orRefuse(await q.correctContact(app.db, id, principal.userId, body)).row);
}

export async function remove(app: FastifyInstance, principal: Principal, id: string) {
  orRefuse(await q.removeContact(app.db, id, principal.userId));
}

export async function getTotals(app: FastifyInstance, officeId: string, month: string) {
  const rows = await q.monthTotals(app.db, officeId, month);
  return { officeId, month, lines: rows.map((r) => ({ dimension: r.dimension as q.TotalLine['dimension'], value: r.value, contacts: r.contacts, visitors: r.visitors })) };
}

export async function putTotals(app: FastifyInstance, principal: Principal, body: { officeId: string; month: string; lines: q.TotalLine[] }) {
  const out = await q.replaceMonthTotals(app.db, { ...body, userId: principal.userId });
  if (!out.ok && out.reason === 'badLines') throw new Problem(400, 'visits.badTotals', out.lines.map((l) => ({ field: `lines.${l.index}`, key: LINE_KEYS[l.problem] })));
  orRefuse(out as Exclude<q.BulkOutcome, { reason: 'badLines' }>);
  return getTotals(app, body.officeId, body.month);
}

export async function themes(app: FastifyInstance) {
  return { items: (await q.listThemes(app.db, false)).map(toTheme) };
}

export async function createTheme(app: FastifyInstance, body: { labelFr: string; labelEn: string }) {
  return toTheme(await q.createTheme(app.db, body));
}

export async function updateTheme(app: FastifyInstance, id: number, body: Parameters<typeof q.updateTheme>[2]) {
  return toTheme(orRefuse(await q.updateTheme(app.db, id, body)).row);
}

/** The dashboard as every staff member sees it, all read from the rollup and reference tables (what the statistics cache keeps). */
export async function dashboardShared(db: Database, query: { year: number; officeId: string | null }) {
  const [figures, offices, themeRows] = await Promise.all([q.dashboardFigures(db, query), q.officeChoices(db), q.listThemes(db, false)]);
  return { year: query.year, officeId: query.officeId, offices, themes: themeRows.map(toTheme), ...figures };
}

export type DashboardShared = Awaited<ReturnType<typeof dashboardShared>>;

/**
 * The staff dashboard: the figures from the statistics feed cache (emptied
 * by each rollup run through the change feed), and, read fresh, how many
 * office-months still wait for their rollup (the page says its figures may lag).
 */
export async function dashboard(app: FastifyInstance, cache: StatisticsCache<DashboardShared>, query: { year: number; officeId?: string }) {
  const officeId = query.officeId ?? null;
  const [shared, pending] = await Promise.all([
    cache.get(`${query.year}|${officeId ?? ''}`, () => dashboardShared(app.db, { year: query.year, officeId })), q.pendingRollups(app.db),
  ]);
  return { ...shared, pending };
}
