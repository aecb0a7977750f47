import type { InjectOptions } from 'fastify';
import type { TestContext, TestUser } from './app';

/**
 * The news rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * Establishments E and F of the shared matrix are alike: a staff-only post
 * shows the audience at work here; the full audience matrix (campsites vs
 * restaurants) is in tests/server/news*.test.ts.
 * The participation routes add their rows to `newsParticipationMatrixRows`
 * (their own helper file) next to these.
 */

export type Caller = 'anonymous' | 'partner' | 'otherPartner' | 'staff' | 'admin';
export type Expected = Record<Caller, number>;
export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  request?: () => Pick<InjectOptions, 'url' | 'payload' | 'query' | 'headers'>;
  expect: Expected;
}

export const signedIn = (s: number): Expected => ({ anonymous: 401, partner: s, otherPartner: s, staff: s, admin: s });
export const staffAndAdmin = (s: number): Expected => ({ anonymous: 401, partner: 403, otherPartner: 403, staff: s, admin: s });
export const adminOnly = (s: number): Expected => ({ anonymous: 401, partner: 403, otherPartner: 403, staff: 403, admin: s });
/** Hidden from partners by its audience: 404, as if absent. */
export const staffAudience = (s: number): Expected => ({ anonymous: 401, partner: 404, otherPartner: 404, staff: s, admin: s });

/** Fixtures the rows read (filled by setupNewsMatrix). */
export const newsFx: { staff: TestUser | null; n: number } = { staff: null, n: 0 };

export async function setupNewsMatrix(_ctx: TestContext, who: { staff: TestUser; partner: TestUser }) {
  newsFx.staff = who.staff;
}

export const newsMatrixRows: Row[] = [
  { method: 'GET', route: '/api/news/categories', expect: signedIn(200) },
];
