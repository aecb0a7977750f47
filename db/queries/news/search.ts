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
  // One pass over the hits: the page and, with it, their number (a page past the end counts apart).
  const rows = listOf<HitRow & { total: number }>(await db.execute(sql`
    select *, (count(*) over ())::int as total from (${hits}) h
    order by rank desc, published_at desc nulls last, id limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`));
  const total = rows[0]?.total ?? (p.page > 1 ? listOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${hits}) h`))[0]?.n ?? 0 : 0);
  const snippets = await snippetsFor(db, rows, p.q);
  return {
    items: rows.map((r) => ({
      kind: r.kind, id: r.id, title: r.title, summary: r.summary, categoryId: r.category_id, establishmentName: r.establishment_name,
      publishedAt: r.published_at ? new Date(r.published_at) : null, rank: Number(r.rank), snippet: snippets.get(r.id) ?? [],
    })),
    total,
  };
}

interface HitRow { kind: 'post' | 'sheet'; id: string; title: string; summary: string; category_id: string | null; establishment_name: string | null; published_at: string | Date | null; rank: number }

async function snippetsFor(db: Database, rows: { kind: string; id: string }[], q: string): Promise<Map<string, Snippet[]>> {
  const posts = rows.filter((r) => r.kind === 'post').map((r) => r.id);
  const sheets = rows.filter((r) => r.kind === 'sheet').map((r) => r.id);
  const out = new Map<string, Snippet[]>();
  if (posts.length) {
    const list = await db.select({ id: newsPosts.id, h: headline(sql`${newsPosts.summary} || ' ' || ${htmlText(newsPosts.bodyHtml)}`, q) })
      .from(newsPosts).where(sql`${newsPosts.id} in ${posts}`);
    for (const r of list) out.set(r.id, toSnippet(r.h));
  }
  if (sheets.length) {
    const list = await db.select({ id: newsSheets.id, h: headline(sql`${newsSheets.context} || ' ' || ${newsSheets.actions} || ' ' || ${newsSheets.result}`, q) })
      .from(newsSheets).where(sql`${newsSheets.id} in ${sheets}`);
    for (const r of list) out.set(r.id, toSnippet(r.h));
  }
  return out;
}

function listOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
