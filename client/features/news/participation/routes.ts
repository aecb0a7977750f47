import type { RouteObject } from 'react-router';
import { lazyPage } from '../../feature';
import type { Access } from '../../feature';

const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['news'], load);

/**
 * Routes of news participation (comments are part of the post page: PostComments).
 * Spread into the news feature's `routes` (client/features/news/feature.ts, news-client's).
 */
export const participationRoutes: Partial<Record<Access, RouteObject[]>> = {
  signedIn: [
    { path: 'retours-experience', lazy: page(() => import('./SheetsPage')) },
    { path: 'retours-experience/:id', lazy: page(() => import('./SheetPage')) },
  ],
  partner: [
    { path: 'retours-experience/proposer', lazy: page(() => import('./SheetFormPage')) },
    { path: 'retours-experience/:id/modifier', lazy: page(() => import('./SheetFormPage')) },
  ],
  office: [{ path: 'actualites/moderation', lazy: page(() => import('./ModerationPage')) }],
};
