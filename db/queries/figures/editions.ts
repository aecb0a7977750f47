import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { figuresEditions, users } from '../../schema';
import { monthDate } from './monthly';
import { firstOrNull } from '../rows';

const columns = {
  id: figuresEditions.id, month: figuresEditions.month, comment: figuresEditions.comment, publishedAt: figuresEditions.publishedAt, publishedBy: users.name,
};

/** Publishes the « Observatoire » of a month, frozen: one edition per month (a second answers editionExists). */
export async function publishEdition(db: Database, p: { month: string; comment: string; data: unknown; userId: string }) {
  const [row] = await db
    .insert(figuresEditions)
    .values({ month: monthDate(p.month), comment: p.comment, data: p.data, publishedBy: p.userId })
    .onConflictDoNothing()
    .returning({ id: figuresEditions.id });
  if (!row) return { ok: false as const, reason: 'editionExists' as const };
  return { ok: true as const, id: row.id };
}

export async function listEditions(db: Database) {
  return db.select(columns).from(figuresEditions).leftJoin(users, eq(users.id, figuresEditions.publishedBy)).orderBy(desc(figuresEditions.month));
}

export async function getEdition(db: Database, id: string) {
  return firstOrNull(db.select({ ...columns, data: figuresEditions.data }).from(figuresEditions).leftJoin(users, eq(users.id, figuresEditions.publishedBy)).where(eq(figuresEditions.id, id)));
}
