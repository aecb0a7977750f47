import { defineFeature, lazyPage, OFFICE_ROLES } from '../feature';

const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage('visits', load);

/** Office visitor counts (staff): the counter, bulk totals and CSV import, the dashboard with its charts (its own chunk: recharts is heavy). */
export const visits = defineFeature({
  name: 'visits',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    office: [
      { path: 'frequentation', lazy: page(() => import('./DashboardPage')) },
      { path: 'frequentation/comptoir', lazy: page(() => import('./CounterPage')) },
      { path: 'frequentation/saisie', lazy: page(() => import('./BulkPage')) },
    ],
  },
  nav: [
    { to: '/frequentation/comptoir', label: 'nav.visitsCounter', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/frequentation', label: 'nav.visits', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/frequentation/saisie', label: 'nav.visitsBulk', roles: OFFICE_ROLES, group: 'manage' },
  ],
});
