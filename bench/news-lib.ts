import type { Sql } from 'postgres';
import { AUTOCANNON_DONE, runAutocannon, stoppableWorker, type LoadResult } from './trainings-lib';

/**
 * Data of bench/news.ts, generated inside PostgreSQL (INSERT … SELECT over
 * generate_series: hundreds of thousands of rows in seconds): 20,000 posts
 * with varied audiences, categories and French text with accents,
 * 200,000 comments, and the read marks of the partners.
 */

const WORDS = ['été', 'randonnée', 'gîtes', 'camping', 'châtaigne', 'Cévennes', 'Aigoual', 'fête', 'marché', 'réunion', 'taxe de séjour', 'Carte PASS',
  'écotourisme', 'hébergement', 'saison', 'accueil', 'vélo', 'rivière', 'oignon doux', 'fromage', 'patrimoine', 'musée', 'grotte', 'salon', 'label',
  'qualité', 'numérique', 'réservation', 'clientèle étrangère', 'événement', 'bénévoles', 'formation', 'réglementation', 'observatoire', 'météo'];
const SENTENCES = [
  'Les partenaires du réseau sont invités à découvrir les nouveautés de la saison.',
  'L’office de tourisme Cévennes & Navacelles accompagne les hébergeurs dans leurs démarches.',
  'Pensez à déclarer la taxe de séjour avant la fin du trimestre, la plateforme est ouverte.',
  'Une réunion d’information aura lieu au bureau d’information touristique du Vigan.',
  'La fréquentation estivale a progressé, notamment la clientèle néerlandaise et belge.',
  'Les randonnées autour du mont Aigoual attirent des marcheurs de toute l’Europe.',
  'Le marché des producteurs met à l’honneur l’oignon doux, la châtaigne et le pélardon.',
  'Inscrivez-vous à l’atelier numérique : fiches Google, avis clients et réservation en ligne.',
];

const pgArray = (xs: readonly string[]) => `'{${xs.map((x) => `"${x.replace(/'/g, "''")}"`).join(',')}}'::text[]`;

/**
 * Partners' establishments get varied categories and places: every 4th a
 * campsite (hebergement/camping), others hotels, restaurants, outdoor
 * activities or producers, spread over the communes.
 */
export async function varyEstablishments(sql: Sql, ids: string[]): Promise<void> {
  await sql.unsafe(`
    with e as (select id, row_number() over (order by id) as n from establishments where id = any($1::uuid[])),
    c as (select insee_code, row_number() over (order by insee_code) as n, count(*) over () as total from communes)
    update establishments t set
      category = (array['hebergement','hebergement','restauration','activites_pleine_nature','producteurs'])[1 + e.n % 5],
      subcategory = (array['camping','hotel','restaurant','randonnee','miel'])[1 + e.n % 5],
      commune_insee = (select insee_code from c where c.n = 1 + (e.n * 7) % c.total)
    from e where e.id = t.id`, [ids]);
}

/** `count` posts over the last three years by `authorId`, of every audience kind; a few pinned, some expired, some events, some scheduled. */
export async function seedPosts(sql: Sql, count: number, authorId: string): Promise<void> {
  await sql.unsafe(`
    with cat as (select array_agg(id order by position, id) as ids from news_categories),
    com as (select array_agg(insee_code order by insee_code) as ids from communes),
    cc as (select array_agg(id order by id) as ids from communautes),
    w as (select ${pgArray(WORDS)} as words, ${pgArray(SENTENCES)} as sentences)
    insert into news_posts (title, summary, body_html, category_id, audience_kind, audience_categories, audience_subcategories, audience_communes,
      audience_communautes, status, publish_at, expires_at, important, event_start, event_end, place_kind, commune_insee, author_id)
    select
      initcap(w.words[1 + g % 35]) || ' et ' || w.words[1 + (g * 7) % 35] || ' : ' || w.words[1 + (g * 13) % 35] || ' n° ' || g,
      w.sentences[1 + g % 8] || ' ' || w.words[1 + (g * 3) % 35] || '.',
      '<p>' || w.sentences[1 + (g * 3) % 8] || ' ' || w.sentences[1 + (g * 5) % 8] || '</p><p>' || w.words[1 + (g * 11) % 35] || ', '
        || w.words[1 + (g * 17) % 35] || ' : ' || w.sentences[1 + (g * 7) % 8] || '</p><ul><li>' || w.sentences[1 + g % 8] || '</li></ul>',
      cat.ids[1 + g % cardinality(cat.ids)],
      (case when g % 20 < 8 then 'everyone' when g % 20 = 19 then 'staff' else 'partners' end)::audience_kind,
      case when g % 20 between 8 and 11 then array[(array['hebergement','restauration','activites_pleine_nature','producteurs'])[1 + g % 4]] else '{}' end,
      case when g % 20 between 12 and 15 then array[(array['camping','hotel','restaurant','randonnee','miel','gite'])[1 + g % 6]] else '{}' end,
      case when g % 20 in (16, 17) then array[com.ids[1 + g % cardinality(com.ids)], com.ids[1 + (g * 3) % cardinality(com.ids)]] else '{}' end,
      case when g % 20 = 18 then array[cc.ids[1 + g % cardinality(cc.ids)]] else '{}' end,
      (case when g % 50 = 0 then 'draft' else 'published' end)::news_post_status,
      case when g % 400 = 1 then now() + make_interval(days => 1 + g % 30) else now() - make_interval(mins => g * 79) end,
      case when g % 10 = 3 then now() - make_interval(mins => g * 79) + interval '60 days' end,
      g % 100 = 7,
      case when g % 8 = 0 then now() + make_interval(days => (g % 365) - 180) end,
      case when g % 8 = 0 then now() + make_interval(days => (g % 365) - 180, hours => 3) end,
      (case when g % 8 = 0 then 'commune' end)::news_place_kind,
      case when g % 8 = 0 then com.ids[1 + (g * 5) % cardinality(com.ids)] end,
      $1::uuid
    from generate_series(1, ${count}) g, cat, com, cc, w`, [authorId]);
  // Three pinned posts for everyone (the most the office may pin at once).
  await sql`update news_posts set pinned_until = now() + interval '10 days'
    where id in (select id from news_posts where status = 'published' and audience_kind = 'everyone' and expires_at is null and publish_at <= now() order by publish_at desc offset 40 limit 3)`;
}

/** `count` comments spread over the published posts by the given partners; 1 in 20 hidden, 1 in 40 deleted. */
export async function seedComments(sql: Sql, count: number, authorIds: string[]): Promise<void> {
  await sql.unsafe(`
    with p as (select array_agg(id order by id) as ids from news_posts where status = 'published'),
    a as (select $1::uuid[] as ids),
    w as (select ${pgArray(SENTENCES)} as sentences)
    insert into news_comments (post_id, author_id, body, created_at, status, hidden_reason, deleted_at)
    select p.ids[1 + (g * 7919) % cardinality(p.ids)], a.ids[1 + g % cardinality(a.ids)],
      'Merci ! ' || w.sentences[1 + g % 8] || ' Voir https://www.cevennes-navacelles.com/', now() - make_interval(mins => g),
      (case when g % 20 = 0 then 'hidden' else 'visible' end)::news_comment_status,
      case when g % 20 = 0 then 'Hors sujet' end,
      case when g % 40 = 1 then now() end
    from generate_series(1, ${count}) g, p, a, w`, [authorIds]);
}

/** Each partner has read `perPartner` distinct published posts (a different spread for each). */
export async function seedReads(sql: Sql, userIds: string[], perPartner: number): Promise<void> {
  await sql.unsafe(`
    with p as (select id, row_number() over (order by id) - 1 as n from news_posts where status = 'published'),
    t as (select count(*)::int as total from news_posts where status = 'published'),
    u as (select unnest($1::uuid[]) as id, generate_subscripts($1::uuid[], 1) as k)
    insert into news_reads (user_id, post_id, read_at)
    select u.id, p.id, now() - make_interval(mins => j)
    from u cross join t cross join generate_series(1, ${perPartner}) j
    join p on p.n = (u.k * 7919 + j * 4729) % t.total
    on conflict do nothing`, [userIds]);
}

/**
 * HTTP load from autocannon in a child process, each connection with headers
 * of its own (`headers[i % headers.length]` for the i-th connection): the
 * feed is read by many partners of several audience profiles at once, not
 * one partner whose page would always be cached.
 */
export function loadRotating(opts: { url: string; headers: Record<string, string>[]; connections?: number; durationSeconds?: number }): Promise<LoadResult> {
  const code = `
    const autocannon = require('autocannon');
    const o = JSON.parse(process.argv[1]);
    let next = 0;
    autocannon({ url: o.url, connections: o.connections, duration: o.duration, pipelining: 1,
      setupClient: (client) => client.setHeaders(o.headers[next++ % o.headers.length]) }, ${AUTOCANNON_DONE});
  `;
  return runAutocannon(code, { url: opts.url, headers: opts.headers, connections: opts.connections ?? 50, duration: opts.durationSeconds ?? 10 });
}

/**
 * Partners opening posts (GET /api/news/posts/:id marks it read) at about
 * `perSecond` a second in all, from a worker thread: the i-th opening is by
 * `cookies[i % n]` of `postIds[floor(i / n) % m]`.
 */
export function startReadMarks(url: string, cookies: string[], postIds: string[], perSecond: number) {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { url, cookies, postIds, perSecond } = workerData;
    let stopping = false, marks = 0, errors = 0;
    parentPort.on('message', () => (stopping = true));
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const t0 = performance.now();
    (async () => {
      for (let i = 0; !stopping; i++) {
        const res = await fetch(url + '/api/news/posts/' + postIds[Math.floor(i / cookies.length) % postIds.length], { headers: { cookie: cookies[i % cookies.length] } });
        await res.text();
        if (res.status === 200) marks++; else errors++;
        await sleep(Math.max(0, ((i + 1) * 1000) / perSecond - (performance.now() - t0)));
      }
      parentPort.postMessage({ marks, errors, perSecond: marks / ((performance.now() - t0) / 1000) });
    })().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
  `;
  return stoppableWorker<{ marks: number; errors: number; perSecond: number }>(code, { url, cookies, postIds, perSecond });
}
