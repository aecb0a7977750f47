import type { Role } from '../features/accounts/types';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: 'nav.home' | 'nav.trainings' | 'nav.news' | 'nav.documents' | 'nav.statistics' | 'nav.myEstablishment' | 'nav.establishments' | 'nav.users' | 'nav.newsletters' | 'nav.outbox';
  roles: readonly Role[];
  /** Staff and admin tools are listed in a second group. */
  group: 'main' | 'manage';
}

const everyone = ['partner', 'staff', 'admin'] as const;
const office = ['staff', 'admin'] as const;

/** The whole navigation; each user sees only what their role may open (the server checks it again). */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', roles: everyone, group: 'main' },
  { to: '/formations', label: 'nav.trainings', roles: everyone, group: 'main' },
  { to: '/actualites', label: 'nav.news', roles: everyone, group: 'main' },
  { to: '/documents', label: 'nav.documents', roles: everyone, group: 'main' },
  { to: '/statistiques', label: 'nav.statistics', roles: everyone, group: 'main' },
  { to: '/mon-etablissement', label: 'nav.myEstablishment', roles: ['partner'], group: 'main' },
  { to: '/etablissements', label: 'nav.establishments', roles: office, group: 'manage' },
  { to: '/utilisateurs', label: 'nav.users', roles: office, group: 'manage' },
  { to: '/newsletters', label: 'nav.newsletters', roles: office, group: 'manage' },
  { to: '/boite-d-envoi', label: 'nav.outbox', roles: ['admin'], group: 'manage' },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}
