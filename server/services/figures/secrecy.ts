import { SECRECY } from '../../../common/figures';

/**
 * Statistical secrecy (secret statistique), pure code: what of a figure built
 * from partners' data may be shown to partners.
 *
 * Primary rule (INSEE, business data): a cell is shown only if at least 3
 * establishments contribute and no single one makes more than 85 % of it.
 *
 * Secondary suppression: in a table with row and column totals, a hidden cell
 * must not be recomputable from the totals. Each row (its cells and its total)
 * and each column (likewise), plus the row of column totals and the column of
 * row totals (with the grand total), is one equation « total = sum of cells ».
 * An equation with exactly one hidden member gives that member away, so the
 * smallest shown non-empty member of it is hidden too (a cell rather than a
 * total), and this repeats until no equation has exactly one hidden member.
 * Empty cells (no contributor) are known zeros: hiding them protects nothing,
 * so they are never chosen.
 */

/** One figure: how many establishments contribute, their sum, and the largest single contribution. */
export interface Cell {
  n: number;
  sum: number;
  max: number;
}

export const EMPTY_CELL: Cell = { n: 0, sum: 0, max: 0 };

/** The cell of a list of contributions (one per establishment). */
export function cellOf(contributions: readonly number[]): Cell {
  let sum = 0;
  let max = 0;
  for (const c of contributions) {
    sum += c;
    if (c > max) max = c;
  }
  return { n: contributions.length, sum, max };
}

/** Adds cells (for totals): contributors are distinct establishments in each cell of a row or column. */
export function addCells(cells: readonly Cell[]): Cell {
  return cells.reduce((a, c) => ({ n: a.n + c.n, sum: a.sum + c.sum, max: Math.max(a.max, c.max) }), EMPTY_CELL);
}

/** The primary rule: ≥ 3 contributors and none above 85 % of the total. An empty cell (no contributor) is a known zero: shown. */
export function passesPrimary(cell: Cell): boolean {
  if (cell.n === 0) return true;
  if (cell.n < SECRECY.minContributors) return false;
  return cell.sum <= 0 || cell.max <= SECRECY.maxShare * cell.sum;
}

export interface SuppressedTable {
  /** hidden[r][c]: the cell of row r, column c is « secret statistique ». */
  hidden: boolean[][];
  rowTotalHidden: boolean[];
  colTotalHidden: boolean[];
  grandTotalHidden: boolean;
}

type Ref = { kind: 'cell'; r: number; c: number } | { kind: 'row'; r: number } | { kind: 'col'; c: number } | { kind: 'grand' };

/**
 * Primary then secondary suppression of a table with its totals. `cells` is
 * rows × columns; totals are computed from the cells (addCells), so the
 * table is consistent by construction.
 */
export function suppressTable(cells: readonly (readonly Cell[])[]): SuppressedTable {
  const rows = cells.length;
  const cols = rows ? cells[0]!.length : 0;
  const rowTotals = cells.map((row) => addCells(row));
  const colTotals = Array.from({ length: cols }, (_, c) => addCells(cells.map((row) => row[c]!)));
  const grand = addCells(rowTotals);

  const hidden = cells.map((row) => row.map((cell) => !passesPrimary(cell)));
  const rowTotalHidden = rowTotals.map((t) => !passesPrimary(t));
  const colTotalHidden = colTotals.map((t) => !passesPrimary(t));
  let grandTotalHidden = !passesPrimary(grand);

  const valueOf = (ref: Ref): Cell =>
    ref.kind === 'cell' ? cells[ref.r]![ref.c]! : ref.kind === 'row' ? rowTotals[ref.r]! : ref.kind === 'col' ? colTotals[ref.c]! : grand;
  const isHidden = (ref: Ref): boolean =>
    ref.kind === 'cell' ? hidden[ref.r]![ref.c]! : ref.kind === 'row' ? rowTotalHidden[ref.r]! : ref.kind === 'col' ? colTotalHidden[ref.c]! : grandTotalHidden;
  const hide = (ref: Ref) => {
    if (ref.kind === 'cell') hidden[ref.r]![ref.c] = true;
    else if (ref.kind === 'row') rowTotalHidden[ref.r] = true;
    else if (ref.kind === 'col') colTotalHidden[ref.c] = true;
    else grandTotalHidden = true;
  };

  // Each equation: its members (the cells, then the total last).
  const equations: Ref[][] = [
    ...Array.from({ length: rows }, (_, r) => [...Array.from({ length: cols }, (_, c) => ({ kind: 'cell', r, c }) as Ref), { kind: 'row', r } as Ref]),
    ...Array.from({ length: cols }, (_, c) => [...Array.from({ length: rows }, (_, r) => ({ kind: 'cell', r, c }) as Ref), { kind: 'col', c } as Ref]),
    [...Array.from({ length: rows }, (_, r) => ({ kind: 'row', r }) as Ref), { kind: 'grand' } as Ref],
    [...Array.from({ length: cols }, (_, c) => ({ kind: 'col', c }) as Ref), { kind: 'grand' } as Ref],
  ];

  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      if (eq.filter(isHidden).length !== 1) continue;
      const total = eq[eq.length - 1]!;
      const candidates = eq.filter((ref) => !isHidden(ref) && valueOf(ref).n > 0);
      if (!candidates.length) continue;
      // The smallest cell first (least information lost); the total only when no cell is left.
      candidates.sort((a, b) => Number(a === total) - Number(b === total) || valueOf(a).sum - valueOf(b).sum);
      hide(candidates[0]!);
      changed = true;
    }
  }
  return { hidden, rowTotalHidden, colTotalHidden, grandTotalHidden };
}

/**
 * Quartiles (type 7, as PostgreSQL's percentile_cont) of a list; null when
 * empty. Used by tests to check the rollup, and by nothing on a hot path.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
