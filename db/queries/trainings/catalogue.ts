import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { trainings } from '../../schema';
import { type Executor } from './shared';
import { escapeLike } from '../../../common/text';
import { firstOrNull } from '../rows';

// ---------- catalogue ----------

// Qualified by hand: drizzle leaves columns unqualified in single-table selects, which a subquery would capture.
const upcomingCount = sql<number>`(select count(*)::int from training_sessions us where us.training_id = "trainings"."id" and us.status in ('open', 'closed') and us.ends_at >= now())`;

export const trainingColumns = {
  id: trainings.id, title: trainings.title, summary: trainings.summary, descriptionHtml: trainings.descriptionHtml,
  theme: trainings.theme, targetCategories: trainings.targetCategories, durationMinutes: trainings.durationMinutes,
  trainer: trainings.trainer, priceMemberCents: trainings.priceMemberCents, priceNonMemberCents: trainings.priceNonMemberCents,
  archived: trainings.archived, createdAt: trainings.createdAt, updatedAt: trainings.updatedAt, upcomingSessionCount: upcomingCount,
};
export type TrainingRow = Omit<typeof trainings.$inferSelect, 'createdBy'> & { upcomingSessionCount: number };

export async function listTrainings(db: Database, q: { search?: string; theme?: string; includeArchived?: boolean; page: number; pageSize: number }) {
  const where = and(
    q.includeArchived ? undefined : eq(trainings.archived, false),
    q.theme ? eq(trainings.theme, q.theme as 'other') : undefined,
    q.search ? or(ilike(trainings.title, `%${escapeLike(q.search)}%`), ilike(trainings.summary, `%${escapeLike(q.search)}%`)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db.select(trainingColumns).from(trainings).where(where).orderBy(asc(trainings.title), asc(trainings.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ value: count() }).from(trainings).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

export async function getTraining(db: Executor, id: string) {
  return firstOrNull(db.select(trainingColumns).from(trainings).where(eq(trainings.id, id)));
}

// ---------- catalogue writes ----------

export interface TrainingInput {
  title: string;
  summary: string;
  descriptionHtml: string;
  theme: TrainingRow['theme'];
  targetCategories: string[];
  durationMinutes: number;
  trainer: string | null;
  priceMemberCents: number | null;
  priceNonMemberCents: number | null;
}

export async function insertTraining(db: Database, input: TrainingInput, actorId: string): Promise<string> {
  const [row] = await db.insert(trainings).values({ ...input, createdBy: actorId }).returning({ id: trainings.id });
  return row!.id;
}

export async function updateTraining(
  db: Database,
  id: string,
  patch: Partial<TrainingInput> & { archived?: boolean },
): Promise<{ ok: true } | { ok: false; reason: 'trainingNotFound' }> {
  const rows = await db.update(trainings).set({ ...patch, updatedAt: sql`now()` }).where(eq(trainings.id, id)).returning({ id: trainings.id });
  return rows.length === 1 ? { ok: true } : { ok: false, reason: 'trainingNotFound' };
}
