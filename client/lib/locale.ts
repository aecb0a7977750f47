import type { Language } from '../../common/accounts';

/**
 * The interface language as the formatting helpers see it. Kept apart from
 * format.ts so that dayjs is loaded only by pages that show dates.
 */
let current: Language = 'fr';

export function setFormatLocale(language: string): void {
  current = language === 'en' ? 'en' : 'fr';
}

export function formatLocale(): Language {
  return current;
}
