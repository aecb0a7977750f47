import { defineFeature, pageRoutes, OFFICE_ROLES } from '../../feature';

/** Partner contributions to the library: « Proposer un document », « Mes propositions », and the staff queue « Propositions ». */
export const contributions = defineFeature({
  name: 'contributions',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: pageRoutes(['contributions', 'documents'], {
    partner: {
      'documents/proposer': () => import('./ProposePage'),
      'documents/mes-propositions': () => import('./MyProposalsPage'),
    },
    office: { 'documents/propositions': () => import('./QueuePage') },
  }),
  nav: [
    { to: '/documents/mes-propositions', covers: ['/documents/proposer'], label: 'nav.myContributions', roles: ['partner'], group: 'main' },
    { to: '/documents/propositions', label: 'nav.contributions', roles: OFFICE_ROLES, group: 'manage' },
  ],
});
