import { csvDocument } from '../../common/csv';
import { apiResponse } from './api';

/**
 * Saves a file from the api through the same refresh-on-401 path as JSON
 * calls (a plain link would fail once the 15-minute access cookie expired),
 * named as the server's Content-Disposition says, else `fallbackName`.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await apiResponse(path);
  if (!res) return;
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  saveBlob(blob, star ? decodeURIComponent(star) : (plain ?? fallbackName));
}

/** Hands a file made in the page (a CSV of a table) to the browser's download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves rows as a CSV file (common/csv.ts: `;`, UTF-8 with BOM, formulas guarded). */
export function saveCsv(name: string, rows: (string | number | null | undefined)[][]): void {
  saveBlob(new Blob([csvDocument(rows)], { type: 'text/csv;charset=utf-8' }), name);
}
