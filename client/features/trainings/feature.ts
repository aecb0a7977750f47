import { ROLES } from '../../../common/roles';
import { defineFeature, lazyPage } from '../feature';

// 'contributions' holds the strings of the library documents shown on training pages (LibraryDocuments.tsx).
const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['trainings', 'contributions'], load);

/** Trainings: catalogue, sessions, sign-ups, offers, attendance and surveys. Each page is its own chunk. */
export const trainings = defineFeature({
  name: 'trainings',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    // Opened from e-mail links: no sign-in needed, and opening them changes nothing.
    public: [
      { path: 'formations/offres/:token', lazy: page(() => import('./OfferPage')) },
      { path: 'formations/enquete/:token', lazy: page(() => import('./SurveyPage')) },
    ],
    signedIn: [
      { path: 'formations', lazy: page(() => import('./TrainingsPage')) },
      { path: 'formations/sessions/:id', lazy: page(() => import('./SessionPage')) },
      { path: 'formations/mes-formations', lazy: page(() => import('./MyTrainingsPage')) },
    ],
    office: [
      { path: 'formations/gestion', lazy: page(() => import('./StaffSessionsPage')) },
      { path: 'formations/gestion/catalogue', lazy: page(() => import('./CataloguePage')) },
      { path: 'formations/gestion/catalogue/nouvelle', lazy: page(() => import('./TrainingEditPage')) },
      { path: 'formations/gestion/catalogue/:id', lazy: page(() => import('./TrainingEditPage')) },
      { path: 'formations/gestion/catalogue/:trainingId/nouvelle-session', lazy: page(() => import('./SessionEditPage')) },
      { path: 'formations/gestion/sessions/:id', lazy: page(() => import('./StaffSessionPage')) },
      { path: 'formations/gestion/sessions/:id/modifier', lazy: page(() => import('./SessionEditPage')) },
      { path: 'formations/gestion/sessions/:id/presences', lazy: page(() => import('./AttendancePage')) },
    ],
  },
  nav: [{ to: '/formations', label: 'nav.trainings', roles: ROLES, group: 'main' }],
  home: () => import('./NextTrainingsCard'),
});
