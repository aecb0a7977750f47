import type { TestContext, TestUser } from './app';
import { saveSegment } from '../../db/queries/newsletter-segments';
import { EMPTY_SEGMENT_FILTER } from '../../common/newsletter-segments';
import type { Expected, Row } from './documents-matrix';

/**
 * The segments rows of the shared role matrix (tests/server/role-matrix.test.ts):
 * admins only. Staff do not draft campaigns (tests/helpers/newsletters-matrix.ts),
 * and a segment's preview names people: staff get 403 like partners.
 */
const adminOnly = (s: number): Expected => ({ anonymous: 401, partner: 403, otherPartner: 403, staff: 403, admin: s });

const fx = { segmentId: '', spareId: '', n: 0 };
const body = () => ({ name: `Segment matrice ${++fx.n}`, filter: { ...EMPTY_SEGMENT_FILTER, people: 'partners', categories: ['hebergement'] } });

export async function setupNewsletterSegmentsMatrix(ctx: TestContext, who: { admin: TestUser }) {
  const make = async (name: string) => {
    const out = await saveSegment(ctx.db, { name, filter: EMPTY_SEGMENT_FILTER }, { userId: who.admin.id });
    if (!out.ok) throw new Error(out.reason);
    return out.id;
  };
  fx.segmentId = await make('Segment matrice (lu)');
  fx.spareId = await make('Segment matrice (supprimé)');
}

export const newsletterSegmentsMatrixRows: Row[] = [
  { method: 'GET', route: '/api/newsletters/segments', expect: adminOnly(200) },
  { method: 'POST', route: '/api/newsletters/segments', request: () => ({ payload: body() }), expect: adminOnly(201) },
  { method: 'POST', route: '/api/newsletters/segments/preview', request: () => ({ payload: { filter: body().filter, topicId: 'lettre-du-reseau' } }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/newsletters/segments/:id', request: () => ({ url: `/api/newsletters/segments/${fx.segmentId}` }), expect: adminOnly(200) },
  { method: 'PUT', route: '/api/newsletters/segments/:id', request: () => ({ url: `/api/newsletters/segments/${fx.segmentId}`, payload: body() }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/api/newsletters/segments/:id', request: () => ({ url: `/api/newsletters/segments/${fx.spareId}` }), expect: adminOnly(204) },
];
