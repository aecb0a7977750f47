import { intlLocale, type Locale } from '../../common/format';
import { VISIT_LIMITS } from '../../common/limits';
import texts from './visits.json';

type Limit = keyof typeof VISIT_LIMITS;

/** `{name}` in a text stands for VISIT_LIMITS[name], written in the text's language; an unknown name fails at start-up. */
function withLimits<K extends string>(catalogue: Record<K, Record<Locale, string>>): Record<K, Record<Locale, string>> {
  const fill = (text: string, locale: Locale) => text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in VISIT_LIMITS)) throw new Error(`server/messages/visits.json: unknown limit {${name}}`);
    return VISIT_LIMITS[name as Limit].toLocaleString(intlLocale(locale));
  });
  const entries = Object.entries<Record<Locale, string>>(catalogue).map(([key, { fr, en }]) => [key, { fr: fill(fr, 'fr'), en: fill(en, 'en') }]);
  return Object.fromEntries(entries) as Record<K, Record<Locale, string>>;
}

/** Office visitor counts. */
export const visitsMessages = withLimits(texts);
