import { formatLocale, formatNumber } from '../../lib/format';

/** A file size as people read it: « 1,4 Mo » / "1.4 MB" (the unit word follows the language). */
export function formatBytes(bytes: number): string {
  const fr = formatLocale() === 'fr';
  const units = fr ? ['octets', 'Ko', 'Mo', 'Go'] : ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, { maximumFractionDigits: unit === 0 ? 0 : 1 })}\u00a0${units[unit]}`;
}

/** A document's title from a file's name: without its extension, separators read as spaces. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (base || name).slice(0, 200);
}
