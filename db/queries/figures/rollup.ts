import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communautes, figuresRollupDirty, figuresRollups } from '../../schema';
import { ALL, FIGURES_CATEGORY_KIND, FOREIGN_COUNTRIES, type FiguresKind } from '../../../common/figures';
import { monthDate } from './monthly';

/** Months rebuilt per transaction: a month is ~40 rollup rows from ≤ a few thousand figures rows. */
const MONTHS_PER_BATCH = 24;

const kindCase = sql.raw(
  `case es.category ${Object.entries(FIGURES_CATEGORY_KIND).map(([c, k]) => `when '${c}' then '${k}'`).join(' ')} end`,
);
const figureCategories = sql.raw(Object.keys(FIGURES_CATEGORY_KIND).map((c) => `'${c}'`).join(', '));
const countryArrivals = sql.raw(
  `jsonb_build_object(${FOREIGN_COUNTRIES.map((c) => `'${c}', coalesce(sum(arrivals * coalesce((countries->>'${c}')::float8, 0) / 100), 0)`).join(', ')})`,
);

/**
 * The rollup's rows of some months, computed from the raw rows: one row per
 * month, kind, category and communauté, and the « all » (`*`) rows of each
 * (GROUPING SETS). The compared measure is the occupancy rate in % for
 * accommodation (nights sold / capacity × days), visitors for the others.
 */
export const rollupSelect = (months: readonly string[]) => sql`
  with e as (
    select f.month, ${kindCase} as kind, es.category, c.communaute_id,
      (f.capacity::bigint * extract(day from (f.month + interval '1 month' - interval '1 day'))::bigint) as capacity_days,
      f.nights_sold, f.arrivals, f.foreign_share, f.countries, f.visitors
    from figures_monthly f
    join establishments es on es.id = f.establishment_id
    join communes c on c.insee_code = es.commune_insee
    where f.month = any(${`{${months.join(',')}}`}::date[]) and es.category in (${figureCategories})
  ), m as (
    select *, case when kind = 'accommodation'
      then case when capacity_days > 0 and nights_sold is not null then 100.0 * nights_sold / capacity_days end
      else visitors::float8 end as measure
    from e
  )
  select month, kind, coalesce(category, ${ALL}) as category, coalesce(communaute_id, ${ALL}) as communaute_id,
    count(*)::int as contributors,
    coalesce(sum(capacity_days), 0)::bigint as capacity_days, coalesce(max(capacity_days), 0)::bigint as capacity_days_max,
    coalesce(sum(nights_sold), 0)::bigint as nights_sold, coalesce(max(nights_sold), 0)::bigint as nights_sold_max,
    coalesce(sum(arrivals), 0)::bigint as arrivals, coalesce(max(arrivals), 0)::bigint as arrivals_max,
    coalesce(sum(arrivals * coalesce(foreign_share, 0) / 100), 0)::float8 as foreign_arrivals,
    ${countryArrivals} as country_arrivals,
    coalesce(sum(visitors), 0)::bigint as visitors, coalesce(max(visitors), 0)::bigint as visitors_max,
    percentile_cont(0.25) within group (order by measure) as q1,
    percentile_cont(0.5) within group (order by measure) as median,
    percentile_cont(0.75) within group (order by measure) as q3
  from m
  group by grouping sets ((month, kind, category, communaute_id), (month, kind, category), (month, kind, communaute_id), (month, kind))`;

/**
 * Rebuilds the rollup of the months marked stale, a batch at a time, each
 * batch in one transaction: the marks are taken with SKIP LOCKED (two runs
 * at once share the work), the months' rows replaced. A change committed
 * meanwhile marks its month again, so the next run picks it up. Returns the
 * months rebuilt.
 */
export async function refreshRollups(db: Database): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const months = await db.transaction(async (tx) => {
      const taken = await tx
        .delete(figuresRollupDirty)
        .where(inArray(figuresRollupDirty.month, sql`(select month from figures_rollup_dirty order by month limit ${MONTHS_PER_BATCH} for update skip locked)`))
        .returning({ month: figuresRollupDirty.month });
      const list = taken.map((t) => t.month);
      if (!list.length) return list;
      await tx.delete(figuresRollups).where(inArray(figuresRollups.month, list));
      await tx.execute(sql`
        insert into figures_rollups (month, kind, category, communaute_id, contributors, capacity_days, capacity_days_max, nights_sold, nights_sold_max,
          arrivals, arrivals_max, foreign_arrivals, country_arrivals, visitors, visitors_max, q1, median, q3)
        ${rollupSelect(list)}`);
      return list;
    });
    if (!months.length) return done;
    done.push(...months);
  }
}

export type RollupRow = typeof figuresRollups.$inferSelect;

/** The rollup rows of one kind between two months, optionally one category and/or one communauté (`*` for the « all » rows). */
export async function rollupRows(
  db: Database, p: { kind: FiguresKind; from: string; to: string; category?: string; communauteId?: string },
): Promise<RollupRow[]> {
  return db
    .select()
    .from(figuresRollups)
    .where(and(
      eq(figuresRollups.kind, p.kind), gte(figuresRollups.month, monthDate(p.from)), lte(figuresRollups.month, monthDate(p.to)),
      p.category !== undefined ? eq(figuresRollups.category, p.category) : undefined,
      p.communauteId !== undefined ? eq(figuresRollups.communauteId, p.communauteId) : undefined,
    ))
    .orderBy(asc(figuresRollups.month), asc(figuresRollups.category), asc(figuresRollups.communauteId));
}

/** The communautés as the tables' columns (short names). */
export async function tableCommunautes(db: Database) {
  return db.select({ id: communautes.id, name: communautes.shortName }).from(communautes).orderBy(asc(communautes.shortName));
}
