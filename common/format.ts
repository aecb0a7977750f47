import type { Language } from './accounts';

/**
 * Dates and numbers for people: French first, English second, always in the
 * office's time zone (Europe/Paris) whatever the machine's. Used by the
 * mails, the server's files and the client.
 */
/** The interface languages (common/accounts.ts LANGUAGES). */
export type Locale = Language;

/** The office is in the Cévennes: every date is shown in Paris time. */
export const TIME_ZONE = 'Europe/Paris';

/** The Intl tag of a locale (British English: day before month, 24-hour clock). */
export function intlLocale(locale: Locale): 'fr-FR' | 'en-GB' {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

/** "14 avril 2026 à 09:30" / "14 April 2026 at 09:30". */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(value));
}

/** "mardi 14 avril 2026, 09:30 – 12:30" (a slot over two days shows both days). */
export function formatSlot(slot: { startsAt: Date | string; endsAt: Date | string }, locale: Locale): string {
  const tag = intlLocale(locale);
  const day = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
  const start = new Date(slot.startsAt);
  const end = new Date(slot.endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}` : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1 234,5 in French, 1,234.5 in English (formatters are cached: building one costs more than using it). */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A calendar month written AAAA-MM (2026-03), as routes and CSV files carry it. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
