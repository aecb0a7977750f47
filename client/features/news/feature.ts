import { ROLES } from '../../../common/roles';
import { defineFeature } from '../feature';
import { participationRoutes } from './participation/routes';

/**
 * PLACEHOLDER of news-participation's branch: the news feature's index
 * belongs to news-client. At merge keep theirs and add participation's routes
 * (`participationRoutes`, per access group) and the two nav entries below.
 */
export const news = defineFeature({
  name: 'news',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: participationRoutes,
  nav: [
    { to: '/retours-experience', label: 'nav.newsSheets', roles: ROLES, group: 'main' },
    { to: '/actualites/moderation', label: 'nav.newsModeration', roles: ['staff', 'admin'], group: 'manage' },
  ],
});
