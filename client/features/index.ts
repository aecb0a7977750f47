import { addNamespaces } from '../i18n';
import type commonCatalogue from '../locales/fr.json';
import { accounts } from './accounts/feature';
import { documents } from './documents/feature';
import { contributions } from './documents/contributions/feature';
import { legal } from './legal/feature';
import { news } from './news/feature';
import { trainings } from './trainings/feature';
import { figures } from './figures/feature';
import { newsletters } from './newsletters/feature';
import { visits } from './visits/feature';

/**
 * The client's features, in the order of the navigation and of the home page's tiles.
 * Adding a feature = its folder (pages, `api.ts`, `locales/{fr,en}.json`, `feature.ts`) + one line here;
 * the router, the navigation, the home page and the i18n namespaces are built from this list.
 */
export const features = [
  accounts,
  news,
  trainings,
  documents,
  contributions,
  figures,
  newsletters,
  visits,
  legal,
] as const;

addNamespaces(features);

type Catalogues = { [F in (typeof features)[number] as F['name']]: Awaited<ReturnType<F['catalogue']['fr']>>['default'] };

/**
 * One i18n namespace per feature plus `common`. A feature's pages call `useTranslation('<feature>')`;
 * keys missing there are looked up in `common`, so `t('common.save')` works everywhere.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: 'common';
    resources: { common: typeof commonCatalogue } & Catalogues;
  }
}
