import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { TestContext, TestUser } from './app';
import { unsubscribeToken } from '../../common/link-tokens';
import { createCampaign, insertImage } from '../../db/queries/newsletters';
import { newsletterCampaigns, newsletterLinks } from '../../db/schema';
import { multipart } from './documents';
import { adminOnly, everyone, signedIn, type Row } from './matrix-rows';
import { EVERYONE } from './audience';

/**
 * The newsletters rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * Only admins manage campaigns, topics, senders and the suppression list
 * (staff do not draft: a campaign reaches the whole network, and the
 * composer of a later session is where a staff draft would make sense);
 * everyone signed in manages their own topics; the unsubscribe link works
 * for anyone holding it, without cookies.
 */

const fx = { campaignId: '', draftId: '', finishedId: '', token: '', imageToken: '', linkToken: '', image: Buffer.alloc(0), sender: '', n: 0 };
const body = () => ({
  subject: `Matrice ${++fx.n}`, preheader: '', sender: fx.sender, bodyHtml: '<p>Bonjour</p>', topicId: 'lettre-du-reseau',
  audience: EVERYONE,
});

export async function setupNewslettersMatrix(ctx: TestContext, who: { admin: TestUser }) {
  fx.sender = ctx.config.MAIL_FROM;
  fx.campaignId = (await createCampaign(ctx.db, { ...body(), audience: body().audience as never }, who.admin.id)).id;
  fx.token = unsubscribeToken(ctx.config.JWT_SECRET, 'matrice@example.test', 'lettre-du-reseau');
  // The composer's rows: a draft to schedule, a finished letter in the archive (audience everyone), an image to serve and one to upload.
  fx.draftId = (await createCampaign(ctx.db, { ...body(), audience: body().audience as never }, who.admin.id)).id;
  fx.finishedId = (await createCampaign(ctx.db, { ...body(), audience: body().audience as never }, who.admin.id)).id;
  await ctx.db.update(newsletterCampaigns).set({ status: 'finished', finishedAt: new Date(), archived: true }).where(eq(newsletterCampaigns.id, fx.finishedId));
  fx.image = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 0, g: 80, b: 40 } } }).jpeg().toBuffer();
  await ctx.app.storage.put('newsletter-images/matrice', Readable.from(fx.image), { contentType: 'image/jpeg' });
  fx.imageToken = 'M'.repeat(43);
  // A counted link of the finished letter (public: followed from a mail, no session).
  fx.linkToken = 'L'.repeat(22);
  await ctx.db.insert(newsletterLinks).values({ campaignId: fx.finishedId, token: fx.linkToken, url: 'https://www.cevennes-tourisme.fr/', position: 0 });
  await insertImage(ctx.db, { token: fx.imageToken, storageKey: 'newsletter-images/matrice', contentType: 'image/jpeg', alt: 'Matrice', width: 40, height: 20, createdBy: who.admin.id });
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
  { method: 'POST', route: '/api/newsletters/images', request: () => multipart([{ name: 'alt', value: 'Matrice' }, { name: 'file', filename: 'm.jpg', contentType: 'image/jpeg', data: fx.image }]), expect: adminOnly(201) },
  // Public: mail clients load it without a session.
  { method: 'GET', route: '/api/newsletters/images/:token', request: () => ({ url: `/api/newsletters/images/${fx.imageToken}` }), expect: everyone(200) },
  { method: 'GET', route: '/api/newsletters/l/:token', request: () => ({ url: `/api/newsletters/l/${fx.linkToken}` }), expect: everyone(302) },
  { method: 'GET', route: '/api/newsletters/campaigns/:id/counts', request: () => ({ url: `/api/newsletters/campaigns/${fx.finishedId}/counts` }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/newsletters/campaigns/:id/checks', request: () => ({ url: `/api/newsletters/campaigns/${fx.draftId}/checks` }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/newsletters/campaigns/:id/preview', request: () => ({ url: `/api/newsletters/campaigns/${fx.draftId}/preview` }), expect: adminOnly(200) },
  { method: 'POST', route: '/api/newsletters/campaigns/:id/test', request: () => ({ url: `/api/newsletters/campaigns/${fx.draftId}/test` }), expect: adminOnly(202) },
  { method: 'POST', route: '/api/newsletters/campaigns/:id/duplicate', request: () => ({ url: `/api/newsletters/campaigns/${fx.draftId}/duplicate` }), expect: adminOnly(201) },
  { method: 'PUT', route: '/api/newsletters/campaigns/:id/schedule', request: () => ({ url: `/api/newsletters/campaigns/${fx.draftId}/schedule`, payload: { at: null } }), expect: adminOnly(200) },
  { method: 'PUT', route: '/api/newsletters/campaigns/:id/archive', request: () => ({ url: `/api/newsletters/campaigns/${fx.finishedId}/archive`, payload: { archived: true } }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/newsletters/archive', expect: signedIn(200) },
  { method: 'GET', route: '/api/newsletters/archive/:id', request: () => ({ url: `/api/newsletters/archive/${fx.finishedId}` }), expect: signedIn(200) },
  { method: 'POST', route: '/api/newsletters/campaigns/:id/:action', request: () => ({ url: `/api/newsletters/campaigns/${fx.campaignId}/cancel` }), expect: adminOnly(200) },
];
