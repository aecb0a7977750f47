import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, figuresMonthly } from '../../schema';
import { figuresKindOf, resolvedNights, type FiguresInput, type FiguresKind } from '../../../common/figures';

/** 'YYYY-MM' <-> the first day of the month as stored. */
export const monthDate = (month: string) => `${month}-01`;
export const monthOf = (d: string) => d.slice(0, 7);

const figureColumns = {
  month: figuresMonthly.month, capacity: figuresMonthly.capacity, nightsSold: figuresMonthly.nightsSold, arrivals: figuresMonthly.arrivals,
  foreignShare: figuresMonthly.foreignShare, countries: figuresMonthly.countries, visitors: figuresMonthly.visitors,
  averagePriceCents: figuresMonthly.averagePriceCents, updatedAt: figuresMonthly.updatedAt,
};
export type FiguresRow = { [K in keyof typeof figureColumns]: (typeof figureColumns)[K]['_']['data'] } & { countries: Record<string, number> };

/** What figures an establishment gives, and where it is compared. */
export interface FiguresEstablishment {
  id: string;
  name: string;
  category: string;
  subcategory: string | null;
  communauteId: string;
  kind: FiguresKind | null;
}

export async function figuresEstablishment(db: Database, establishmentId: string): Promise<FiguresEstablishment | null> {
  const [row] = await db
    .select({ id: establishments.id, name: establishments.name, category: establishments.category, subcategory: establishments.subcategory, communauteId: communes.communauteId })
    .from(establishments)
    .innerJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .where(eq(establishments.id, establishmentId));
  return row ? { ...row, kind: figuresKindOf(row.category) } : null;
}

/** One establishment's months, newest first, between two months inclusive. */
export async function listEstablishmentFigures(db: Database, establishmentId: string, from: string, to: string): Promise<FiguresRow[]> {
  return (await db
    .select(figureColumns)
    .from(figuresMonthly)
    .where(and(eq(figuresMonthly.establishmentId, establishmentId), gte(figuresMonthly.month, monthDate(from)), lte(figuresMonthly.month, monthDate(to))))
    .orderBy(desc(figuresMonthly.month))) as FiguresRow[];
}

/**
 * Saves (creates or corrects) one month of an establishment's figures. The
 * input was checked by common/figures.ts figuresProblems at the edge; the
 * table's checks are the last line. The trigger of migration 0018 marks the
 * month for the rollup. Returns whether the month was new.
 */
export async function saveEstablishmentMonth(
  db: Database, establishmentId: string, month: string, kind: FiguresKind, input: FiguresInput, userId: string,
): Promise<{ row: FiguresRow; created: boolean }> {
  const accommodation = kind === 'accommodation';
  const values = {
    capacity: accommodation ? (input.capacity ?? null) : null,
    nightsSold: accommodation ? resolvedNights(month, input) : null,
    arrivals: accommodation ? (input.arrivals ?? null) : null,
    foreignShare: accommodation ? (input.foreignShare ?? null) : null,
    countries: accommodation ? (input.countries ?? {}) : {},
    visitors: accommodation ? null : (input.visitors ?? null),
    averagePriceCents: input.averagePriceCents ?? null,
    updatedBy: userId,
  };
  const [row] = await db
    .insert(figuresMonthly)
    .values({ establishmentId, month: monthDate(month), ...values })
    .onConflictDoUpdate({ target: [figuresMonthly.establishmentId, figuresMonthly.month], set: { ...values, updatedAt: sql`now()` } })
    .returning({ ...figureColumns, created: sql<boolean>`(xmax = 0)` });
  const { created, ...rest } = row!;
  return { row: rest as FiguresRow, created };
}
