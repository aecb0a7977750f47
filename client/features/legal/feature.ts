import { defineFeature, pageRoutes } from '../feature';

/** Accessibility statement and privacy notice, linked from every page's footer. */
export const legal = defineFeature({
  name: 'legal',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: pageRoutes('legal', {
    public: {
      accessibilite: () => import('./AccessibilityPage'),
      'donnees-personnelles': () => import('./PrivacyPage'),
    },
  }),
});
