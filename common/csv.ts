/**
 * A cell a spreadsheet could read as a formula: one of = + - @ (or their
 * full-width forms ＝＋－＠, which Excel and LibreOffice fold to ASCII), or
 * a tab / carriage return, possibly behind leading whitespace, line breaks or
 * invisible spaces (Excel and Sheets skip them before reading a formula;
 * OWASP "CSV Injection").
 */
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r＝＋－＠]/;
/**
 * The one exception: a plain negative number (`-12`, `-3.5`, `-3,5`, as a
 * number or a string) is data a spreadsheet reads as a number, never as a
 * formula, so it stays untouched (an export of figures keeps its sums).
 * Anything more after the minus (`-2+3`, `-1e3`, `-12 `) is guarded.
 */
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * One CSV cell. A cell that a spreadsheet would read as a formula is prefixed
 * with an apostrophe; cells with the separator, quotes or line breaks, or
 * with whitespace at either end, are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s) && !NEGATIVE_NUMBER.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `;`-separated, UTF-8 with BOM, CRLF: opens cleanly in Excel and LibreOffice set to French. */
export function csvDocument(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
