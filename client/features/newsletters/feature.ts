import { ROLES } from '../../../common/roles';
import { defineFeature, pageRoutes } from '../feature';

/** Newsletters: admins' campaigns (list, new, follow-up), everyone's letter preferences, the public unsubscribe page. */
export const newsletters = defineFeature({
  name: 'newsletters',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  // The audience picker's labels come from the accounts catalogue; the rich-text editor's from trainings.
  routes: pageRoutes(['newsletters', 'accounts', 'trainings'], {
    public: { 'newsletters/unsubscribe/:token': () => import('./UnsubscribePage') },
    signedIn: { 'newsletters/preferences': () => import('./PreferencesPage') },
    admin: {
      'newsletters/campaigns': () => import('./CampaignsPage'),
      'newsletters/campaigns/new': () => import('./CampaignFormPage'),
      'newsletters/campaigns/:id': () => import('./CampaignPage'),
    },
  }),
  nav: [
    { to: '/newsletters/preferences', label: 'nav.myNewsletters', roles: ROLES, group: 'main' },
    { to: '/newsletters/campaigns', label: 'nav.newsletters', roles: ['admin'], group: 'manage' },
  ],
});
