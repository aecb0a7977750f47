import { sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { VISIT_LIMITS } from '../../../common/limits';
import { rowsOf } from './shared';

/**
 * Recomputes the rollup of the office-months marked as changed (the triggers
 * of migration 0016), at most `limit` of them, oldest mark first: their rows
 * are replaced by a GROUP BY over that office-month's contacts plus its bulk
 * totals. A mark is removed only if it was not renewed meanwhile (a contact
 * committed during the run keeps its office-month marked for the next run),
 * and runs take a transaction lock, so two at once are one after the other.
 * A second run with nothing new marked does nothing.
 */
export async function rollUpVisits(db: Database, limit: number = VISIT_LIMITS.rollupBatch): Promise<{ officeMonths: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('visits rollup'))`);
    // The office-months of the oldest marks, with every mark (shard) each one has now.
    const marks = await rowsOf<{ office_id: string; month: string; shard: number; marked_at: string }>(tx, sql`
      select d.office_id, d.month::text as month, d.shard, d.marked_at::text as marked_at
      from visit_rollup_dirty d
      join (select office_id, month from visit_rollup_dirty group by 1, 2 order by min(marked_at) limit ${limit}) o using (office_id, month)`);
    if (!marks.length) return { officeMonths: 0 };
    const officeMonths = [...new Map(marks.map((m) => [`${m.office_id} ${m.month}`, { office_id: m.office_id, month: m.month }])).values()];
    const k = sql`jsonb_to_recordset(${JSON.stringify(officeMonths)}::jsonb) as k(office_id text, month date)`;
    const read = sql`jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) as k(office_id text, month date, shard smallint, marked_at timestamptz)`;
    await tx.execute(sql`delete from visit_rollup r using ${k} where r.office_id = k.office_id and r.month = k.month`);
    await tx.execute(sql`
      insert into visit_rollup (office_id, month, dimension, value, contacts, visitors)
      with c as (
        select c.office_id, c.month, c.mode::text as mode, c.origin, c.language, c.theme_ids, c.party_size
        from visit_contacts c join ${k} on c.office_id = k.office_id and c.month = k.month
      ), facts as (
        select office_id, month, 'total' as dimension, '' as value, count(*) as contacts, sum(party_size) as visitors from c group by 1, 2
        union all select office_id, month, 'mode', mode, count(*), sum(party_size) from c group by 1, 2, 4
        union all select office_id, month, 'origin', origin, count(*), sum(party_size) from c group by 1, 2, 4
        union all select office_id, month, 'language', language, count(*), sum(party_size) from c group by 1, 2, 4
        union all select office_id, month, 'theme', t::text, count(*), sum(party_size) from c cross join unnest(c.theme_ids) as t group by 1, 2, 4
        union all select t.office_id, t.month, t.dimension, t.value, t.contacts, t.visitors
          from visit_totals t join ${k} on t.office_id = k.office_id and t.month = k.month
      )
      select office_id, month, dimension, value, sum(contacts)::int, sum(visitors)::int from facts group by 1, 2, 3, 4`);
    await tx.execute(sql`
      delete from visit_rollup_dirty d using ${read}
      where d.office_id = k.office_id and d.month = k.month and d.shard = k.shard and d.marked_at <= k.marked_at`);
    return { officeMonths: officeMonths.length };
  });
}

/** Office-months waiting for their rollup (the dashboard says its figures may lag). */
export async function pendingRollups(db: Database): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(distinct (office_id, month))::int as n from visit_rollup_dirty`);
  return row?.n ?? 0;
}
