import { ROLES } from '../../../common/roles';
import { defineFeature, lazyPage } from '../feature';

// The audience picker's labels come from the accounts catalogue; the rich-text editor's from trainings.
const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['newsletters', 'accounts', 'trainings'], load);

/** Newsletters: admins' campaigns (list, new, follow-up), everyone's letter preferences, the public unsubscribe page. */
export const newsletters = defineFeature({
  name: 'newsletters',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    public: [{ path: 'newsletters/unsubscribe/:token', lazy: page(() => import('./UnsubscribePage')) }],
    signedIn: [{ path: 'newsletters/preferences', lazy: page(() => import('./PreferencesPage')) }],
    admin: [
      { path: 'newsletters/segments', lazy: page(() => import('./segments/SegmentsPage')) },
      { path: 'newsletters/segments/new', lazy: page(() => import('./segments/SegmentEditorPage')) },
      { path: 'newsletters/segments/:id', lazy: page(() => import('./segments/SegmentEditorPage')) },
      { path: 'newsletters/campaigns', lazy: page(() => import('./CampaignsPage')) },
      { path: 'newsletters/campaigns/new', lazy: page(() => import('./CampaignFormPage')) },
      { path: 'newsletters/campaigns/:id', lazy: page(() => import('./CampaignPage')) },
    ],
  },
  nav: [
    { to: '/newsletters/preferences', label: 'nav.myNewsletters', roles: ROLES, group: 'main' },
    { to: '/newsletters/campaigns', label: 'nav.newsletters', roles: ['admin'], group: 'manage' },
    { to: '/newsletters/segments', label: 'nav.newsletterSegments', roles: ['admin'], group: 'manage' },
  ],
});
