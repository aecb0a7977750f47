import { defineFeature, pageRoutes, OFFICE_ROLES } from '../feature';

/** Office visitor counts (staff): the counter, bulk totals and CSV import, the dashboard with its charts (its own chunk: recharts is heavy). */
export const visits = defineFeature({
  name: 'visits',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: pageRoutes('visits', {
    office: {
      frequentation: () => import('./DashboardPage'),
      'frequentation/comptoir': () => import('./CounterPage'),
      'frequentation/saisie': () => import('./BulkPage'),
    },
  }),
  nav: [
    { to: '/frequentation/comptoir', label: 'nav.visitsCounter', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/frequentation', label: 'nav.visits', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/frequentation/saisie', label: 'nav.visitsBulk', roles: OFFICE_ROLES, group: 'manage' },
  ],
});
