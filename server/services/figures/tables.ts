import type { RollupRow } from '../../../db/queries/figures';
import { ALL, FIGURES_CATEGORY_KIND, type FiguresKind } from '../../../common/figures';
import type { EditionData, SecretTable } from '../../schemas/figures';
import { measureCell, roundOrNull } from './mapping';
import { EMPTY_CELL, passesPrimary, suppressTable } from './secrecy';

/**
 * What partners may see of one month's rollup (the « Observatoire »): per
 * kind, the table category × communauté of the base measure (nights sold or
 * visitors) with its totals, under primary and secondary suppression, and
 * the territory's quartiles when their group passes the primary rule.
 */
export function partnerTables(month: string, rows: readonly RollupRow[], communautes: readonly { id: string; name: string }[]): EditionData {
  const tables: SecretTable[] = [];
  for (const kind of ['accommodation', 'visitors'] as const satisfies readonly FiguresKind[]) {
    const categories = Object.entries(FIGURES_CATEGORY_KIND).filter(([, k]) => k === kind).map(([c]) => c);
    const byKey = new Map(rows.filter((r) => r.kind === kind).map((r) => [`${r.category}|${r.communauteId}`, r]));
    const cells = categories.map((cat) => communautes.map((cm) => {
      const r = byKey.get(`${cat}|${cm.id}`);
      return r ? measureCell(r) : EMPTY_CELL;
    }));
    const s = suppressTable(cells);
    const all = byKey.get(`${ALL}|${ALL}`);
    const show = (hidden: boolean, value: number) => (hidden ? null : value);
    tables.push({
      kind,
      measure: kind === 'accommodation' ? 'nightsSold' : 'visitors',
      categories,
      communautes: communautes.map((c) => ({ id: c.id, name: c.name })),
      cells: cells.map((row, r) => row.map((cell, c) => show(s.hidden[r]![c]!, cell.sum))),
      rowTotals: cells.map((row, r) => show(s.rowTotalHidden[r]!, row.reduce((a, c) => a + c.sum, 0))),
      colTotals: communautes.map((_, c) => show(s.colTotalHidden[c]!, cells.reduce((a, row) => a + row[c]!.sum, 0))),
      grandTotal: show(s.grandTotalHidden, cells.flat().reduce((a, c) => a + c.sum, 0)),
      quartiles: all && all.contributors > 0 && passesPrimary(measureCell(all)) && all.median !== null
        ? { q1: roundOrNull(all.q1)!, median: roundOrNull(all.median)!, q3: roundOrNull(all.q3)! }
        : null,
    });
  }
  return { month, tables };
}
