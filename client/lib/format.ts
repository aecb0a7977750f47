import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
import { formatNumber as formatNumberIn, TIME_ZONE } from '../../common/format';
import { formatLocale } from './locale';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(localizedFormat);

/** The office is in the Cévennes: every date is shown in Paris time, whatever the browser's zone. */
export { TIME_ZONE };

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

/** 1 234,5 in French, 1,234.5 in English. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return formatNumberIn(value, formatLocale(), options);
}

export { dayjs, formatLocale };
