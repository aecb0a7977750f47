import type { TestContext, TestUser } from './app';
import { unsubscribeToken } from '../../common/link-tokens';
import { createCampaign } from '../../db/queries/newsletters';
import { signedIn, type Expected, type Row } from './documents-matrix';

/**
 * The newsletters rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * Only admins manage campaigns, topics, senders and the suppression list
 * (staff do not draft: a campaign reaches the whole network, and the
 * composer of a later session is where a staff draft would make sense);
 * everyone signed in manages their own topics; the unsubscribe link works
 * for anyone holding it, without cookies.
 */
const adminOnly = (s: number): Expected => ({ anonymous: 401, partner: 403, otherPartner: 403, staff: 403, admin: s });
const everyone = (s: number): Expected => ({ anonymous: s, partner: s, otherPartner: s, staff: s, admin: s });

const fx = { campaignId: '', token: '', sender: '', n: 0 };
const body = () => ({
  subject: `Matrice ${++fx.n}`, preheader: '', sender: fx.sender, bodyHtml: '<p>Bonjour</p>', topicId: 'lettre-du-reseau',
  audience: { kind: 'everyone', categories: [], subcategories: [], communes: [], communautes: [], offices: [] },
});

export async function setupNewslettersMatrix(ctx: TestContext, who: { admin: TestUser }) {
  fx.sender = ctx.config.MAIL_FROM;
  fx.campaignId = (await createCampaign(ctx.db, { ...body(), audience: body().audience as never }, who.admin.id)).id;
  fx.token = unsubscribeToken(ctx.config.JWT_SECRET, 'matrice@example.test', 'lettre-du-reseau');
}

export const newslettersMatrixRows: Row[] = [
  { method: 'POST', route: '/api/newsletters/unsubscribe/:token', request: () => ({ url: `/api/newsletters/unsubscribe/${fx.token}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), expect: everyone(204) },
  { method: 'GET', route: '/api/newsletters/unsubscribe/:token', request: () => ({ url: `/api/newsletters/unsubscribe/${fx.token}` }), expect: everyone(303) },
  { method: 'GET', route: '/api/newsletters/unsubscribe/:token/info', request: () => ({ url: `/api/newsletters/unsubscribe/${fx.token}/info` }), expect: everyone(200) },
  { method: 'GET', route: '/api/newsletters/preferences', expect: signedIn(200) },
  { method: 'PUT', route: '/api/newsletters/preferences', request: () => ({ payload: { topics: [{ topicId: 'formations', subscribed: true }] } }), expect: signedIn(200) },
  { method: 'GET', route: '/api/newsletters/topics', expect: adminOnly(200) },
  {
    method: 'PUT', route: '/api/newsletters/topics/:topicId',
    request: () => ({ url: '/api/newsletters/topics/observatoire', payload: { nameFr: 'Observatoire', nameEn: 'Observatory', descriptionFr: '', descriptionEn: '', position: 4, active: true } }),
    expect: adminOnly(200),
  },
  { method: 'GET', route: '/api/newsletters/senders', expect: adminOnly(200) },
  { method: 'GET', route: '/api/newsletters/suppressions', expect: adminOnly(200) },
  { method: 'POST', route: '/api/newsletters/suppressions', request: () => ({ payload: { address: 'plainte@example.test', reason: 'complaint' } }), expect: adminOnly(201) },
  // Removing an address not on the list: the admin's call reaches the query (404), nothing to set up per caller.
  { method: 'POST', route: '/api/newsletters/suppressions/removals', request: () => ({ payload: { address: 'absente@example.test', reason: 'entered_by_mistake' } }), expect: adminOnly(404) },
  { method: 'GET', route: '/api/newsletters/campaigns', expect: adminOnly(200) },
  { method: 'POST', route: '/api/newsletters/campaigns', request: () => ({ payload: body() }), expect: adminOnly(201) },
  { method: 'GET', route: '/api/newsletters/campaigns/:id', request: () => ({ url: `/api/newsletters/campaigns/${fx.campaignId}` }), expect: adminOnly(200) },
  { method: 'PUT', route: '/api/newsletters/campaigns/:id', request: () => ({ url: `/api/newsletters/campaigns/${fx.campaignId}`, payload: body() }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/newsletters/campaigns/:id/reach', request: () => ({ url: `/api/newsletters/campaigns/${fx.campaignId}/reach` }), expect: adminOnly(200) },
  // Cancelling the draft: the one admin call succeeds (launch needs subscribers, tested in tests/server/newsletters.test.ts).
  { method: 'POST', route: '/api/newsletters/campaigns/:id/:action', request: () => ({ url: `/api/newsletters/campaigns/${fx.campaignId}/cancel` }), expect: adminOnly(200) },
];
