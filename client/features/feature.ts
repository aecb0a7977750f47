import i18next from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type commonCatalogue from '../locales/fr.json';
import { isStaff, ROLES, type Role } from '../../common/roles';

/**
 * Who may open a group of routes. The router wraps each group in its guard:
 * `visitors` = only when signed out (log-in), `public` = everyone (pages opened
 * from e-mails, legal pages), then signed-in users, partners, office (staff and
 * admins) and admins.
 */
export type Access = 'visitors' | 'public' | 'signedIn' | 'partner' | 'office' | 'admin';

/** An entry of the main navigation. Its label lives in the common catalogue: the menu shows before any feature's catalogue is loaded. */
export interface NavEntry {
  to: string;
  label: `nav.${keyof (typeof commonCatalogue)['nav']}`;
  roles: readonly Role[];
  /** Staff and admin tools are listed in a second group. */
  group: 'main' | 'manage';
  /** Pages outside `to` that belong to this entry (« Proposer un document » to « Mes propositions », not to « Documents »). */
  covers?: readonly string[];
  /** A page served by the api, not by the client's router (the queue dashboard): opened with a full page load. */
  external?: boolean;
}

/** Staff and admins: the roles of the `office` routes and of the navigation's second group. */
export const OFFICE_ROLES: readonly Role[] = ROLES.filter((role) => isStaff(role));

type Page = Promise<{ default: ComponentType }>;

/**
 * What a feature brings to the client; `client/features/index.ts` lists them.
 * Its pages and its catalogue are fetched when one of its pages is first opened.
 */
export interface Feature<Name extends string = string, Catalogue extends object = object> {
  /** The feature's folder, and the i18n namespace of its strings (`useTranslation(name)`). */
  name: Name;
  /** `locales/fr.json` and `locales/en.json` of the folder, loaded on demand. */
  catalogue: { fr: () => Promise<{ default: Catalogue }>; en: () => Promise<{ default: Catalogue }> };
  routes: Partial<Record<Access, RouteObject[]>>;
  nav?: readonly NavEntry[];
  /** A component with the feature's tiles on the home page ("Accueil"), loaded with that page. */
  home?: () => Page;
}

/** Keeps the feature's name as a literal type (it names the i18n namespace the catalogue's type is registered under). */
export function defineFeature<const Name extends string, Catalogue extends object>(feature: Feature<Name, Catalogue>): Feature<Name, Catalogue> {
  return feature;
}

/**
 * A route whose page and strings load together the first time it is opened:
 * the page's chunk and its feature's catalogue (plus any other namespace the page shows) in parallel.
 */
export function lazyPage(namespaces: string | readonly string[], load: () => Page): RouteObject['lazy'] {
  return async () => {
    const [module] = await Promise.all([load(), i18next.loadNamespaces(namespaces)]);
    return { Component: module.default };
  };
}

/** A feature's pages of one access group: path → page module. */
export type PageTable = Record<string, () => Page>;
type Routes = Feature['routes'];

/**
 * A feature's routes written as tables of path → page, one table per access group;
 * every page loads with `namespaces` (see `lazyPage`).
 */
export function pageRoutes(namespaces: string | readonly string[], groups: Partial<Record<Access, PageTable>>): Routes {
  const routes: Routes = {};
  for (const [access, table] of Object.entries(groups) as [Access, PageTable][]) {
    routes[access] = Object.entries(table).map(([path, load]) => ({ path, lazy: lazyPage(namespaces, load) }));
  }
  return routes;
}

/** The routes of several tables (pages loading different namespaces) of one feature, group by group, in order. */
export function joinRoutes(...parts: Routes[]): Routes {
  const routes: Routes = {};
  for (const part of parts) {
    for (const [access, list] of Object.entries(part) as [Access, RouteObject[]][]) routes[access] = [...(routes[access] ?? []), ...list];
  }
  return routes;
}
