/**
 * One CSV cell. A cell that a spreadsheet would read as a formula (= + - @,
 * and tab / carriage return which some treat the same) is prefixed with an
 * apostrophe; cells with the separator, quotes or line breaks are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `;`-separated, UTF-8 with BOM, CRLF: opens cleanly in Excel and LibreOffice set to French. */
export function csvDocument(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
