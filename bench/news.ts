/**
 * npm run bench:news — network news (issue 12) over 20,000 posts (varied
 * audiences and categories, French text with accents), 200,000 comments and
 * the read marks of 1,000 partners, next to baselines measured in the same run:
 *
 * (a) the partner's feed (GET /api/news/feed: 20 posts, audience applied,
 *     pinned first, unread marks, comment counts, the feed's total and unread
 *     count; authenticated) at 50 connections, each as one of 50 partners of
 *     five kinds in many communes (so many audience profiles, not one cached
 *     page), against a bare Fastify route reading the same 20 rows for the
 *     same partner with postgres.js (same audience rule written out, unread
 *     marks and comment counts; no auth, no totals).
 *     Targets: >= 0.7 x the baseline's throughput, p99 < 50 ms. Then both
 *     again while those partners open posts of their first page (5 read
 *     marks a second), and the pages compared again.
 * (b) search (GET /api/news/search: ranked, highlighted, audience applied,
 *     posts and published sheets) at 10 connections. Target: p99 < 100 ms.
 *     Printed next to a bare route running the ranked query over posts alone.
 *
 * BENCH_POSTS / BENCH_COMMENTS / BENCH_DURATION shrink it while developing.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import postgres from 'postgres';
import { users } from '../db/schema';
import type { NewsFeed, NewsSearchResult } from '../server/schemas/news';
import { againstBaseline, dbUrl, loaderName, roundLines, signedInPartners, startBenchApp, verdict, type LoadResult } from './trainings-lib';
import { loadRotating, seedComments, seedPosts, seedReads, startReadMarks, varyEstablishments } from './news-lib';

const POSTS = Number(process.env.BENCH_POSTS ?? 20_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 200_000);
const PARTNERS = 1_000;
const READS_PER_PARTNER = 300;
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const SEARCH = process.env.BENCH_QUERY ?? 'randonnee ete';
/** Partners reading the feed at once, one per connection. */
const READERS = 50;
const READ_MARKS_PER_SECOND = 5;

const started = Date.now();
const env = await startBenchApp('news', Number(process.env.BENCH_POOL ?? 10));
const raw = postgres(dbUrl(env.dbName), { max: Number(process.env.BENCH_POOL ?? 10), onnotice: () => {} });
const baseline = Fastify({ logger: false });
try {
  console.log(`seeding ${POSTS} posts, ${COMMENTS} comments, ${PARTNERS} partners × ${READS_PER_PARTNER} read marks…`);
  const partners = await signedInPartners(env, PARTNERS);
  await varyEstablishments(raw, partners.map((p) => p.establishmentId!));
  const [staff] = await env.db.insert(users).values({ email: 'bench-news@bench.test', name: 'Rédaction', role: 'staff', status: 'active', officeId: 'bit-le-vigan' }).returning({ id: users.id });
  await seedPosts(raw, POSTS, staff!.id);
  await seedComments(raw, COMMENTS, partners.map((p) => p.id));
  await seedReads(raw, partners.map((p) => p.id), READS_PER_PARTNER);
  await raw`vacuum analyze`;
  const [counts] = await raw`select (select count(*)::int from news_posts) as posts, (select count(*)::int from news_comments) as comments,
    (select count(*)::int from news_reads) as reads, (select count(distinct user_id)::int from news_reads) as readers`;
  console.log(`data: ${counts!.posts} posts, ${counts!.comments} comments, ${counts!.reads} read marks of ${counts!.readers} partners (seeded in ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  // The readers: 50 partners of the five kinds varyEstablishments cycles through (campsites, hotels, restaurants, outdoor
  // activities, producers), in many communes, one per connection: the pages of many audience profiles, not one cached page.
  const readers = partners.slice(0, READERS);
  const factRows = await raw`select u.id, e.category, e.subcategory, e.commune_insee as commune, c.communaute_id as communaute,
      coalesce((select array_agg(o.id order by o.id) from offices o join communes oc on oc.insee_code = o.commune_insee where oc.communaute_id = c.communaute_id and o.active), '{}') as offices
    from users u join establishments e on e.id = u.establishment_id join communes c on c.insee_code = e.commune_insee where u.id = any(${readers.map((p) => p.id)})`;
  type Facts = { id: string; category: string; subcategory: string; commune: string; communaute: string; offices: string[] };
  const factsOf = new Map((factRows as unknown as Facts[]).map((f) => [f.id, f]));
  const facts = readers.map((p) => factsOf.get(p.id)!);
  const profiles = new Set(facts.map((f) => JSON.stringify([f.category, f.subcategory, f.commune]))).size;
  // Each connection: the partner's cookie (api) and their index (the baseline's stand-in for authentication).
  const headers = readers.map((p, i) => ({ cookie: p.cookie, 'x-partner': String(i) }));

  // Baseline (a): the same 20 rows for the same partner with postgres.js — pinned first, then the newest — the audience rule written out; no auth, no totals.
  const live = (f: Facts) => raw`p.status = 'published' and p.publish_at <= now() and (p.expires_at is null or p.expires_at > now())
    and (p.audience_kind = 'everyone' or (p.audience_kind = 'partners'
      and ((cardinality(p.audience_categories) = 0 and cardinality(p.audience_subcategories) = 0) or ${f.category} = any(p.audience_categories) or ${f.subcategory} = any(p.audience_subcategories))
      and ((cardinality(p.audience_communes) = 0 and cardinality(p.audience_communautes) = 0 and cardinality(p.audience_offices) = 0)
        or ${f.commune} = any(p.audience_communes) or ${f.communaute} = any(p.audience_communautes) or p.audience_offices && ${f.offices}::text[])))`;
  const columns = (f: Facts) => raw`p.id, p.title, p.summary, p.category_id, p.publish_at, p.expires_at, p.pinned_until, p.important, p.cover_key, p.cover_alt,
    p.event_start, p.event_end, p.place_kind, coalesce(p.commune_insee, o.commune_insee) as commune_insee, c.name as commune_name,
    not exists (select 1 from news_reads r where r.user_id = ${f.id} and r.post_id = p.id) as unread,
    (select count(*)::int from news_comments k where k.post_id = p.id and k.status = 'visible' and k.deleted_at is null) as comment_count`;
  const from = raw`news_posts p left join offices o on o.id = p.office_id left join communes c on c.insee_code = coalesce(p.commune_insee, o.commune_insee)`;
  baseline.get('/feed', async (request) => {
    const f = facts[Number(request.headers['x-partner'] ?? 0)]!;
    return raw`
    (select ${columns(f)}, true as pinned from ${from} where ${live(f)} and p.pinned_until > now() order by p.publish_at desc nulls last, p.id desc nulls last)
    union all
    (select ${columns(f)}, false from ${from} where ${live(f)} and (p.pinned_until is null or p.pinned_until <= now()) order by p.publish_at desc nulls last, p.id desc nulls last limit 20)
    limit 20`;
  });
  // Baseline (b): the ranked search over the posts the first reader may read, 20 hits, no snippets, no sheets, no total.
  baseline.get('/search', async () => raw`
    select p.id, p.title, p.summary, p.category_id, p.publish_at, ts_rank_cd(p.search, q) as rank
    from news_posts p, websearch_to_tsquery('french_unaccent', ${SEARCH}) q
    where p.search @@ q and ${live(facts[0]!)}
    order by rank desc, p.publish_at desc, p.id limit 20`);
  await baseline.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}`;
  const feedUrl = `${env.url}/api/news/feed`;
  const searchUrl = `${env.url}/api/news/search?q=${encodeURIComponent(SEARCH)}`;
  const searchHeaders = { cookie: readers[0]!.cookie };

  // Same rows for every reader? (ids, unread marks, comment counts)
  async function sameRows(): Promise<{ same: boolean; first: NewsFeed }> {
    let same = true;
    let first: NewsFeed | null = null;
    for (const h of headers) {
      const ours = (await (await fetch(feedUrl, { headers: h })).json()) as NewsFeed;
      const theirs = (await (await fetch(`${baseUrl}/feed`, { headers: h })).json()) as { id: string; unread: boolean; comment_count: number }[];
      first ??= ours;
      same &&= ours.items.length === 20 && ours.items.every((it, i) => it.id === theirs[i]?.id && it.unread === theirs[i]?.unread && it.commentCount === theirs[i]?.comment_count);
    }
    return { same, first: first! };
  }
  const before = await sameRows();
  const ours = before.first;
  console.log(`feed: page 1 identical in both for the ${READERS} readers (${profiles} audience profiles; ids, unread marks, comment counts): ${before.same}; first reader: pinned ${ours.items.filter((i) => i.pinned).length}, unread ${ours.items.filter((i) => i.unread).length}/20; total ${ours.total}, unread ${ours.unreadCount}`);
  const found = (await (await fetch(searchUrl, { headers: searchHeaders })).json()) as NewsSearchResult;
  const bare = (await (await fetch(`${baseUrl}/search`)).json()) as { id: string }[];
  const searchOk = found.items.length > 0 && found.items.some((h) => h.snippet.some((s) => s.mark));
  console.log(`search "${SEARCH}": ${found.total} hits (api), first page ${found.items.length} with highlighted snippets: ${searchOk}; bare first page ${bare.length} rows`);

  const best = (rs: LoadResult[]) => [...rs].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!;
  await loadRotating({ url: `${baseUrl}/feed`, headers, durationSeconds: 2 }); // warm-up
  await loadRotating({ url: feedUrl, headers, durationSeconds: 2 });
  const feedRuns: { base: LoadResult; app: LoadResult }[] = [];
  for (let i = 0; i < 2; i++) feedRuns.push({ base: await loadRotating({ url: `${baseUrl}/feed`, headers, durationSeconds: DURATION }), app: await loadRotating({ url: feedUrl, headers, durationSeconds: DURATION }) });
  // The same while the readers open posts of their first page (read marks written: READ_MARKS_PER_SECOND).
  const firstPage = ours.items.filter((i) => !i.pinned).map((i) => i.id);
  const cookies = readers.map((p) => p.cookie);
  const writing = async (url: string) => {
    const marks = startReadMarks(env.url, cookies, firstPage, READ_MARKS_PER_SECOND);
    const result = await loadRotating({ url, headers, durationSeconds: DURATION });
    return { result, marks: await marks.stop() };
  };
  const baseWriting = await writing(`${baseUrl}/feed`);
  const appWriting = await writing(feedUrl);
  const after = await sameRows();
  console.log(`feed after the read marks: identical in both for the ${READERS} readers: ${after.same}; first reader unread ${after.first.items.filter((i) => i.unread).length}/20, unread count ${after.first.unreadCount} (was ${ours.unreadCount})`);
  const search = await againstBaseline({ url: `${baseUrl}/search`, connections: 10 }, { url: searchUrl, headers: searchHeaders, connections: 10 }, DURATION);

  const fb = best(feedRuns.map((r) => r.base));
  const fa = best(feedRuns.map((r) => r.app));
  const [sb, sa] = [search.base, search.app];
  const ratio = fa.requestsPerSecond / fb.requestsPerSecond;
  const same = before.same && after.same;
  const writeRatio = appWriting.result.requestsPerSecond / baseWriting.result.requestsPerSecond;
  const feedPass = same && ratio >= 0.7 && fa.p99 < 50 && fa.non2xx === 0 && fa.errors === 0 && appWriting.result.non2xx === 0 && appWriting.marks.errors === 0;
  const searchPass = searchOk && sa.p99 < 100 && sa.non2xx === 0 && sa.errors === 0;
  console.log(`\nbench:news — ${counts!.posts} posts, ${counts!.comments} comments, ${counts!.reads} read marks; feed load from autocannon (a partner per connection), search load from ${loaderName()}; ${DURATION} s x 2 rounds (best round shown)`);
  console.log(`(a) partner feed, 20 per page, 50 connections, each one of ${READERS} partners (${profiles} audience profiles)`);
  for (const line of roundLines(feedRuns)) console.log(line);
  console.log(`  baseline (bare Fastify + postgres.js, same 20 rows, no auth): ${fb.requestsPerSecond.toFixed(0)} req/s, p50 ${fb.p50} ms, p99 ${fb.p99} ms`);
  console.log(`  api GET /api/news/feed (authenticated, with totals):          ${fa.requestsPerSecond.toFixed(0)} req/s, p50 ${fa.p50} ms, p99 ${fa.p99} ms, non-2xx ${fa.non2xx}, errors ${fa.errors}`);
  const bw = baseWriting.result;
  const aw = appWriting.result;
  console.log(`  while read marks are written (${appWriting.marks.perSecond.toFixed(1)}/s, ${appWriting.marks.marks} marks, errors ${appWriting.marks.errors}; baseline's round ${baseWriting.marks.perSecond.toFixed(1)}/s):`);
  console.log(`    baseline ${bw.requestsPerSecond.toFixed(0)} req/s (p50 ${bw.p50} ms, p99 ${bw.p99} ms) | api ${aw.requestsPerSecond.toFixed(0)} req/s (p50 ${aw.p50} ms, p99 ${aw.p99} ms, non-2xx ${aw.non2xx}) -> ratio ${writeRatio.toFixed(2)} x`);
  console.log(`  ratio: ${ratio.toFixed(2)} x baseline (target >= 0.70); p99 target < 50 ms -> ${feedPass ? 'PASS' : 'FAIL'}`);
  console.log(`(b) search "${SEARCH}", 10 connections`);
  for (const line of roundLines(search.rounds)) console.log(line);
  console.log(`  baseline (bare ranked query over posts, no snippets, no total): ${sb.requestsPerSecond.toFixed(0)} req/s, p50 ${sb.p50} ms, p99 ${sb.p99} ms`);
  console.log(`  api GET /api/news/search (authenticated, snippets, total):      ${sa.requestsPerSecond.toFixed(0)} req/s, p50 ${sa.p50} ms, p99 ${sa.p99} ms, non-2xx ${sa.non2xx}, errors ${sa.errors}`);
  console.log(`  p99 target < 100 ms -> ${searchPass ? 'PASS' : 'FAIL'}`);
  console.log(`  whole run: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  verdict(feedPass && searchPass);
} finally {
  await baseline.close();
  await raw.end();
  await env.close();
}
