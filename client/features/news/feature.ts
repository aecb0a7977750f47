import { ROLES } from '../../../common/roles';
import { defineFeature, joinRoutes, pageRoutes, OFFICE_ROLES } from '../feature';
import { participationRoutes } from './participation/routes';

/**
 * Network news (issue 12): feed, post page, network calendar, staff editor and
 * list, categories, mail preferences; participation (./participation/routes.ts):
 * experience sheets and the moderation queue.
 */
export const news = defineFeature({
  name: 'news',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  // 'trainings' holds the date pickers' strings (usePickerProps), 'contributions' the library's document labels.
  routes: joinRoutes(
    pageRoutes(['news', 'trainings', 'contributions'], {
      signedIn: {
        actualites: () => import('./FeedPage'),
        'actualites/:id': () => import('./PostPage'),
        agenda: () => import('./AgendaPage'),
      },
      office: {
        'actualites/gestion': () => import('./StaffPostsPage'),
        'actualites/gestion/nouvelle': () => import('./PostEditPage'),
        'actualites/gestion/:id': () => import('./PostEditPage'),
        'actualites/gestion/:id/apercu': () => import('./PreviewPage'),
      },
      admin: { 'actualites/gestion/categories': () => import('./CategoriesPage') },
    }),
    participationRoutes,
  ),
  nav: [
    { to: '/actualites', label: 'nav.news', roles: ROLES, group: 'main' },
    { to: '/agenda', label: 'nav.agenda', roles: ROLES, group: 'main' },
    { to: '/retours-experience', label: 'nav.newsSheets', roles: ROLES, group: 'main' },
    { to: '/actualites/gestion', label: 'nav.newsManage', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/actualites/moderation', label: 'nav.newsModeration', roles: OFFICE_ROLES, group: 'manage' },
  ],
  home: () => import('./NewsHomeTile'),
});
