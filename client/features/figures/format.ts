import { saveCsv } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import i18n from 'i18next';

/** « novembre 2026 » / « November 2026 ». */
export function monthLabel(month: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

export const formatPercent = (x: number | null | undefined) => (x == null ? '' : `${formatNumber(x, { maximumFractionDigits: 1 })} %`);
export const formatCount = (x: number | null | undefined) => (x == null ? '' : formatNumber(x, { maximumFractionDigits: 1 }));

// The figures' pages import it from here with their formats.
export { saveCsv };
