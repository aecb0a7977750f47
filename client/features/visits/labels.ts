import { useTranslation } from 'react-i18next';
import { languageName, originName } from '../../../common/visits';
import type { Theme } from './api';

/** Names of origins, languages and themes in the interface's language. */
export function useVisitLabels() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'fr';
  return {
    locale,
    origin: (code: string) => originName(code, locale),
    language: (code: string) => languageName(code, locale),
    theme: (t: Pick<Theme, 'labelFr' | 'labelEn'>) => (locale === 'en' ? t.labelEn : t.labelFr),
  };
}
