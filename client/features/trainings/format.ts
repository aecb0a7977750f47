import type { TFunction } from 'i18next';
import { dayjs, formatDate, formatLocale, formatNumber, TIME_ZONE } from '../../lib/format';
import type { Place, RegistrationStatus, SessionStatus } from './types';

function paris(value: string | Date) {
  return dayjs(value).tz(TIME_ZONE).locale(formatLocale());
}

/** "14:30" (fr) / "2:30 PM" (en), Paris time. */
function formatTime(value: string | Date): string {
  return paris(value).format('LT');
}

/** "mar. 3 févr. 2026" — short enough for a card on a 360 px phone. */
function formatShortDay(value: string | Date): string {
  return paris(value).format(formatLocale() === 'fr' ? 'ddd D MMM YYYY' : 'ddd, MMM D, YYYY');
}

/**
 * When a session takes place, in Paris time: "mar. 3 févr. 2026, 09:00 – 12:30"
 * on one day, "3 févr. 2026 – 5 févr. 2026" over several days.
 */
export function formatWhen(startsAt: string, endsAt: string): string {
  const start = paris(startsAt);
  const end = paris(endsAt);
  if (start.isSame(end, 'day')) return `${formatShortDay(startsAt)}, ${formatTime(startsAt)} – ${formatTime(endsAt)}`;
  return `${formatShortDay(startsAt)} – ${formatShortDay(endsAt)}`;
}

/** One slot: "mardi 3 février 2026, 09:00 – 12:30" (or across midnight, both dates). */
export function formatSlot(startsAt: string, endsAt: string): string {
  const start = paris(startsAt);
  const end = paris(endsAt);
  if (start.isSame(end, 'day')) return `${start.format('dddd LL')}, ${formatTime(startsAt)} – ${formatTime(endsAt)}`;
  return `${start.format('dddd LL')} ${formatTime(startsAt)} – ${end.format('dddd LL')} ${formatTime(endsAt)}`;
}

/** "3 février 2026 à 18:00" / "February 3, 2026 at 6:00 PM" */
export function formatDeadline(t: TFunction<'trainings'>, value: string): string {
  return t('common.dateAtTime', { date: formatDate(value), time: formatTime(value) });
}

/** A month filter value "2026-02" shown as "février 2026". */
function formatMonth(month: string): string {
  return dayjs(`${month}-01`).locale(formatLocale()).format('MMMM YYYY');
}

/** The next twelve months (Paris time), for the month filter. */
export function upcomingMonths(count = 12): { value: string; label: string }[] {
  const first = dayjs().tz(TIME_ZONE).startOf('month');
  return Array.from({ length: count }, (_, i) => {
    const value = first.add(i, 'month').format('YYYY-MM');
    const label = formatMonth(value);
    return { value, label: label.charAt(0).toUpperCase() + label.slice(1) };
  });
}

/** Where: the office's name, "address, commune", or "En ligne". */
export function placeLabel(t: TFunction<'trainings'>, place: Place): string {
  if (place.kind === 'online') return t('place.online');
  if (place.kind === 'office') return place.officeName ?? t('place.office');
  return [place.address, place.communeName].filter(Boolean).join(', ');
}

/** "120,00 €" / "€120.00"; null means not priced (free or not stated). */
export function formatPrice(cents: number | null): string | null {
  if (cents === null) return null;
  return formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });
}

/** 90 -> "1 h 30", 420 -> "7 h", 45 -> "45 min". */
export function formatDuration(t: TFunction<'trainings'>, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { count: rest });
  if (rest === 0) return t('duration.hours', { count: hours });
  return t('duration.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}

/** Paris wall-clock time for @mantine/dates ("YYYY-MM-DD HH:mm:ss") from an ISO instant. */
export function toParisInput(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');
}

/** The instant (ISO 8601 with the Paris offset) of a wall-clock time typed in Paris. */
export function fromParisInput(value: string): string {
  return dayjs.tz(value, TIME_ZONE).format();
}

export const STATUS_COLORS: Record<SessionStatus, string> = {
  draft: 'gray',
  open: 'cevennes',
  closed: 'ochre',
  cancelled: 'red',
  done: 'stone',
};

export const REGISTRATION_COLORS: Record<RegistrationStatus, string> = {
  confirmed: 'cevennes',
  offered: 'ochre',
  waiting: 'ochre',
  cancelled: 'gray',
  declined: 'gray',
  expired: 'gray',
};

/** Whether the partner may still cancel a confirmed seat themselves (the server checks it too). */
export function beforeDeadline(signupDeadline: string): boolean {
  return dayjs().isBefore(dayjs(signupDeadline));
}
