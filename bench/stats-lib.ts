import type { Sql } from 'postgres';
import { sql as dsql } from 'drizzle-orm';
import { VISIT_MODES } from '../common/visits';
import { addMonths, currentMonth } from '../common/figures';
import { refreshRollups, rollupSelect } from '../db/queries/figures';
import { AUTOCANNON_DONE, runAutocannon, type BenchEnv, type LoadResult } from './trainings-lib';

/**
 * Data and load for bench/stats.ts. The contacts half (offices' counts) is
 * the `visits` feature's; the partners' monthly figures half (500 partners x
 * 60 months) is the `figures` feature's, shared with bench:figures.
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
 * The partners' monthly figures of issue 13 item 2: `partners` establishments
 * (60 % accommodation, 25 % outdoor activities, 15 % sites, spread over the
 * communes) with `months` months of seasonal figures each, ending last month,
 * then their rollup built by the function the worker's job runs.
 * Used by bench:stats (the staff dashboard over the full data) and bench:figures.
 */
export async function seedPartnerFigures(env: BenchEnv, partners = 500, months = 60): Promise<{ partners: number; months: number; rollupMonths: number; rollupMs: number }> {
  await env.db.execute(dsql`
    with c as (select insee_code, row_number() over (order by insee_code) as n, count(*) over () as total from communes)
    insert into establishments (name, category, subcategory, commune_insee)
    select 'Établissement ' || g,
      case when g % 20 < 12 then 'hebergement' when g % 20 < 17 then 'activites_pleine_nature' else 'sites_musees' end,
      case when g % 20 < 12 then (array['hotel','camping','gite','chambre_hotes'])[1 + g % 4] end,
      (select insee_code from c where c.n = 1 + g % c.total)
    from generate_series(1, ${partners}) g`);
  const first = addMonths(currentMonth(), -months);
  await env.db.execute(dsql`
    with e as (select id, category, row_number() over (order by id) as n from establishments),
    m as (select (${`${first}-01`}::date + make_interval(months => k))::date as month, k from generate_series(0, ${months - 1}) k)
    insert into figures_monthly (establishment_id, month, capacity, nights_sold, arrivals, foreign_share, countries, visitors)
    select e.id, m.month,
      case when e.category = 'hebergement' then 5 + e.n % 60 end,
      case when e.category = 'hebergement' then floor((5 + e.n % 60) * extract(day from (m.month + interval '1 month' - interval '1 day'))
        * (0.15 + 0.7 * (0.5 + 0.5 * sin((extract(month from m.month) - 4) * pi() / 6))) * (0.6 + (e.n % 7) / 17.0))::int end,
      case when e.category = 'hebergement' then 10 + (e.n * 7 + m.k) % 200 end,
      case when e.category = 'hebergement' then (e.n % 50)::float8 end,
      case when e.category = 'hebergement' then jsonb_build_object('GB', (e.n % 20)::float8, 'NL', (e.n % 15)::float8) else '{}'::jsonb end,
      case when e.category <> 'hebergement' then 50 + (e.n * 13 + m.k * 7) % 3000 end
    from e cross join m`);
  const started = performance.now();
  const rolled = await refreshRollups(env.db);
  const rollupMs = performance.now() - started;
  await env.db.execute(dsql`analyze`);
  return { partners, months, rollupMonths: rolled.length, rollupMs };
}

/** The staff's page of partners' aggregates (one kind, 12 months by category and communauté) computed from the raw rows: the worker's very SELECT. */
export async function aggregatesFromRawRows(env: BenchEnv, kind: string, from: string) {
  const window = Array.from({ length: 12 }, (_, i) => `${addMonths(from, i)}-01`);
  return (await env.db.execute(dsql`select * from (${rollupSelect(window)}) r where kind = ${kind} order by month, category, communaute_id`)) as unknown as { nights_sold: string | number }[];
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
export function loadCounter(opts: { url: string; cookie: string; connections: number; durationSeconds: number }): Promise<LoadResult & { sent: number }> {
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
  return runAutocannon(code, { url: opts.url, cookie: opts.cookie, connections: opts.connections, duration: opts.durationSeconds }) as Promise<LoadResult & { sent: number }>;
}

/**
 * The number of contacts once the api has finished the requests still in
 * flight when a load ended (autocannon stops waiting for them, the server
 * still stores them): the count read until it stops moving.
 */
export async function settledContactCount(sql: Sql): Promise<number> {
  const count = async () => Number((await sql`select count(*)::int as n from visit_contacts`)[0]!.n);
  let last = await count();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await count();
    if (now === last) return now;
    last = now;
  }
}
