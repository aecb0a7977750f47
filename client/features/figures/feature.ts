import { defineFeature, pageRoutes, OFFICE_ROLES } from '../feature';
import { ROLES } from '../../../common/roles';

/** Partners' monthly figures (« Mes chiffres »), the staff's aggregates and the « Observatoire ». */
export const figures = defineFeature({
  name: 'figures',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  // The pages show category names from the accounts catalogue.
  routes: pageRoutes(['figures', 'accounts'], {
    partner: {
      chiffres: () => import('./MyFiguresPage'),
      'chiffres/mois/:month': () => import('./MyFiguresPage'),
    },
    office: { 'chiffres/partenaires': () => import('./StaffFiguresPage') },
    signedIn: {
      observatoire: () => import('./ObservatoirePage'),
      'observatoire/:id': () => import('./EditionPage'),
    },
  }),
  nav: [
    { to: '/chiffres', label: 'nav.figures', roles: ['partner'], group: 'main' },
    { to: '/observatoire', label: 'nav.observatoire', roles: ROLES, group: 'main' },
    { to: '/chiffres/partenaires', label: 'nav.figuresStaff', roles: OFFICE_ROLES, group: 'manage' },
  ],
});
