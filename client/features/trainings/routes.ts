import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** Each trainings page is its own chunk, loaded when first opened. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

/** Pages opened from e-mail links: no sign-in needed, and opening them changes nothing. */
export const trainingsPublicRoutes: RouteObject[] = [
  { path: 'formations/offres/:token', lazy: page(() => import('./OfferPage')) },
  { path: 'formations/enquete/:token', lazy: page(() => import('./SurveyPage')) },
];

/** Every signed-in user (partners, staff, admins). */
export const trainingsRoutes: RouteObject[] = [
  { path: 'formations', lazy: page(() => import('./TrainingsPage')) },
  { path: 'formations/sessions/:id', lazy: page(() => import('./SessionPage')) },
  { path: 'formations/mes-formations', lazy: page(() => import('./MyTrainingsPage')) },
];

/** Staff and admins: catalogue, sessions, registrants, attendance. */
export const trainingsOfficeRoutes: RouteObject[] = [
  { path: 'formations/gestion', lazy: page(() => import('./StaffSessionsPage')) },
  { path: 'formations/gestion/catalogue', lazy: page(() => import('./CataloguePage')) },
  { path: 'formations/gestion/catalogue/nouvelle', lazy: page(() => import('./TrainingEditPage')) },
  { path: 'formations/gestion/catalogue/:id', lazy: page(() => import('./TrainingEditPage')) },
  { path: 'formations/gestion/catalogue/:trainingId/nouvelle-session', lazy: page(() => import('./SessionEditPage')) },
  { path: 'formations/gestion/sessions/:id', lazy: page(() => import('./StaffSessionPage')) },
  { path: 'formations/gestion/sessions/:id/modifier', lazy: page(() => import('./SessionEditPage')) },
  { path: 'formations/gestion/sessions/:id/presences', lazy: page(() => import('./AttendancePage')) },
];
