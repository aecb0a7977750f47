import { defineFeature, lazyPage, OFFICE_ROLES } from '../../feature';

const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['contributions', 'documents'], load);

/** Partner contributions to the library: « Proposer un document », « Mes propositions », and the staff queue « Propositions ». */
export const contributions = defineFeature({
  name: 'contributions',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    partner: [
      { path: 'documents/proposer', lazy: page(() => import('./ProposePage')) },
      { path: 'documents/mes-propositions', lazy: page(() => import('./MyProposalsPage')) },
    ],
    office: [{ path: 'documents/propositions', lazy: page(() => import('./QueuePage')) }],
  },
  nav: [
    { to: '/documents/mes-propositions', label: 'nav.myContributions', roles: ['partner'], group: 'main' },
    { to: '/documents/propositions', label: 'nav.contributions', roles: OFFICE_ROLES, group: 'manage' },
  ],
});
