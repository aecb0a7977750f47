import { ROLES } from '../../../common/roles';
import { QUEUE_BOARD_PATH } from '../../../common/queues';
import { defineFeature, pageRoutes } from '../feature';

/**
 * Newsletters, under French paths like every feature: admins' campaigns and
 * composer, everyone's letter preferences and the archive, the public
 * unsubscribe page. The unsubscribe link of sent mails is the api's
 * (/api/newsletters/unsubscribe/…, unchanged, it redirects here); their
 * preferences link was /newsletters/preferences: kept as a redirect.
 */
export const newsletters = defineFeature({
  name: 'newsletters',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  // The audience picker's labels come from the accounts catalogue; the rich-text editor's from trainings.
  routes: pageRoutes(['newsletters', 'accounts', 'trainings'], {
    public: {
      'lettres/desinscription/:token': () => import('./UnsubscribePage'),
      'newsletters/preferences': () => import('./OldPathRedirect'),
    },
    signedIn: {
      lettres: () => import('./ArchivePage'),
      'lettres/preferences': () => import('./PreferencesPage'),
      'lettres/archives': () => import('./ArchivePage'),
      'lettres/archives/:id': () => import('./ArchiveLetterPage'),
    },
    admin: {
      'lettres/segments': () => import('./segments/SegmentsPage'),
      'lettres/segments/nouveau': () => import('./segments/SegmentEditorPage'),
      'lettres/segments/:id': () => import('./segments/SegmentEditorPage'),
      'lettres/campagnes': () => import('./CampaignsPage'),
      'lettres/campagnes/nouvelle': () => import('./CampaignFormPage'),
      'lettres/campagnes/:id': () => import('./CampaignPage'),
      'lettres/campagnes/:id/modifier': () => import('./CampaignFormPage'),
      'lettres/themes': () => import('./TopicsPage'),
      'lettres/liste-de-suppression': () => import('./SuppressionsPage'),
    },
  }),
  nav: [
    { to: '/lettres/preferences', label: 'nav.myNewsletters', roles: ROLES, group: 'main' },
    { to: '/lettres/campagnes', label: 'nav.newsletters', roles: ['admin'], group: 'manage' },
    { to: '/lettres/segments', label: 'nav.newsletterSegments', roles: ['admin'], group: 'manage' },
    { to: '/lettres/themes', label: 'nav.newsletterTopics', roles: ['admin'], group: 'manage' },
    { to: '/lettres/liste-de-suppression', label: 'nav.suppressions', roles: ['admin'], group: 'manage' },
    // Served by the api (Bull Board), not by the client's router: a full page load.
    { to: QUEUE_BOARD_PATH, label: 'nav.queues', roles: ['admin'], group: 'manage', external: true },
  ],
});
