import { useTranslation } from 'react-i18next';
import type accountsFr from './locales/fr.json';

type CategoryId = keyof (typeof accountsFr)['reference']['categories'];
type SubcategoryId = keyof (typeof accountsFr)['reference']['subcategories'];

/**
 * Reference data (establishment categories and sub-categories) carries a label in each language:
 * the server's lists give the ids, the catalogue gives the words. An id the catalogue does not know
 * yet (added to the reference data first) shows the reference label.
 */
export function useReferenceLabels() {
  const { t, i18n } = useTranslation('accounts');
  return {
    category: (id: string, fallback?: string): string =>
      i18n.exists(`accounts:reference.categories.${id}`) ? t(`reference.categories.${id as CategoryId}`) : (fallback ?? id),
    subcategory: (id: string, fallback?: string): string =>
      i18n.exists(`accounts:reference.subcategories.${id}`) ? t(`reference.subcategories.${id as SubcategoryId}`) : (fallback ?? id),
  };
}
