import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { offices, visitThemes, visitTotals } from '../../schema';
import { VISIT_LIMITS } from '../../../common/limits';
import { isOrigin, VISIT_LANGUAGES, VISIT_MODES, type VisitDimension } from '../../../common/visits';
import { monthStart } from './shared';

export interface TotalLine {
  dimension: VisitDimension;
  value: string;
  contacts: number;
  visitors: number;
}

/** Why one line of totals is refused (a bulk row or an imported CSV line). */
export type TotalProblem = 'badValue' | 'visitorsBelowContacts' | 'tooLarge' | 'duplicate';

/** The values each dimension accepts: one rule for the bulk form and the CSV import. */
export function totalLineProblem(line: TotalLine, themeIds: ReadonlySet<string>): TotalProblem | null {
  const ok = {
    total: line.value === '',
    mode: (VISIT_MODES as readonly string[]).includes(line.value),
    origin: isOrigin(line.value),
    theme: themeIds.has(line.value),
    language: (VISIT_LANGUAGES as readonly string[]).includes(line.value),
  }[line.dimension];
  if (!ok) return 'badValue';
  if (line.contacts > VISIT_LIMITS.monthTotalMax || line.visitors > VISIT_LIMITS.monthTotalMax) return 'tooLarge';
  if (line.visitors < line.contacts) return 'visitorsBelowContacts';
  return null;
}

/** Theme ids as the totals store them (text, like every dimension's value). */
export async function themeIdSet(db: Database): Promise<Set<string>> {
  return new Set((await db.select({ id: visitThemes.id }).from(visitThemes)).map((r) => String(r.id)));
}

/** Active offices, permanent first then by name (as the territory lists them). */
export async function officeChoices(db: Database): Promise<{ id: string; name: string }[]> {
  return db.select({ id: offices.id, name: offices.name }).from(offices).where(eq(offices.active, true)).orderBy(asc(offices.seasonal), asc(offices.name));
}

export async function activeOfficeIds(db: Database): Promise<Set<string>> {
  return new Set((await officeChoices(db)).map((r) => r.id));
}

/** The totals entered in bulk for an office and a month. */
export async function monthTotals(db: Database, officeId: string, month: string) {
  return db.select().from(visitTotals).where(and(eq(visitTotals.officeId, officeId), eq(visitTotals.month, monthStart(month))))
    .orderBy(visitTotals.dimension, visitTotals.value);
}

export type BulkOutcome = { ok: true } | { ok: false; reason: 'officeNotFound' } | { ok: false; reason: 'badLines'; lines: { index: number; problem: TotalProblem }[] };

/** Checks every line (and duplicates) of a set of office-month totals; null when all are good. */
export function checkLines(lines: TotalLine[], themeIds: ReadonlySet<string>): { index: number; problem: TotalProblem }[] {
  const seen = new Set<string>();
  const bad: { index: number; problem: TotalProblem }[] = [];
  lines.forEach((line, index) => {
    const key = `${line.dimension}\u0000${line.value}`;
    const problem = totalLineProblem(line, themeIds) ?? (seen.has(key) ? 'duplicate' : null);
    seen.add(key);
    if (problem) bad.push({ index, problem });
  });
  return bad;
}

/** Replaces the totals of one office-month (the bulk form): all or nothing. */
export async function replaceMonthTotals(db: Database, p: { officeId: string; month: string; lines: TotalLine[]; userId: string }): Promise<BulkOutcome> {
  if (!(await activeOfficeIds(db)).has(p.officeId)) return { ok: false, reason: 'officeNotFound' };
  const bad = checkLines(p.lines, await themeIdSet(db));
  if (bad.length) return { ok: false, reason: 'badLines', lines: bad };
  await db.transaction(async (tx) => {
    await tx.delete(visitTotals).where(and(eq(visitTotals.officeId, p.officeId), eq(visitTotals.month, monthStart(p.month))));
    if (p.lines.length) {
      await tx.insert(visitTotals).values(p.lines.map((l) => ({ ...l, officeId: p.officeId, month: monthStart(p.month), updatedBy: p.userId })));
    }
  });
  return { ok: true };
}

export interface ImportRow extends TotalLine {
  officeId: string;
  month: string;
}

/**
 * Writes the lines of a CSV file already checked line by line (server/services/visits/import.ts):
 * one transaction, each office-month's lines replacing what was there for the same dimension and value.
 */
export async function importTotals(db: Database, rows: ImportRow[], userId: string): Promise<number> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(visitTotals)
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, month: monthStart(r.month), updatedBy: userId })))
        .onConflictDoUpdate({
          target: [visitTotals.officeId, visitTotals.month, visitTotals.dimension, visitTotals.value],
          set: { contacts: sql`excluded.contacts`, visitors: sql`excluded.visitors`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
        });
    }
  });
  return rows.length;
}
