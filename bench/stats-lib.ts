import type { Sql } from 'postgres';
import { VISIT_MODES } from '../common/visits';
import { AUTOCANNON_DONE, runAutocannon, type BenchEnv, type LoadResult } from './trainings-lib';

/**
 * Data and load for bench/stats.ts. The contacts half (offices' counts) is
 * the `visits` feature's; the partners' monthly figures half belongs to the
 * `figures` feature: `seedPartnerFigures` is its hook, called by the bench
 * after the contacts are in place (500 partners x 60 months).
 */

export const BENCH_OFFICES = ['bit-le-vigan', 'bit-ganges', 'bit-blandas-belvederes', 'bit-maison-aigoual', 'bit-valleraugue', 'bit-candidate-causses-aigoual', 'bit-candidate-saint-bauzille', 'bit-candidate-sumene'];

/**
 * `count` contacts spread over `years` years ending now and over the eight
 * offices, generated in PostgreSQL (INSERT … SELECT generate_series: a
 * million rows in seconds), with seasonal-looking origins, modes and themes.
 */
export async function seedContacts(sql: Sql, count: number, years: number): Promise<void> {
  const modes = `{${VISIT_MODES.join(',')}}`;
  const offices = `{${BENCH_OFFICES.join(',')}}`;
  const origins = '{FR-30,FR-34,FR-13,FR-69,FR-75,FR-31,FR-33,FR-59,BE,NL,DE,GB,CH,ES,IT,US}';
  await sql.unsafe(`
    insert into visit_contacts (id, office_id, occurred_at, mode, party_size, origin, language, theme_ids)
    select gen_random_uuid(),
      ('${offices}'::text[])[1 + (i % 8)],
      now() - make_interval(secs => (random() * ${years} * 365 * 86400)::int),
      (('${modes}'::text[])[1 + (floor(random() * random() * 6))::int])::visit_mode,
      1 + (random() * random() * 6)::int,
      ('${origins}'::text[])[1 + floor(random() * random() * 16)::int],
      case when random() < 0.8 then 'fr' when random() < 0.5 then 'nl' else 'en' end,
      array[1 + (i % 7)]
    from generate_series(1, ${count}) as i`);
  await sql`analyze visit_contacts`;
}

/**
 * HOOK for the `figures` feature (partners' monthly figures, issue 13 item 2):
 * seed 500 partners x 60 months of figures here, so that the dashboard and
 * the observatory figures are measured over the full data of the issue.
 * Until then it adds nothing and says so in the bench's output.
 */
export async function seedPartnerFigures(_env: BenchEnv, _sql: Sql): Promise<{ partners: number; months: number } | null> {
  return null;
}

/**
 * The staff dashboard's figures (the same rows as GET /api/visits/dashboard)
 * computed with GROUP BY over the raw contacts: the baseline the rollup is
 * measured against.
 */
export async function dashboardFromRawRows(sql: Sql, year: number) {
  const from = `${year - 1}-01-01`;
  const start = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const [months, breakdown] = await Promise.all([
    sql`select office_id as "officeId", to_char(month, 'YYYY-MM') as month, count(*)::int as contacts, sum(party_size)::int as visitors
        from visit_contacts where month >= ${from}::date and month < ${to}::date group by office_id, month order by month, office_id`,
    sql`with c as (select * from visit_contacts where month >= ${from}::date and month < ${to}::date),
        facts as (
          select 'mode' as dimension, mode::text as value, month, party_size from c
          union all select 'origin', origin, month, party_size from c
          union all select 'language', language, month, party_size from c
          union all select 'theme', t::text, month, party_size from c cross join unnest(theme_ids) t
        )
        select dimension, value,
          count(*) filter (where month >= ${start}::date)::int as contacts, coalesce(sum(party_size) filter (where month >= ${start}::date), 0)::int as visitors,
          count(*) filter (where month < ${start}::date)::int as "previousContacts", coalesce(sum(party_size) filter (where month < ${start}::date), 0)::int as "previousVisitors"
        from facts group by dimension, value order by dimension, 3 desc, value`,
  ]);
  return { months, breakdown };
}

/**
 * Counter entry under load: autocannon in a child process, each request a
 * new contact with its own browser-style id (POST /api/visits/contacts).
 */
export function loadCounter(opts: { url: string; cookie: string; connections: number; durationSeconds: number }): Promise<LoadResult> {
  const code = `
    const autocannon = require('autocannon');
    const { randomUUID } = require('node:crypto');
    const o = JSON.parse(process.argv[1]);
    const origins = ['FR-30', 'FR-34', 'BE', 'NL', 'DE'];
    let n = 0;
    autocannon({
      url: o.url, connections: o.connections, duration: o.duration, pipelining: 1,
      requests: [{ method: 'POST', path: '/api/visits/contacts', headers: { cookie: o.cookie, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ id: randomUUID(), officeId: 'bit-ganges', mode: 'comptoir', partySize: 1 + (n % 4), origin: origins[n++ % 5], language: 'fr', themeIds: [1 + (n % 7)] }) }) }],
    }, ${AUTOCANNON_DONE});
  `;
  return runAutocannon(code, { url: opts.url, cookie: opts.cookie, connections: opts.connections, duration: opts.durationSeconds });
}
