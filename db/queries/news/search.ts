import { sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { establishments, newsPosts, newsSheets } from '../../schema';
import { htmlText } from '../../schema/news';
import { headline, searchQuery, toSnippet, type Snippet } from '../text-search';
import type { AudienceViewer } from '../audience';
import { postVisible } from './posts';

export interface SearchHitRow {
  kind: 'post' | 'sheet';
  id: string;
  title: string;
  summary: string;
  categoryId: string | null;
  establishmentName: string | null;
  publishedAt: Date | null;
  rank: number;
  snippet: Snippet[];
}

/**
 * Accent-insensitive French search over the posts the viewer may read and
 * the published experience sheets (`websearch_to_tsquery`: "ete" finds
 * « été », `gîtes -camping` excludes), ranked, with highlighted snippets
 * computed for the page's hits only.
 */
export async function searchNews(db: Database, p: { viewer: AudienceViewer; q: string; page: number; pageSize: number }): Promise<{ items: SearchHitRow[]; total: number }> {
  const query = searchQuery(p.q);
  // `postVisible` names news_posts' columns by table: the posts' branch reads the table unaliased.
  const hits = sql`
    select 'post' as kind, ${newsPosts.id} as id, ${newsPosts.title} as title, ${newsPosts.summary} as summary, ${newsPosts.categoryId} as category_id,
      null::text as establishment_name, ${newsPosts.publishAt} as published_at, ts_rank_cd(${newsPosts.search}, q) as rank
    from ${newsPosts}, ${query} q where ${newsPosts.search} @@ q and ${postVisible(p.viewer)}
    union all
    select 'sheet', s.id, s.title, left(s.context, 300), null, e.name, s.published_at, ts_rank_cd(s.search, q)
    from ${newsSheets} s join ${establishments} e on e.id = s.establishment_id, ${query} q
    where s.status = 'published' and s.search @@ q`;
  // One round trip: the page, their number (one pass over the hits: a page past the end counts apart) and the
  // page's snippets (ts_headline re-parses the text: run on the page's 20 rows only, after the limit).
  // Measured on bench:news's data (its first reader, "randonnee ete", 1,000 hits; machine loaded 8-11):
  // pgbench, the page query ~ the bench's bare ranked query (3.7-5.5 ms; `count(*) over ()` costs nothing visible),
  // the 20 headlines +2-2.5 ms (regexp_replace 0.2 ms of it: a stored plain-text column would not pay for a migration);
  // searchNews at 10 connections, two queries 147-202 req/s (p99 100-235 ms) -> this one 185-245 req/s (p99 82-98 ms).
  // Where a search's CPU goes (issue 12's p99 target; backend CPU per execution from /proc/<pid>/schedstat, prepared
  // with generic plans as the app runs it, 100-200 runs a figure, machine loaded 14-22 so indicative): this query
  // 11-12 ms = the bare ranked query's 8-10 ms (GIN + 2,000 heap rows for the audience filter ~4.5 ms, ts_rank_cd over
  // the 1,000 visible hits ~3.5 ms: both needed to order and count) + the 20 headlines 2.5-3.5 ms. Tried, no gain
  // within noise, so not kept: ranking (kind, id, rank, published_at) only and joining the 20 rows afterwards;
  // one tsquery for all headlines. The headlines are the default parser's cost (to_tsvector of the same text costs
  // the same; MaxFragments 0, 1 or 2 alike; the 'simple' configuration -20 %; half the text -30 %): only a shorter
  // text would cut them, which changes the snippets. Node, per request: api 2.8-3.9 ms against the bare route's
  // 0.9-1.5 ms (JWT ~0.3, helmet ~0.2, building this SQL 0.16 ms); the principal and caught-up queries 0.1 ms each.
  const postText = sql`(select ${headline(sql`p.summary || ' ' || ${htmlText(sql`p.body_html`)}`, p.q)} from ${newsPosts} p where p.id = page.id)`;
  const sheetText = sql`(select ${headline(sql`s.context || ' ' || s.actions || ' ' || s.result`, p.q)} from ${newsSheets} s where s.id = page.id)`;
  const rows = listOf<HitRow & { total: number; headline: string | null }>(await db.execute(sql`
    select page.*, case when page.kind = 'post' then ${postText} else ${sheetText} end as headline
    from (select *, (count(*) over ())::int as total from (${hits}) h
      order by rank desc, published_at desc nulls last, id limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}) page
    order by rank desc, published_at desc nulls last, id`));
  const total = rows[0]?.total ?? (p.page > 1 ? listOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${hits}) h`))[0]?.n ?? 0 : 0);
  return {
    items: rows.map((r) => ({
      kind: r.kind, id: r.id, title: r.title, summary: r.summary, categoryId: r.category_id, establishmentName: r.establishment_name,
      publishedAt: r.published_at ? new Date(r.published_at) : null, rank: Number(r.rank), snippet: r.headline === null ? [] : toSnippet(r.headline),
    })),
    total,
  };
}

interface HitRow { kind: 'post' | 'sheet'; id: string; title: string; summary: string; category_id: string | null; establishment_name: string | null; published_at: string | Date | null; rank: number }

function listOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
