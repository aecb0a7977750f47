import { describe, expect, it } from 'vitest';
import { cellOf, passesPrimary, quantile, suppressTable, type Cell } from '../../server/services/figures/secrecy';
import { addMonths, currentMonth, daysInMonth, figuresProblems, resolvedNights } from '../../common/figures';

/**
 * Statistical secrecy, pure: the primary rule's edge cases and secondary
 * suppression, proved by linear algebra: a hidden cell is recomputable from
 * the published cells and totals exactly when its unit vector lies in the row
 * space of the table's equations restricted to the hidden unknowns.
 */

describe('primary rule', () => {
  it('hides a figure from 2 contributors, even evenly split', () => {
    expect(passesPrimary(cellOf([50, 50]))).toBe(false);
  });
  it('hides 3 contributors when one makes 86 %, shows it at exactly 85 %', () => {
    expect(passesPrimary(cellOf([86, 7, 7]))).toBe(false);
    expect(passesPrimary(cellOf([85, 10, 5]))).toBe(true);
  });
  it('shows 3 balanced contributors, and an empty cell (a known zero)', () => {
    expect(passesPrimary(cellOf([30, 40, 30]))).toBe(true);
    expect(passesPrimary(cellOf([]))).toBe(true);
  });
});

/** Whether hidden unknown `target` is determined by the equations (Gaussian elimination over the rationals, as floats with a tolerance). */
function recomputable(table: Cell[][], s: ReturnType<typeof suppressTable>): boolean[][] {
  const R = table.length;
  const C = table[0]!.length;
  // Unknowns: hidden cells, hidden row totals, hidden column totals, hidden grand total.
  const idx = new Map<string, number>();
  const add = (k: string) => idx.set(k, idx.size);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (s.hidden[r]![c]) add(`c${r},${c}`);
  for (let r = 0; r < R; r++) if (s.rowTotalHidden[r]) add(`r${r}`);
  for (let c = 0; c < C; c++) if (s.colTotalHidden[c]) add(`k${c}`);
  if (s.grandTotalHidden) add('g');
  const n = idx.size;
  const eqs: number[][] = [];
  const coef = (row: number[], key: string, v: number) => { const i = idx.get(key); if (i !== undefined) row[i]! += v; };
  for (let r = 0; r < R; r++) { const e = Array(n).fill(0); for (let c = 0; c < C; c++) coef(e, `c${r},${c}`, 1); coef(e, `r${r}`, -1); eqs.push(e); }
  for (let c = 0; c < C; c++) { const e = Array(n).fill(0); for (let r = 0; r < R; r++) coef(e, `c${r},${c}`, 1); coef(e, `k${c}`, -1); eqs.push(e); }
  { const e = Array(n).fill(0); for (let r = 0; r < R; r++) coef(e, `r${r}`, 1); coef(e, 'g', -1); eqs.push(e); }
  { const e = Array(n).fill(0); for (let c = 0; c < C; c++) coef(e, `k${c}`, 1); coef(e, 'g', -1); eqs.push(e); }
  // Row-reduce.
  const m = eqs.map((e) => [...e]);
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < n && rank < m.length; col++) {
    const p = m.findIndex((row, i) => i >= rank && Math.abs(row[col]!) > 1e-9);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pr = m[rank]!;
    const pv = pr[col]!;
    for (let j = 0; j < n; j++) pr[j]! /= pv;
    for (let i = 0; i < m.length; i++) if (i !== rank && Math.abs(m[i]![col]!) > 1e-9) { const f = m[i]![col]!; for (let j = 0; j < n; j++) m[i]![j]! -= f * pr[j]!; }
    pivots.push(col);
    rank++;
  }
  // A variable is determined when some reduced row is exactly its unit vector.
  const determined = new Set<number>();
  for (let i = 0; i < rank; i++) {
    const nz = m[i]!.flatMap((v, j) => (Math.abs(v) > 1e-9 ? [j] : []));
    if (nz.length === 1) determined.add(nz[0]!);
  }
  return table.map((row, r) => row.map((_, c) => { const i = idx.get(`c${r},${c}`); return i !== undefined && determined.has(i); }));
}

describe('secondary suppression', () => {
  // 3 categories × 3 communautés; cell [0][0] has 2 contributors (primary secret), the rest pass.
  const big = (x: number) => cellOf([x, x, x]);
  const table: Cell[][] = [
    [cellOf([40, 60]), big(100), big(120)],
    [big(90), big(30), big(200)],
    [big(80), big(70), big(10)],
  ];

  it('a lone hidden cell is recomputable from its row total without secondary suppression (the reason for it)', () => {
    const onlyPrimary = { hidden: table.map((row) => row.map((c) => !passesPrimary(c))), rowTotalHidden: [false, false, false], colTotalHidden: [false, false, false], grandTotalHidden: false };
    expect(recomputable(table, onlyPrimary)[0]![0]).toBe(true);
  });

  it('hides more cells until no hidden cell can be recomputed from the row and column totals', () => {
    const s = suppressTable(table);
    expect(s.hidden[0]![0]).toBe(true);
    const hiddenCount = s.hidden.flat().filter(Boolean).length;
    expect(hiddenCount).toBeGreaterThanOrEqual(4); // a 2 × 2 pattern at least
    // Every row and column has 0 or ≥ 2 hidden members (cells + total).
    for (let r = 0; r < 3; r++) expect([0, 2, 3, 4]).toContain(s.hidden[r]!.filter(Boolean).length + Number(s.rowTotalHidden[r]));
    for (let c = 0; c < 3; c++) expect([0, 2, 3, 4]).toContain(s.hidden.filter((row) => row[c]).length + Number(s.colTotalHidden[c]));
    // And no hidden cell is determined by the whole system of equations.
    expect(recomputable(table, s).flat().some(Boolean)).toBe(false);
    // The complement picked is the smallest: [0][1] (sum 300) in row 0, [1][0] (270) in column 0.
    expect(s.hidden[0]![1]).toBe(true);
    expect(s.hidden[1]![0]).toBe(true);
  });

  it('hides a total whose cells are all known when one of them is secret and the others are empty', () => {
    const s = suppressTable([[cellOf([5, 5]), cellOf([])], [big(50), big(60)]]);
    // Row 0: the secret cell alone (the other is a known zero): its total would give it away.
    expect(s.rowTotalHidden[0]).toBe(true);
    expect(recomputable([[cellOf([5, 5]), cellOf([])], [big(50), big(60)]], s).flat().some(Boolean)).toBe(false);
  });

  it('a table where everything passes hides nothing', () => {
    const s = suppressTable([[big(1), big(2)], [big(3), big(4)]]);
    expect(s.hidden.flat().some(Boolean)).toBe(false);
    expect([s.rowTotalHidden, s.colTotalHidden].flat().some(Boolean) || s.grandTotalHidden).toBe(false);
  });
});

describe('month rules (common/figures.ts)', () => {
  const now = new Date('2026-11-15T12:00:00Z');
  it('refuses nights sold above capacity × days, and a future month', () => {
    expect(figuresProblems('accommodation', '2026-02', { capacity: 10, nightsSold: 281 }, now)).toEqual([{ field: 'nightsSold', problem: 'nightsOverCapacity' }]);
    expect(figuresProblems('accommodation', '2026-02', { capacity: 10, nightsSold: 280 }, now)).toEqual([]);
    expect(figuresProblems('accommodation', '2026-12', { capacity: 10, nightsSold: 1 }, now)).toEqual([{ field: 'month', problem: 'monthInFuture' }]);
  });
  it('derives nights from an occupancy rate, and refuses both or neither', () => {
    expect(resolvedNights('2026-04', { capacity: 10, occupancyRate: 50 })).toBe(150);
    expect(figuresProblems('accommodation', '2026-04', { capacity: 10, nightsSold: 1, occupancyRate: 1 }, now)[0]!.problem).toBe('bothNightsAndRate');
    expect(figuresProblems('accommodation', '2026-04', { capacity: 10 }, now)[0]!.problem).toBe('nightsRequired');
  });
  it('countries cannot add up to more than the foreign share; visitors-kind refuses accommodation fields', () => {
    expect(figuresProblems('accommodation', '2026-04', { capacity: 10, nightsSold: 10, foreignShare: 20, countries: { GB: 15, NL: 10 } }, now)[0]!.problem).toBe('countriesOverForeign');
    expect(figuresProblems('visitors', '2026-04', { visitors: 10, capacity: 3 }, now)).toEqual([{ field: 'capacity', problem: 'notForKind' }]);
  });
  it('months in Europe/Paris, quartiles as percentile_cont', () => {
    expect(currentMonth(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04'); // 00:30 on 1 April in Paris
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(daysInMonth('2028-02')).toBe(29);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
});
