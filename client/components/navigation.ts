import { ROLES, type Role } from '../../common/roles';
import type { NavEntry } from '../features/feature';
import { features } from '../features';

/** The whole navigation: home, then each feature's entries in the registry's order; each user sees only what their role may open (the server checks it again). */
const navItems: readonly NavEntry[] = [
  { to: '/', label: 'nav.home', roles: ROLES, group: 'main' },
  ...features.flatMap((feature) => feature.nav ?? []),
];

export function navItemsFor(role: Role): NavEntry[] {
  return navItems.filter((item) => item.roles.includes(role));
}
