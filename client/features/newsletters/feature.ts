import { ROLES } from '../../../common/roles';
import { QUEUE_BOARD_PATH } from '../../../common/queues';
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
      { path: 'newsletters/campaigns', lazy: page(() => import('./CampaignsPage')) },
      { path: 'newsletters/campaigns/new', lazy: page(() => import('./CampaignFormPage')) },
      { path: 'newsletters/campaigns/:id', lazy: page(() => import('./CampaignPage')) },
      { path: 'lettres/themes', lazy: page(() => import('./TopicsPage')) },
      { path: 'lettres/liste-de-suppression', lazy: page(() => import('./SuppressionsPage')) },
    ],
  },
  nav: [
    { to: '/newsletters/preferences', label: 'nav.myNewsletters', roles: ROLES, group: 'main' },
    { to: '/newsletters/campaigns', label: 'nav.newsletters', roles: ['admin'], group: 'manage' },
    { to: '/lettres/themes', label: 'nav.newsletterTopics', roles: ['admin'], group: 'manage' },
    { to: '/lettres/liste-de-suppression', label: 'nav.suppressions', roles: ['admin'], group: 'manage' },
    // Served by the api (Bull Board), not by the client's router: a full page load.
    { to: QUEUE_BOARD_PATH, label: 'nav.queues', roles: ['admin'], group: 'manage', external: true },
  ],
});
