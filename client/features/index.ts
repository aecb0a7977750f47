import { accounts } from './accounts/feature';
import { legal } from './legal/feature';
import { trainings } from './trainings/feature';

/**
 * The client's features, in the order of the navigation and of the home page's tiles.
 * Adding a feature = its folder (pages, `api.ts`, `locales/{fr,en}.json`, `feature.ts`) + one line here;
 * the router, the navigation, the home page and the i18n namespaces are built from this list.
 */
export const features = [
  accounts,
  trainings,
  legal,
] as const;
