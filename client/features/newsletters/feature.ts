import { ROLES } from '../../../common/roles';
import { defineFeature, lazyPage } from '../feature';

// The audience picker's labels come from the accounts catalogue; the rich-text editor's from trainings.
const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['newsletters', 'accounts', 'trainings'], load);

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
  routes: {
    public: [
      { path: 'lettres/desinscription/:token', lazy: page(() => import('./UnsubscribePage')) },
      { path: 'newsletters/preferences', lazy: page(() => import('./OldPathRedirect')) },
    ],
    signedIn: [
      { path: 'lettres', lazy: page(() => import('./ArchivePage')) },
      { path: 'lettres/preferences', lazy: page(() => import('./PreferencesPage')) },
      { path: 'lettres/archives', lazy: page(() => import('./ArchivePage')) },
      { path: 'lettres/archives/:id', lazy: page(() => import('./ArchiveLetterPage')) },
    ],
    admin: [
      { path: 'lettres/segments', lazy: page(() => import('./segments/SegmentsPage')) },
      { path: 'lettres/segments/nouveau', lazy: page(() => import('./segments/SegmentEditorPage')) },
      { path: 'lettres/segments/:id', lazy: page(() => import('./segments/SegmentEditorPage')) },
      { path: 'lettres/campagnes', lazy: page(() => import('./CampaignsPage')) },
      { path: 'lettres/campagnes/nouvelle', lazy: page(() => import('./CampaignFormPage')) },
      { path: 'lettres/campagnes/:id', lazy: page(() => import('./CampaignPage')) },
      { path: 'lettres/campagnes/:id/modifier', lazy: page(() => import('./CampaignFormPage')) },
    ],
  },
  nav: [
    { to: '/lettres/preferences', label: 'nav.myNewsletters', roles: ROLES, group: 'main' },
    { to: '/lettres/campagnes', label: 'nav.newsletters', roles: ['admin'], group: 'manage' },
    { to: '/lettres/segments', label: 'nav.newsletterSegments', roles: ['admin'], group: 'manage' },
  ],
});
