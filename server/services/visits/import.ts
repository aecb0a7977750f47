import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/visits';
import type { ImportRow, TotalLine } from '../../../db/queries/visits';
import { VISIT_LIMITS } from '../../../common/limits';
import { MONTH_PATTERN, type VisitDimension } from '../../../common/visits';
import type { MessageKey } from '../../i18n';
import { Problem } from '../../plugins/errors';
import { LINE_KEYS } from './refusals';

/**
 * Import of past years' monthly totals from a CSV file (`;` or `,`):
 * bureau;mois;ventilation;valeur;contacts;visiteurs. Every line is checked
 * first; a single bad line refuses the whole file, naming each bad line
 * (field `line.<n>`, n as a spreadsheet numbers it); nothing is written until
 * the file is clean, then everything in one transaction.
 */

const HEADERS = [['bureau', 'office'], ['mois', 'month'], ['ventilation', 'dimension'], ['valeur', 'value'], ['contacts'], ['visiteurs', 'visitors']];
const DIMENSIONS: Record<string, VisitDimension> = {
  total: 'total', mode: 'mode', origine: 'origin', origin: 'origin', theme: 'theme', thème: 'theme', langue: 'language', language: 'language',
};
const month = new RegExp(MONTH_PATTERN);
const wholeNumber = /^\d{1,9}$/;

type Parsed = { record: string[]; info: { lines: number } };

function readCsv(text: string): Parsed[] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), { delimiter: [';', ','], info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as Parsed[];
  } catch {
    throw new Problem(400, 'visits.import.unreadable');
  }
}

/** Theme column: its id, or its French or English label (any case). */
function themeLookup(themes: q.ThemeRow[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of themes) for (const k of [String(t.id), t.labelFr, t.labelEn]) m.set(k.toLocaleLowerCase('fr'), String(t.id));
  return m;
}

export async function importCsv(app: FastifyInstance, userId: string, csv: string) {
  const records = readCsv(csv);
  const [header, ...data] = records;
  if (!header || data.length === 0) throw new Problem(400, 'visits.import.empty');
  const names = header.record.map((h) => h.toLocaleLowerCase('fr'));
  if (names.length !== HEADERS.length || !HEADERS.every((accepted, i) => accepted.includes(names[i]!))) throw new Problem(400, 'visits.import.header', [{ field: `line.${header.info.lines}`, key: 'visits.import.header' }]);
  if (data.length > VISIT_LIMITS.importLines) throw new Problem(400, 'visits.import.tooManyLines');

  const [officeIds, themes] = await Promise.all([q.activeOfficeIds(app.db), q.listThemes(app.db, false)]);
  const themeIds = new Set(themes.map((t) => String(t.id)));
  const themeOf = themeLookup(themes);
  const bad: { field: string; key: MessageKey }[] = [];
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (const { record, info } of data) {
    const problem = ((): MessageKey | null => {
      if (record.length !== HEADERS.length) return 'visits.import.columns';
      const [office, m, dim, rawValue, contacts, visitors] = record as [string, string, string, string, string, string];
      if (!officeIds.has(office)) return 'visits.import.office';
      if (!month.test(m)) return 'visits.import.month';
      const dimension = DIMENSIONS[dim.toLocaleLowerCase('fr')];
      if (!dimension) return 'visits.import.dimension';
      if (!wholeNumber.test(contacts) || !wholeNumber.test(visitors)) return 'visits.import.number';
      const value = dimension === 'theme' ? (themeOf.get(rawValue.toLocaleLowerCase('fr')) ?? rawValue) : rawValue;
      const line: TotalLine = { dimension, value, contacts: Number(contacts), visitors: Number(visitors) };
      const p = q.totalLineProblem(line, themeIds);
      if (p) return LINE_KEYS[p];
      const key = [office, m, dimension, value].join('\u0000');
      if (seen.has(key)) return LINE_KEYS.duplicate;
      seen.add(key);
      rows.push({ ...line, officeId: office, month: m });
      return null;
    })();
    if (problem) bad.push({ field: `line.${info.lines}`, key: problem });
  }
  if (bad.length) throw new Problem(400, 'visits.import.invalid', bad.slice(0, VISIT_LIMITS.importErrorsShown));
  const imported = await q.importTotals(app.db, rows, userId);
  return { imported, officeMonths: new Set(rows.map((r) => `${r.officeId} ${r.month}`)).size };
}
