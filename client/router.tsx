import { Center, Loader } from '@mantine/core';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage, RootErrorPage, RouteErrorPage } from './components/ErrorPages';
import { PublicOnly, RequireAuth, RequireRole } from './components/guards';
import { ShellLayout } from './components/Shell';
import { OFFICE_ROLES, type Access } from './features/feature';
import { features } from './features';

function BootLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

const PartnerOnly = () => <RequireRole roles={['partner']} />;
const OfficeOnly = () => <RequireRole roles={OFFICE_ROLES} />;
const AdminOnly = () => <RequireRole roles={['admin']} />;

/** Every feature's routes of one access group, in the registry's order. */
function routesFor(access: Access): RouteObject[] {
  return features.flatMap((feature) => feature.routes[access] ?? []);
}

/** "Accueil": the greeting and each feature's tiles; the tiles' code and strings load with the page. */
async function loadHomePage() {
  const withTiles = features.flatMap((feature) => (feature.home ? [{ name: feature.name, load: feature.home }] : []));
  const [{ HomePage }, tiles] = await Promise.all([
    import('./components/HomePage'),
    Promise.all(withTiles.map((f) => f.load())),
    i18next.loadNamespaces(withTiles.map((f) => f.name)),
  ]);
  const components = tiles.map((m) => m.default);
  return { Component: () => <HomePage tiles={components} /> };
}

/**
 * Public pages, signed-in pages, then partner, staff/admin and admin-only groups, each filled from the
 * features' lists (client/features/index.ts). Each page's code is loaded when the page is first opened
 * (the log-in page stays light). French paths (they appear in e-mails).
 */
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
          { Component: PublicOnly, children: routesFor('visitors') },
          ...routesFor('public'),
          {
            Component: RequireAuth,
            children: [
              { index: true, lazy: loadHomePage },
              ...routesFor('signedIn'),
              { Component: PartnerOnly, children: routesFor('partner') },
              { Component: OfficeOnly, children: routesFor('office') },
              { Component: AdminOnly, children: routesFor('admin') },
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
