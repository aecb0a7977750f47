import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../common/csv';

/**
 * The CSV formula guard (issue 9, item 13): a cell that a spreadsheet could
 * read as a formula gets a leading apostrophe, including when the formula
 * character hides behind whitespace or a line break, or is a full-width form.
 * A plain negative number (`-12`, `-3,5`) is data and stays a number.
 */
/** The text a spreadsheet reads from one cell (quotes taken off). */
const text = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('CSV formula guard', () => {
  // Leading characters Excel, LibreOffice or Google Sheets may skip before reading a formula.
  const leads = [' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u3000', '\u200b', ' \n '];
  const triggers = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

  it.each(triggers)('neutralises a cell starting with %j', (t) => {
    const value = `${t}HYPERLINK("http://evil.test","x")`;
    expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
    expect(text(csvCell(value))).toBe(`'${value}`);
  });

  for (const lead of leads) {
    it.each(triggers)(`neutralises %j behind ${JSON.stringify(lead)}`, (t) => {
      const value = `${lead}${t}1+1`;
      const cell = csvCell(value);
      // The apostrophe comes first; a line break keeps the cell quoted.
      expect(text(cell)).toBe(`'${value}`);
      expect(cell.startsWith('"')).toBe(/[\r\n]/.test(value));
    });
  }

  it('neutralises a cell starting with a tab or carriage return', () => {
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell('\tplain')).toBe(`'\tplain`);
    expect(csvCell('\rplain')).toBe(`"'\rplain"`);
  });

  it('leaves plain negative numbers as numbers: -12 is data, not a formula', () => {
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('-3,5')).toBe('-3,5');
    expect(csvCell(0)).toBe('0');
    // Anything more than a number after the minus is guarded.
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    expect(csvCell('-12 ')).toBe(`"'-12 "`);
    expect(csvCell('-1e3')).toBe(`'-1e3`);
    expect(csvCell(' -12')).toBe(`' -12`);
  });

  it('leaves ordinary text untouched', () => {
    for (const s of ['Gîte des Cévennes', 'a=b', 'x@y.fr', '06 12 34 56 78', 'Liste d’attente', '12', '3,5']) {
      expect(csvCell(s)).toBe(s);
    }
    expect(csvCell(' leading')).toBe('" leading"');
    expect(csvCell('Zoé; "la" Cévenole')).toBe('"Zoé; ""la"" Cévenole"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('a whole document: BOM, separators, every guarded cell', () => {
    const doc = csvDocument([['Nom', 'Montant'], [' =1+1', -12], ['＠SUM(A1)', '\n+1']]);
    expect(doc).toBe(`\uFEFFNom;Montant\r\n' =1+1;-12\r\n'＠SUM(A1);"'\n+1"\r\n`);
  });
});
