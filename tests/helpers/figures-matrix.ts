import { figuresEditions } from '../../db/schema';
import { addMonths, currentMonth } from '../../common/figures';
import type { TestContext } from './app';
import { partnersOnly, signedIn, staffAndAdmin, type Row } from './matrix-rows';

/**
 * The figures rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * Partner routes take no establishment id: each partner reads and writes its
 * own establishment's months (E for `partner`, F for `otherPartner`), so
 * there is no address at which a partner could ask for another's raw figures;
 * staff and admins have no establishment and are refused (403).
 */


const fx = { editionId: '', n: 0 };
const lastMonth = () => addMonths(currentMonth(), -1);

export async function setupFiguresMatrix(ctx: Pick<TestContext, 'db'>) {
  const [row] = await ctx.db.insert(figuresEditions).values({ month: `${addMonths(currentMonth(), -40)}-01`, comment: 'Matrice', data: { month: addMonths(currentMonth(), -40), tables: [] } }).returning();
  fx.editionId = row!.id;
}

export const figuresMatrixRows: Row[] = [
  { method: 'GET', route: '/api/figures/me', expect: partnersOnly(200) },
  // Each partner gives its own establishment's month: both are new (201).
  { method: 'PUT', route: '/api/figures/me/:month', request: () => ({ url: `/api/figures/me/${lastMonth()}`, payload: { capacity: 5, nightsSold: 40, arrivals: 12 } }), expect: partnersOnly(201) },
  { method: 'GET', route: '/api/figures/me/comparison', expect: partnersOnly(200) },
  { method: 'GET', route: '/api/figures/aggregates', expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/figures/submissions', expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/figures/observatoire', expect: signedIn(200) },
  { method: 'GET', route: '/api/figures/observatoire/preview', request: () => ({ url: `/api/figures/observatoire/preview?month=${lastMonth()}` }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/figures/observatoire/:id', request: () => {
    if (!fx.editionId) throw new Error('setupFiguresMatrix was not called');
    return { url: `/api/figures/observatoire/${fx.editionId}` };
  }, expect: signedIn(200) },
  // A distinct month per caller: an edition is published once per month.
  { method: 'POST', route: '/api/figures/observatoire', request: () => ({ payload: { month: addMonths(currentMonth(), -(2 + ++fx.n)), comment: 'Un bon mois.' } }), expect: staffAndAdmin(201) },
];
