import { defineFeature, lazyPage, OFFICE_ROLES } from '../feature';
import { ROLES } from '../../../common/roles';

// The pages show category names from the accounts catalogue.
const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['figures', 'accounts'], load);

/** Partners' monthly figures (« Mes chiffres »), the staff's aggregates and the « Observatoire ». */
export const figures = defineFeature({
  name: 'figures',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    partner: [
      { path: 'chiffres', lazy: page(() => import('./MyFiguresPage')) },
      { path: 'chiffres/mois/:month', lazy: page(() => import('./MyFiguresPage')) },
    ],
    office: [{ path: 'chiffres/partenaires', lazy: page(() => import('./StaffFiguresPage')) }],
    signedIn: [
      { path: 'observatoire', lazy: page(() => import('./ObservatoirePage')) },
      { path: 'observatoire/:id', lazy: page(() => import('./EditionPage')) },
    ],
  },
  nav: [
    { to: '/chiffres', label: 'nav.figures', roles: ['partner'], group: 'main' },
    { to: '/observatoire', label: 'nav.observatoire', roles: ROLES, group: 'main' },
    { to: '/chiffres/partenaires', label: 'nav.figuresStaff', roles: OFFICE_ROLES, group: 'manage' },
  ],
});
