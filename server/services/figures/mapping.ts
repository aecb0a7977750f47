import { monthOf, type FiguresRow, type RollupRow } from '../../../db/queries/figures';
import { daysInMonth, FOREIGN_COUNTRIES } from '../../../common/figures';
import type { AggregateRow, FiguresMonth } from '../../schemas/figures';
import { passesPrimary, type Cell } from './secrecy';

const iso = (d: Date | string) => new Date(d).toISOString();
const round1 = (x: number) => Math.round(x * 10) / 10;

export function toFiguresMonth(row: FiguresRow): FiguresMonth {
  const month = monthOf(row.month);
  const occupancy = row.capacity && row.nightsSold != null ? round1((100 * row.nightsSold) / (row.capacity * daysInMonth(month))) : null;
  return {
    month, capacity: row.capacity, nightsSold: row.nightsSold, occupancyRate: occupancy, arrivals: row.arrivals, foreignShare: row.foreignShare,
    countries: row.countries, visitors: row.visitors, averagePriceCents: row.averagePriceCents, updatedAt: iso(row.updatedAt),
  };
}

/** The base measure of a rollup row, as a secrecy cell: nights sold for accommodation, visitors for the others. */
export function measureCell(row: RollupRow): Cell {
  return row.kind === 'accommodation'
    ? { n: row.contributors, sum: row.nightsSold, max: row.nightsSoldMax }
    : { n: row.contributors, sum: row.visitors, max: row.visitorsMax };
}

/** A rollup row for staff, with whether partners would see it (the measure and the capacity both pass the primary rule) and its communauté's name. */
export function toAggregateRow(row: RollupRow, communauteName: string | null): AggregateRow {
  const shownToPartners = passesPrimary(measureCell(row))
    && (row.kind !== 'accommodation' || passesPrimary({ n: row.contributors, sum: row.capacityDays, max: row.capacityDaysMax }));
  return {
    month: monthOf(row.month), category: row.category, communauteId: row.communauteId, communauteName, contributors: row.contributors,
    nightsSold: row.nightsSold, occupancyRate: row.capacityDays > 0 ? round1((100 * row.nightsSold) / row.capacityDays) : null,
    arrivals: row.arrivals, foreignShare: row.arrivals > 0 ? round1((100 * row.foreignArrivals) / row.arrivals) : null,
    countryShares: Object.fromEntries(FOREIGN_COUNTRIES.map((c) => [c, row.arrivals > 0 ? round1((100 * (row.countryArrivals[c] ?? 0)) / row.arrivals) : 0])),
    visitors: row.visitors, q1: roundOrNull(row.q1), median: roundOrNull(row.median), q3: roundOrNull(row.q3), shownToPartners,
  };
}

export const roundOrNull = (x: number | null) => (x === null ? null : round1(x));
