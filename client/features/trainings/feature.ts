import { ROLES } from '../../../common/roles';
import { defineFeature, pageRoutes } from '../feature';

/** Trainings: catalogue, sessions, sign-ups, offers, attendance and surveys. Each page is its own chunk. */
export const trainings = defineFeature({
  name: 'trainings',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  // 'contributions' holds the strings of the library documents shown on training pages (LibraryDocuments.tsx).
  routes: pageRoutes(['trainings', 'contributions'], {
    // Opened from e-mail links: no sign-in needed, and opening them changes nothing.
    public: {
      'formations/offres/:token': () => import('./OfferPage'),
      'formations/enquete/:token': () => import('./SurveyPage'),
    },
    signedIn: {
      formations: () => import('./TrainingsPage'),
      'formations/sessions/:id': () => import('./SessionPage'),
      'formations/mes-formations': () => import('./MyTrainingsPage'),
    },
    office: {
      'formations/gestion': () => import('./StaffSessionsPage'),
      'formations/gestion/catalogue': () => import('./CataloguePage'),
      'formations/gestion/catalogue/nouvelle': () => import('./TrainingEditPage'),
      'formations/gestion/catalogue/:id': () => import('./TrainingEditPage'),
      'formations/gestion/catalogue/:trainingId/nouvelle-session': () => import('./SessionEditPage'),
      'formations/gestion/sessions/:id': () => import('./StaffSessionPage'),
      'formations/gestion/sessions/:id/modifier': () => import('./SessionEditPage'),
      'formations/gestion/sessions/:id/presences': () => import('./AttendancePage'),
    },
  }),
  nav: [{ to: '/formations', label: 'nav.trainings', roles: ROLES, group: 'main' }],
  home: () => import('./NextTrainingsCard'),
});
