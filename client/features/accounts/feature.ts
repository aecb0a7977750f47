import { defineFeature, lazyPage, OFFICE_ROLES } from '../feature';

const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage('accounts', load);

/** Accounts: log-in and passwords, profile, establishments, users, and the administrators' outbox. */
export const accounts = defineFeature({
  name: 'accounts',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    visitors: [{ path: 'connexion', lazy: page(() => import('./LoginPage')) }],
    public: [
      { path: 'mot-de-passe-oublie', lazy: page(() => import('./ForgotPasswordPage')) },
      { path: 'reinitialiser/:token', lazy: page(() => import('./ResetPasswordPage')) },
      { path: 'invitation/:token', lazy: page(() => import('./InvitationPage')) },
    ],
    signedIn: [{ path: 'profil', lazy: page(() => import('./ProfilePage')) }],
    partner: [{ path: 'mon-etablissement', lazy: page(() => import('./MyEstablishmentPage')) }],
    office: [
      { path: 'etablissements', lazy: page(() => import('./EstablishmentsPage')) },
      { path: 'etablissements/nouveau', lazy: page(() => import('./EstablishmentEditPage')) },
      { path: 'etablissements/:id', lazy: page(() => import('./EstablishmentEditPage')) },
      { path: 'utilisateurs', lazy: page(() => import('./UsersPage')) },
      { path: 'utilisateurs/inviter', lazy: page(() => import('./InviteUserPage')) },
    ],
    admin: [
      { path: 'boite-d-envoi', lazy: page(() => import('./OutboxPage')) },
      { path: 'boite-d-envoi/:id', lazy: page(() => import('./OutboxMessagePage')) },
    ],
  },
  nav: [
    { to: '/mon-etablissement', label: 'nav.myEstablishment', roles: ['partner'], group: 'main' },
    { to: '/etablissements', label: 'nav.establishments', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/utilisateurs', label: 'nav.users', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/boite-d-envoi', label: 'nav.outbox', roles: ['admin'], group: 'manage' },
  ],
  home: () => import('./HomeTiles'),
});
