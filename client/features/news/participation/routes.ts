import { pageRoutes } from '../../feature';

/**
 * Routes of news participation (comments are part of the post page: PostComments).
 * Joined to the news feature's `routes` (client/features/news/feature.ts); these pages need only the news strings.
 */
export const participationRoutes = pageRoutes(['news'], {
  signedIn: {
    'retours-experience': () => import('./SheetsPage'),
    'retours-experience/:id': () => import('./SheetPage'),
  },
  partner: {
    'retours-experience/proposer': () => import('./SheetFormPage'),
    'retours-experience/:id/modifier': () => import('./SheetFormPage'),
  },
  office: { 'actualites/moderation': () => import('./ModerationPage') },
});
