import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, newsPosts, offices } from '../../schema';
import type { AudienceViewer } from '../audience';
import { isLive, placeCommune, postColumns, postVisible, readerColumns, type PostRow } from './posts';

/**
 * « Agenda du réseau »: events of the posts the viewer may read, by start
 * time. An event is listed while it is not over (its end, else its start, is
 * at or after `from`) and starts before `to`. Staff see live posts only here,
 * like partners: the agenda is what the network sees.
 */
export async function agendaEvents(db: Database, p: { viewer: AudienceViewer; userId: string; from: Date; to: Date | null; categoryId?: string; limit: number }): Promise<PostRow[]> {
  return db
    .select({ ...postColumns, ...readerColumns(p.userId) })
    .from(newsPosts)
    .leftJoin(offices, eq(offices.id, newsPosts.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(and(
      sql`${newsPosts.eventStart} is not null`, isLive, postVisible(p.viewer),
      sql`coalesce(${newsPosts.eventEnd}, ${newsPosts.eventStart}) >= ${p.from.toISOString()}::timestamptz`,
      p.to ? lt(newsPosts.eventStart, p.to) : undefined,
      p.categoryId ? eq(newsPosts.categoryId, p.categoryId) : undefined,
    ))
    .orderBy(asc(newsPosts.eventStart), asc(newsPosts.id))
    .limit(p.limit);
}
