/**
 * The interface language as the formatting helpers see it. Kept apart from
 * format.ts so that dayjs is loaded only by pages that show dates.
 */
let current: 'fr' | 'en' = 'fr';

export function setFormatLocale(language: string): void {
  current = language === 'en' ? 'en' : 'fr';
}

export function formatLocale(): 'fr' | 'en' {
  return current;
}
