import { defineFeature, lazyPage } from '../feature';

const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage('legal', load);

/** Accessibility statement and privacy notice, linked from every page's footer. */
export const legal = defineFeature({
  name: 'legal',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    public: [
      { path: 'accessibilite', lazy: page(() => import('./AccessibilityPage')) },
      { path: 'donnees-personnelles', lazy: page(() => import('./PrivacyPage')) },
    ],
  },
});
