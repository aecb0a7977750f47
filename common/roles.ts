/** The three roles of Espace Pro (DESIGN.md, section 1), in increasing order of rights. */
export const ROLES = ['partner', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Office people (staff and admin) see everything partners see, and run the network. */
export function isStaff(who: Role | { role: Role }): boolean {
  const role = typeof who === 'string' ? who : who.role;
  return role === 'staff' || role === 'admin';
}
