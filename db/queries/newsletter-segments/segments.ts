import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsletterCampaigns, newsletterSegments, users } from '../../schema';
import { topicRecipients } from '../newsletters/campaigns';
import { firstOrNull, rowsOf } from '../rows';
import { normalisedFilter, SEGMENT_LIMITS, type SegmentFilter } from '../../../common/newsletter-segments';
import type { Language } from '../../../common/accounts';
import { segmentMatches } from './filter';

export interface SegmentInput { name: string; filter: SegmentFilter }

const segmentColumns = {
  id: newsletterSegments.id, name: newsletterSegments.name, filter: newsletterSegments.filter,
  createdBy: users.name, createdAt: newsletterSegments.createdAt, updatedAt: newsletterSegments.updatedAt,
};
export type SegmentRow = NonNullable<Awaited<ReturnType<typeof getSegment>>>;

const segmentQuery = (db: Database) => db.select(segmentColumns).from(newsletterSegments).leftJoin(users, eq(users.id, newsletterSegments.createdBy));

export async function listSegments(db: Database) {
  return segmentQuery(db).orderBy(asc(sql`lower(${newsletterSegments.name})`), asc(newsletterSegments.id)).limit(SEGMENT_LIMITS.maxSegments);
}

export async function getSegment(db: Database, id: string) {
  return firstOrNull(segmentQuery(db).where(eq(newsletterSegments.id, id)));
}

export async function segmentExists(db: Database, id: string): Promise<boolean> {
  return (await db.$count(newsletterSegments, eq(newsletterSegments.id, id))) > 0;
}

type Saved = { ok: true; id: string } | { ok: false; reason: 'segmentNotFound' | 'segmentNameTaken' };

/** Creates or (with `id`) replaces a segment; one name per segment, whatever its case. */
export async function saveSegment(db: Database, input: SegmentInput, by: { userId: string; id?: string }): Promise<Saved> {
  const values = { name: input.name, filter: normalisedFilter(input.filter) };
  const taken = sql`lower(${newsletterSegments.name}) = lower(${input.name})${by.id ? sql` and ${newsletterSegments.id} <> ${by.id}` : sql``}`;
  return db.transaction(async (tx) => {
    // The unique index decides; this read only turns its violation into a clear refusal (a race ends in the index's error, a 500 no one will meet).
    if ((await tx.$count(newsletterSegments, taken)) > 0) return { ok: false, reason: 'segmentNameTaken' } as const;
    if (!by.id) {
      const [row] = await tx.insert(newsletterSegments).values({ ...values, createdBy: by.userId }).returning({ id: newsletterSegments.id });
      return { ok: true, id: row!.id } as const;
    }
    const [row] = await tx.update(newsletterSegments).set({ ...values, updatedAt: sql`now()` }).where(eq(newsletterSegments.id, by.id)).returning({ id: newsletterSegments.id });
    return row ? ({ ok: true, id: row.id } as const) : ({ ok: false, reason: 'segmentNotFound' } as const);
  });
}

/**
 * Deletes a segment, refused while a draft or scheduled campaign names it
 * (it would silently fall back to its audience). Launched campaigns keep
 * their frozen recipients; their link is set to null by the foreign key.
 */
export async function deleteSegment(db: Database, id: string): Promise<{ ok: true } | { ok: false; reason: 'segmentNotFound' | 'segmentInUse' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: newsletterSegments.id }).from(newsletterSegments).where(eq(newsletterSegments.id, id)).for('update');
    if (!row) return { ok: false, reason: 'segmentNotFound' } as const;
    const used = await tx.$count(newsletterCampaigns, sql`${newsletterCampaigns.segmentId} = ${id} and ${inArray(newsletterCampaigns.status, ['draft', 'scheduled'])}`);
    if (used > 0) return { ok: false, reason: 'segmentInUse' } as const;
    await tx.delete(newsletterSegments).where(eq(newsletterSegments.id, id));
    return { ok: true } as const;
  });
}

export interface SampledRecipient {
  address: string;
  userId: string | null;
  name: string | null;
  establishment: string | null;
  commune: string | null;
  language: Language;
}

/**
 * The live count of a filter among a topic's subscribers who are not
 * suppressed (the very rows a launch would freeze), and a sample of them in
 * one statement: a stable pseudo-random pick (ordered by a hash of the
 * address), so the sample neither favours the start of the alphabet nor
 * changes at each keystroke.
 */
export async function previewSegment(db: Database, filter: SegmentFilter, topicId: string, now: Date = new Date()): Promise<{ count: number; sample: SampledRecipient[] }> {
  const rows = rowsOf<{ address: string; user_id: string | null; name: string | null; establishment: string | null; commune: string | null; language: Language; total: string | number }>(await db.execute(sql`
    select q.address, q.user_id, q.name, q.establishment, q.commune, q.language::text as language, count(*) over () as total
    from (${topicRecipients(sql`${topicId}`, segmentMatches(filter, now))}) q
    order by md5(q.address), q.address
    limit ${SEGMENT_LIMITS.sampleSize}
  `));
  return {
    count: Number(rows[0]?.total ?? 0),
    sample: rows.map((r) => ({ address: r.address, userId: r.user_id, name: r.name, establishment: r.establishment, commune: r.commune, language: r.language })),
  };
}
