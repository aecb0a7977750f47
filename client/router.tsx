import { Center, Loader } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import {
  DocumentsComingSoon, NewsComingSoon, NewslettersComingSoon, StatisticsComingSoon,
} from './components/ComingSoonPage';
import { NotFoundPage, RootErrorPage, RouteErrorPage } from './components/ErrorPages';
import { PublicOnly, RequireAuth, RequireRole } from './components/guards';
import { ShellLayout } from './components/Shell';
import { trainingsOfficeRoutes, trainingsPublicRoutes, trainingsRoutes } from './features/trainings/routes';

/** Each page's code is loaded when the page is first opened (the log-in page stays light). */
function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

function BootLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

const PartnerOnly = () => <RequireRole roles={['partner']} />;
const OfficeOnly = () => <RequireRole roles={['staff', 'admin']} />;
const AdminOnly = () => <RequireRole roles={['admin']} />;

/** Public pages, signed-in pages, then staff/admin and admin-only groups. French paths (they appear in e-mails). */
export const routes: RouteObject[] = [
  {
    id: 'root',
    Component: ShellLayout,
    ErrorBoundary: RootErrorPage,
    HydrateFallback: BootLoader,
    children: [
      {
        ErrorBoundary: RouteErrorPage,
        children: [
          // Public
          { Component: PublicOnly, children: [{ path: 'connexion', lazy: page(() => import('./features/accounts/LoginPage')) }] },
          { path: 'mot-de-passe-oublie', lazy: page(() => import('./features/accounts/ForgotPasswordPage')) },
          { path: 'reinitialiser/:token', lazy: page(() => import('./features/accounts/ResetPasswordPage')) },
          { path: 'invitation/:token', lazy: page(() => import('./features/accounts/InvitationPage')) },
          ...trainingsPublicRoutes,
          { path: 'accessibilite', lazy: page(() => import('./features/legal/AccessibilityPage')) },
          { path: 'donnees-personnelles', lazy: page(() => import('./features/legal/PrivacyPage')) },
          // Signed in
          {
            Component: RequireAuth,
            children: [
              { index: true, lazy: page(() => import('./features/accounts/HomePage')) },
              { path: 'profil', lazy: page(() => import('./features/accounts/ProfilePage')) },
              ...trainingsRoutes,
              { path: 'actualites', Component: NewsComingSoon },
              { path: 'documents', Component: DocumentsComingSoon },
              { path: 'statistiques', Component: StatisticsComingSoon },
              {
                Component: PartnerOnly,
                children: [{ path: 'mon-etablissement', lazy: page(() => import('./features/accounts/MyEstablishmentPage')) }],
              },
              {
                Component: OfficeOnly,
                children: [
                  { path: 'etablissements', lazy: page(() => import('./features/accounts/EstablishmentsPage')) },
                  { path: 'etablissements/nouveau', lazy: page(() => import('./features/accounts/EstablishmentEditPage')) },
                  { path: 'etablissements/:id', lazy: page(() => import('./features/accounts/EstablishmentEditPage')) },
                  { path: 'utilisateurs', lazy: page(() => import('./features/accounts/UsersPage')) },
                  { path: 'utilisateurs/inviter', lazy: page(() => import('./features/accounts/InviteUserPage')) },
                  { path: 'newsletters', Component: NewslettersComingSoon },
                  ...trainingsOfficeRoutes,
                ],
              },
              {
                Component: AdminOnly,
                children: [
                  { path: 'boite-d-envoi', lazy: page(() => import('./features/accounts/OutboxPage')) },
                  { path: 'boite-d-envoi/:id', lazy: page(() => import('./features/accounts/OutboxMessagePage')) },
                ],
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
