import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
import { formatLocale } from './locale';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

/** The office is in the Cévennes: every date is shown in Paris time, whatever the browser's zone. */
export const TIME_ZONE = 'Europe/Paris';

function inParis(value: string | number | Date) {
  return dayjs(value).tz(TIME_ZONE).locale(formatLocale());
}

/** "26 novembre 2025" / "November 26, 2025" */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return inParis(value).format('LL');
}

/** "26 nov. 2025 14:05" / "Nov 26, 2025 2:05 PM" */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return inParis(value).format('lll');
}

/** "mercredi 26 novembre 2025" */
export function formatLongDate(value: string | number | Date): string {
  return inParis(value).format('dddd LL');
}

/** "il y a 3 jours" / "3 days ago" */
export function formatRelative(value: string | number | Date): string {
  return inParis(value).fromNow();
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1 234,5 in French, 1,234.5 in English. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const locale = formatLocale();
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export { dayjs, formatLocale };
