import { describe, expect, it } from 'vitest';
import type { RouteObject } from 'react-router';
import { features } from '../../client/features';
import { catalogues } from '../../client/i18n';
import { routes } from '../../client/router';

function paths(list: RouteObject[], prefix = ''): string[] {
  return list.flatMap((route) => {
    const own = route.index ? prefix || '/' : route.path ? `${prefix}/${route.path}` : prefix;
    return [...(route.index || route.path ? [own] : []), ...paths(route.children ?? [], own)];
  });
}

describe('feature registry', () => {
  it('names each feature once, each with its own i18n namespace', () => {
    const names = features.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(catalogues)).toEqual(['common', ...names]);
  });

  it('puts every feature’s routes in the router, and the menu links only to pages that exist', () => {
    const routed = paths(routes);
    for (const feature of features) {
      for (const route of Object.values(feature.routes).flat()) expect(routed, feature.name).toContain(`/${route.path}`);
    }
    const entries = features.flatMap((f) => f.nav ?? []);
    const links = ['/', ...entries.filter((entry) => !entry.external).map((entry) => entry.to)];
    for (const to of links) expect(routed).toContain(to);
    // An entry the api serves (the queue dashboard) is a full page load of an /api/ address, never a client route.
    for (const entry of entries.filter((e) => e.external)) {
      expect(entry.to).toMatch(/^\/api\//);
      expect(routed).not.toContain(entry.to);
    }
  });
});
