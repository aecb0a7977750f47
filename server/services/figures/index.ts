import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import * as q from '../../../db/queries/figures';
import {
  ALL, addMonths, capacityUnitOf, currentMonth, FIGURES_LIMITS, figuresProblems, KIND_MEASURE, type ComparisonScope, type FiguresKind,
} from '../../../common/figures';
import type { StatisticsCache } from '../../lib/statistics-cache';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import type {
  Aggregates, Comparison, Edition, EditionData, EditionSummary, FiguresBody, FiguresMonth, MyFigures, Submissions,
} from '../../schemas/figures';
import { measureCell, roundOrNull, toAggregateRow, toFiguresMonth } from './mapping';
import { orRefuse, refusal } from './refusals';
import { passesPrimary } from './secrecy';
import { partnerTables } from './tables';

/**
 * Use cases of the partners' monthly figures. Partners read and write their
 * own establishment's months only (the principal's establishment, never an
 * id from the request); every aggregate comes from the rollup table
 * (db/queries/figures/rollup.ts), which the worker keeps at most a minute old.
 *
 * What partners see of others obeys statistical secrecy (./secrecy.ts): their
 * peers' quartiles only when the group passes the primary rule, and the
 * Observatoire's tables under primary and secondary suppression. Staff and
 * administrators see the aggregates unsuppressed — they run the observatory
 * and answer to the same professional secrecy as the office — with each row
 * marked `shownToPartners` so they know what they may quote to partners.
 */

const iso = (d: Date | string) => new Date(d).toISOString();

/** A period of months: defaults to the `span` months ending this month; at most 5 years back, start before end. */
function range(p: { from?: string; to?: string }, span: number): { from: string; to: string } {
  const now = currentMonth();
  const to = p.to ?? now;
  const from = p.from ?? addMonths(to, -(span - 1));
  if (from > to || from < addMonths(now, -FIGURES_LIMITS.monthsBack) || to > addMonths(now, 1)) throw refusal('badRange');
  return { from, to };
}

async function partnerEstablishment(app: FastifyInstance, principal: Principal) {
  if (!principal.establishmentId) throw refusal('noEstablishment');
  const est = await q.figuresEstablishment(app.db, principal.establishmentId);
  if (!est) throw refusal('noEstablishment');
  if (!est.kind) throw refusal('noFigures');
  return { ...est, kind: est.kind };
}

export async function myFigures(app: FastifyInstance, principal: Principal, query: { from?: string; to?: string }): Promise<MyFigures> {
  const est = await partnerEstablishment(app, principal);
  const { from, to } = range(query, 24);
  const rows = await q.listEstablishmentFigures(app.db, est.id, from, to);
  return {
    establishment: { id: est.id, name: est.name, category: est.category, kind: est.kind, capacityUnit: capacityUnitOf(est.subcategory) },
    from, to, months: rows.map(toFiguresMonth),
  };
}

export async function saveMonth(app: FastifyInstance, principal: Principal, month: string, body: FiguresBody): Promise<{ created: boolean; month: FiguresMonth }> {
  const est = await partnerEstablishment(app, principal);
  const problems = figuresProblems(est.kind, month, body);
  const [only] = problems;
  if (problems.length === 1 && (only!.problem === 'monthInFuture' || only!.problem === 'monthTooOld')) throw refusal(only!.problem);
  if (problems.length) throw new Problem(400, 'figures.invalid', problems.map((p) => ({ field: p.field, key: `figures.${p.problem}` as const })));
  const out = await q.saveEstablishmentMonth(app.db, est.id, month, est.kind, body, principal.userId);
  // The rollup follows within seconds (the job is debounced by its fixed id); the schedule is the safety net.
  await app.enqueue('figures.rollup', {});
  return { created: out.created, month: toFiguresMonth(out.row) };
}

/** The partner's measure month by month next to their peers' quartiles, or « secret statistique » for a group under the rule. */
export async function comparison(app: FastifyInstance, principal: Principal, query: { scope?: ComparisonScope; from?: string; to?: string }): Promise<Comparison> {
  const est = await partnerEstablishment(app, principal);
  const scope = query.scope ?? 'category';
  const { from, to } = range(query, 12);
  const [mine, peers] = await Promise.all([
    q.listEstablishmentFigures(app.db, est.id, from, to),
    q.rollupRows(app.db, {
      kind: est.kind, from, to,
      category: scope === 'territory' ? ALL : est.category,
      communauteId: scope === 'communaute' ? est.communauteId : ALL,
    }),
  ]);
  const mineBy = new Map(mine.map((r) => [q.monthOf(r.month), toFiguresMonth(r)]));
  const peersBy = new Map(peers.map((r) => [q.monthOf(r.month), r]));
  const measure = KIND_MEASURE[est.kind];
  const points: Comparison['points'] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    const own = mineBy.get(m);
    const group = peersBy.get(m);
    const shown = group !== undefined && passesPrimary(measureCell(group)) && group.contributors > 0;
    points.push({
      month: m,
      mine: own ? (measure === 'occupancy' ? own.occupancyRate : own.visitors) : null,
      secret: group !== undefined && !shown,
      contributors: shown ? group.contributors : null,
      q1: shown ? roundOrNull(group.q1) : null,
      median: shown ? roundOrNull(group.median) : null,
      q3: shown ? roundOrNull(group.q3) : null,
    });
  }
  return { scope, measure, points };
}

/**
 * A page of aggregates read from the rollup, with the communautés' names,
 * kept in the statistics feed cache (server/lib/statistics-cache.ts): the
 * worker's rollup run empties it through the change feed, so staff see the
 * rollup as it is, and a page asked again in between costs no query.
 */
export async function aggregates(app: FastifyInstance, cache: StatisticsCache<Aggregates>, query: { kind?: FiguresKind; from?: string; to?: string }): Promise<Aggregates> {
  const kind = query.kind ?? 'accommodation';
  const { from, to } = range(query, 12);
  return cache.get(`${kind}|${from}|${to}`, () => aggregatesFromRollup(app.db, { kind, from, to }));
}

/** The aggregates of one kind over some months as the statistics cache keeps them: rollup rows and communautés' names. */
export async function aggregatesFromRollup(db: Database, p: { kind: FiguresKind; from: string; to: string }): Promise<Aggregates> {
  const [rows, communautes] = await Promise.all([q.rollupRows(db, p), q.tableCommunautes(db)]);
  const names = new Map(communautes.map((c) => [c.id, c.name]));
  return { ...p, rows: rows.map((r) => toAggregateRow(r, names.get(r.communauteId) ?? null)) };
}

export async function submissions(app: FastifyInstance, query: { month?: string; status?: 'all' | 'submitted' | 'missing'; category?: string; communauteId?: string }): Promise<Submissions> {
  const month = query.month ?? addMonths(currentMonth(), -1);
  const [all, items] = await Promise.all([
    q.listSubmissions(app.db, { month, status: 'all', category: query.category, communauteId: query.communauteId }),
    q.listSubmissions(app.db, { month, status: query.status ?? 'all', category: query.category, communauteId: query.communauteId }),
  ]);
  return {
    month, total: all.length, submitted: all.filter((r) => r.submittedAt).length,
    items: items.map((r) => ({ ...r, submittedAt: r.submittedAt ? iso(r.submittedAt) : null, remindedAt: r.remindedAt ? iso(r.remindedAt) : null })),
  };
}

/** What the Observatoire of `month` would publish now (the partner-safe tables from the rollup). */
export async function editionData(app: FastifyInstance, month: string): Promise<EditionData> {
  const [rows, communautes] = await Promise.all([
    Promise.all((['accommodation', 'visitors'] as const).map((kind) => q.rollupRows(app.db, { kind, from: month, to: month }))),
    q.tableCommunautes(app.db),
  ]);
  return partnerTables(month, rows.flat(), communautes);
}

const toSummary = (r: Awaited<ReturnType<typeof q.listEditions>>[number]): EditionSummary => ({
  id: r.id, month: q.monthOf(r.month), comment: r.comment, publishedAt: iso(r.publishedAt), publishedBy: r.publishedBy,
});

export async function publish(app: FastifyInstance, principal: Principal, body: { month: string; comment: string }): Promise<Edition> {
  const data = await editionData(app, body.month);
  const out = orRefuse(await q.publishEdition(app.db, { month: body.month, comment: body.comment, data, userId: principal.userId }));
  return getEdition(app, out.id);
}

export async function listEditions(app: FastifyInstance): Promise<{ items: EditionSummary[] }> {
  return { items: (await q.listEditions(app.db)).map(toSummary) };
}

export async function getEdition(app: FastifyInstance, id: string): Promise<Edition> {
  const row = await q.getEdition(app.db, id);
  if (!row) throw refusal('editionNotFound');
  return { ...toSummary(row), data: row.data as EditionData };
}
