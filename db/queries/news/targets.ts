import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { newsPosts, newsSheets } from '../../schema';
import { audienceVisible, type AudienceViewer } from '../audience';
import { firstOrNull } from '../rows';

/**
 * What comments, reactions and mutes hang on: a post the reader may see, or
 * a sheet they may see. Partners see a post once it is live (published, its
 * time come, not expired) and its audience includes them (`audienceVisible`);
 * staff see every post. A sheet is seen by everyone once published, and
 * before that by staff and its establishment's partners.
 */
export function postReadable(viewer: AudienceViewer): SQL {
  if (viewer.kind === 'staff') return sql`true`;
  return and(
    eq(newsPosts.status, 'published'),
    sql`${newsPosts.publishAt} <= now()`,
    sql`(${newsPosts.expiresAt} is null or ${newsPosts.expiresAt} > now())`,
    audienceVisible(newsPosts, viewer),
  )!;
}

export interface SheetReader { viewer: AudienceViewer; establishmentId: string | null }

export function sheetReadable(r: SheetReader): SQL {
  if (r.viewer.kind === 'staff') return sql`true`;
  const own = r.establishmentId ? eq(newsSheets.establishmentId, r.establishmentId) : sql`false`;
  return sql`(${newsSheets.status} = 'published' or ${own})`;
}

export type Target = { kind: 'post'; id: string } | { kind: 'sheet'; id: string };

/** The target's title when the reader may see it (and, for a sheet, take comments: published), else null. */
export async function readableTarget(db: Database | Tx, target: Target, reader: SheetReader, forComments = false): Promise<{ title: string } | null> {
  if (target.kind === 'post') {
    return firstOrNull(db.select({ title: newsPosts.title }).from(newsPosts).where(and(eq(newsPosts.id, target.id), postReadable(reader.viewer))));
  }
  const [row] = await db
    .select({ title: newsSheets.title, status: newsSheets.status })
    .from(newsSheets)
    .where(and(eq(newsSheets.id, target.id), sheetReadable(reader)));
  if (!row || (forComments && row.status !== 'published')) return null;
  return { title: row.title };
}
