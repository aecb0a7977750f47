import { defineFeature, pageRoutes, OFFICE_ROLES } from '../feature';

/** Accounts: log-in and passwords, profile, establishments, users, and the administrators' outbox. */
export const accounts = defineFeature({
  name: 'accounts',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: pageRoutes('accounts', {
    visitors: { connexion: () => import('./LoginPage') },
    public: {
      'mot-de-passe-oublie': () => import('./ForgotPasswordPage'),
      'reinitialiser/:token': () => import('./ResetPasswordPage'),
      'invitation/:token': () => import('./InvitationPage'),
    },
    signedIn: { profil: () => import('./profile/ProfilePage') },
    partner: { 'mon-etablissement': () => import('./MyEstablishmentPage') },
    office: {
      etablissements: () => import('./EstablishmentsPage'),
      'etablissements/nouveau': () => import('./EstablishmentEditPage'),
      'etablissements/:id': () => import('./EstablishmentEditPage'),
      utilisateurs: () => import('./UsersPage'),
      'utilisateurs/inviter': () => import('./InviteUserPage'),
    },
    admin: {
      'boite-d-envoi': () => import('./OutboxPage'),
      'boite-d-envoi/:id': () => import('./OutboxMessagePage'),
    },
  }),
  nav: [
    { to: '/mon-etablissement', label: 'nav.myEstablishment', roles: ['partner'], group: 'main' },
    { to: '/etablissements', label: 'nav.establishments', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/utilisateurs', label: 'nav.users', roles: OFFICE_ROLES, group: 'manage' },
    { to: '/boite-d-envoi', label: 'nav.outbox', roles: ['admin'], group: 'manage' },
  ],
  home: () => import('./HomeTiles'),
});
