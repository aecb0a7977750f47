import { ROLES } from '../../../common/roles';
import { defineFeature, lazyPage, OFFICE_ROLES } from '../feature';
import { participationRoutes } from './participation/routes';

// 'trainings' holds the date pickers' strings (usePickerProps), 'contributions' the library's document labels.
const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['news', 'trainings', 'contributions'], load);

/**
 * Network news (issue 12): feed, post page, network calendar, staff editor and
 * list, categories, mail preferences; participation (./participation/routes.ts):
 * experience sheets and the moderation queue.
 */
export const news = defineFeature({
  name: 'news',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    signedIn: [
      { path: 'actualites', lazy: page(() => import('./FeedPage')) },
      { path: 'actualites/:id', lazy: page(() => import('./PostPage')) },
      { path: 'agenda', lazy: page(() => import('./AgendaPage')) },
      ...participationRoutes.signedIn!,
    ],
    partner: participationRoutes.partner!,
    office: [
      { path: 'actualites/gestion', lazy: page(() => import('./StaffPostsPage')) },
      { path: 'actualites/gestion/nouvelle', lazy: page(() => import('./PostEditPage')) },
      { path: 'actualites/gestion/:id', lazy: page(() => import('./PostEditPage')) },
      { path: 'actualites/gestion/:id/apercu', lazy: page(() => import('./PreviewPage')) },
      ...participationRoutes.office!,
    ],
    admin: [{ path: 'actualites/gestion/categories', lazy: page(() => import('./CategoriesPage')) }],
  },
  nav: [
    { to: '/actualites', label: 'nav.news', roles: ROLES, group: 'main' },
    { to: '/agenda', label: 'nav.agenda', roles: ROLES, group: 'main' },
    { to: '/retours-experience', label: 'nav.newsSheets', roles: ROLES, group: 'main' },
    { to: '/actualites/gestion', label: 'nav.newsManage', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/actualites/moderation', label: 'nav.newsModeration', roles: OFFICE_ROLES, group: 'manage' },
  ],
  home: () => import('./NewsHomeTile'),
});
