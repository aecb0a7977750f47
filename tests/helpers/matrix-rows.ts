import type { InjectOptions } from 'fastify';

/**
 * The callers and expected statuses of the shared role matrix
 * (tests/server/role-matrix.test.ts), for the feature helpers that add rows to it.
 * Callers: anonymous; `partner` of establishment E; `otherPartner` of F; staff; admin.
 */
export type Caller = 'anonymous' | 'partner' | 'otherPartner' | 'staff' | 'admin';
export type Expected = Record<Caller, number>;

/** A feature's row: the route as registered, the concrete request (defaults to the route itself, no body), and each caller's status. */
export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  request?: () => Pick<InjectOptions, 'url' | 'payload' | 'query' | 'headers'>;
  expect: Expected;
}

export const everyone = (s: number): Expected => ({ anonymous: s, partner: s, otherPartner: s, staff: s, admin: s });
export const signedIn = (s: number): Expected => ({ anonymous: 401, partner: s, otherPartner: s, staff: s, admin: s });
export const staffAndAdmin = (s: number): Expected => ({ anonymous: 401, partner: 403, otherPartner: 403, staff: s, admin: s });
export const adminOnly = (s: number): Expected => ({ anonymous: 401, partner: 403, otherPartner: 403, staff: 403, admin: s });
/** Partners only: staff and admins have no establishment (403). */
export const partnersOnly = (s: number): Expected => ({ anonymous: 401, partner: s, otherPartner: s, staff: 403, admin: 403 });
/** Hidden from partners by its audience: 404, as if absent. */
export const staffAudience = (s: number): Expected => ({ anonymous: 401, partner: 404, otherPartner: 404, staff: s, admin: s });
