import { sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { rowsOf } from './shared';

export interface MonthFigure { officeId: string; month: string; contacts: number; visitors: number }
export interface BreakdownFigure { dimension: string; value: string; contacts: number; visitors: number; previousContacts: number; previousVisitors: number }

/**
 * The staff dashboard's figures for a year and the year before, read from the
 * rollup only (never the raw contacts): contacts and visitors per office and
 * month, and per origin, mode, theme and language over the year.
 * bench/stats.ts measures it against the same figures grouped from the raw rows.
 */
export async function dashboardFigures(db: Database, p: { year: number; officeId: string | null }): Promise<{ months: MonthFigure[]; breakdown: BreakdownFigure[] }> {
  const from = `${p.year - 1}-01-01`;
  const start = `${p.year}-01-01`;
  const to = `${p.year + 1}-01-01`;
  const office = p.officeId ? sql`and office_id = ${p.officeId}` : sql``;
  const [months, breakdown] = await Promise.all([
    rowsOf<MonthFigure>(db, sql`
      select office_id as "officeId", to_char(month, 'YYYY-MM') as month, contacts, visitors
      from visit_rollup where dimension = 'total' and month >= ${from}::date and month < ${to}::date ${office}
      order by month, office_id`),
    rowsOf<BreakdownFigure>(db, sql`
      select dimension, value,
        coalesce(sum(contacts) filter (where month >= ${start}::date), 0)::int as contacts,
        coalesce(sum(visitors) filter (where month >= ${start}::date), 0)::int as visitors,
        coalesce(sum(contacts) filter (where month < ${start}::date), 0)::int as "previousContacts",
        coalesce(sum(visitors) filter (where month < ${start}::date), 0)::int as "previousVisitors"
      from visit_rollup where dimension in ('mode', 'origin', 'theme', 'language') and month >= ${from}::date and month < ${to}::date ${office}
      group by dimension, value order by dimension, 3 desc, value`),
  ]);
  return { months, breakdown };
}
