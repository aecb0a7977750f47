import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq, sql } from 'drizzle-orm';
import { mailMessages, newsletterCampaigns } from '../../db/schema';
import { appWithUsers, createEstablishment, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { multipart } from '../helpers/documents';
import { newTopic, subscribedPartners } from '../helpers/newsletters';
import { audienceOf, CAMPSITES, EVERYONE } from '../helpers/audience';

/**
 * The composer through the api, on real PostgreSQL and Redis: images
 * (resized, alt text required, served without a session at an unguessable
 * address), the checks before sending and the launch they refuse, the
 * preview (personal fields escaped), the test send queued in the outbox,
 * duplicate, schedule, and the web archive (partners see finished, archived
 * letters of their audience only).
 */
let ctx: TestContext;
let admin: TestUser;
let asAdmin: Injector;
let asStaff: Injector;

beforeAll(async () => ({ ctx, admin, asAdmin, asStaff } = await appWithUsers({ admin: ['admin', { name: '<script>alert("x")</script> Dupont' }], staff: 'staff' })));
afterAll(async () => ctx?.close());

const body = (topicId: string, bodyHtml: string, extra: Record<string, unknown> = {}) => ({
  subject: 'Lettre du réseau — décembre', preheader: 'Les nouvelles', sender: ctx.config.MAIL_FROM, topicId, bodyHtml, audience: EVERYONE, ...extra,
});

async function create(topicId: string, bodyHtml: string, extra: Record<string, unknown> = {}) {
  const res = await asAdmin({ method: 'POST', url: '/api/newsletters/campaigns', payload: body(topicId, bodyHtml, extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; bodyHtml: string; status: string };
}

async function uploadImage(alt: string) {
  const jpeg = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: { r: 40, g: 90, b: 60 } } }).jpeg().toBuffer();
  return asAdmin({ method: 'POST', url: '/api/newsletters/images', ...multipart([{ name: 'alt', value: alt }, { name: 'file', filename: 'gorges.jpg', contentType: 'image/jpeg', data: jpeg }]) });
}

const checkOf = (items: { key: string; ok: boolean; blocking: boolean; details: string[] }[], key: string) => items.find((c) => c.key === key)!;

describe('images', () => {
  it('resizes an upload, requires its alt text, and serves it without a session at an unguessable address', async () => {
    const res = await uploadImage('Les gorges de la Vis au printemps');
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json() as { url: string; alt: string; width: number; height: number };
    expect(image).toMatchObject({ alt: 'Les gorges de la Vis au printemps', width: 1200, height: 600 });
    expect(image.url).toMatch(new RegExp(`^${ctx.config.PUBLIC_URL}/api/newsletters/images/[A-Za-z0-9_-]{43}$`));

    const served = await ctx.app.inject({ method: 'GET', url: new URL(image.url).pathname }); // no cookie: as a mail client
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await sharp(served.rawPayload).metadata()).format).toBe('jpeg');
    const guessed = await ctx.app.inject({ method: 'GET', url: `/api/newsletters/images/${'A'.repeat(43)}` });
    expect(guessed.statusCode).toBe(404);

    const noAlt = await uploadImage('   ');
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.json().errors[0].field).toBe('alt');
    const notImage = await asAdmin({ method: 'POST', url: '/api/newsletters/images', ...multipart([{ name: 'alt', value: 'x' }, { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: Buffer.from('texte') }]) });
    expect(notImage.statusCode).toBe(415);
    expect((await asStaff({ method: 'POST', url: '/api/newsletters/images', ...multipart([{ name: 'alt', value: 'x' }]) })).statusCode).toBe(403);
  });

  it('refuses a form that is not multipart (415) and a file over the size limit (413), storing nothing', async () => {
    const count = async () => ((await ctx.db.execute(sql`select count(*)::int as n from newsletter_images`)) as unknown as [{ n: number }])[0].n;
    const before = await count();
    const json = await asAdmin({ method: 'POST', url: '/api/newsletters/images', payload: { alt: 'x' }, headers: { 'accept-language': 'fr' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().detail).toMatch(/multipart/i);
    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 1);
    const tooLarge = await asAdmin({ method: 'POST', url: '/api/newsletters/images', ...multipart([{ name: 'alt', value: 'Trop grande' }, { name: 'file', filename: 'big.jpg', contentType: 'image/jpeg', data: big }]) });
    expect(tooLarge.statusCode).toBe(413);
    expect(await count()).toBe(before);
  });

  it('keeps only images uploaded here in a body (an outside image is dropped by the sanitiser)', async () => {
    const topicId = await newTopic(ctx);
    const { url } = (await uploadImage('Le pont du Vigan')).json() as { url: string };
    const c = await create(topicId, `<p>Texte</p><img src="${url}" alt="Le pont du Vigan"><img src="https://tracker.example.com/p.gif" alt="pixel">`);
    expect(c.bodyHtml).toContain(`<img src="${url}" alt="Le pont du Vigan" />`);
    expect(c.bodyHtml).not.toContain('tracker.example.com');
  });
});

describe('checks before sending', () => {
  it('lists every check; the api refuses the launch (and a schedule) while a blocking one fails, and allows it once fixed', async () => {
    const topicId = await newTopic(ctx);
    await subscribedPartners(ctx, 2, topicId);
    const { url } = (await uploadImage('Affiche')).json() as { url: string };
    const c = await create(topicId, `<p>Bonjour {{nom}}, <a href="https://cevennes">le site</a> et <a href="javascript:alert(1)">ceci</a></p><img src="${url}" alt="">`,
      { subject: 'Une lettre dont l’objet est bien trop long pour tenir sur un téléphone sans être coupé' });
    const checks = (await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${c.id}/checks` })).json().items;
    expect(checks.map((x: { key: string }) => x.key)).toEqual(['subject', 'subjectLength', 'altTexts', 'links', 'fields', 'unsubscribe', 'plainText']);
    expect(checkOf(checks, 'altTexts')).toMatchObject({ ok: false, blocking: true, details: ['1'] });
    expect(checkOf(checks, 'links')).toMatchObject({ ok: false, blocking: true });
    expect(checkOf(checks, 'links').details).toEqual(expect.arrayContaining(['https://cevennes', '(lien vide)']));
    expect(checkOf(checks, 'fields')).toMatchObject({ ok: false, details: ['nom'] });
    expect(checkOf(checks, 'subjectLength')).toMatchObject({ ok: false, blocking: false });
    expect(checkOf(checks, 'unsubscribe').ok).toBe(true);
    expect(checkOf(checks, 'plainText').ok).toBe(true);

    const refused = await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/launch` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/vérifications bloquantes/);
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect((await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${c.id}/schedule`, payload: { at } })).statusCode).toBe(409);
    const [row] = await ctx.db.select({ status: newsletterCampaigns.status }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, c.id));
    expect(row!.status).toBe('draft');

    const fixed = await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${c.id}`, payload: body(topicId, `<p>Bonjour {{prenom|ami}}, <a href="https://www.cevennes-tourisme.fr">le site</a></p><img src="${url}" alt="Affiche du salon">`) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const after = (await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${c.id}/checks` })).json().items;
    expect(after.every((x: { ok: boolean }) => x.ok)).toBe(true);
    expect((await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/launch` })).json()).toMatchObject({ status: 'sending', total: 2 });
  });

  it('an image-only body with an empty alt has no plain-text part: refused', async () => {
    const topicId = await newTopic(ctx);
    const { url } = (await uploadImage('x')).json() as { url: string };
    const c = await create(topicId, `<p><img src="${url}" alt=""></p>`);
    const checks = (await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${c.id}/checks` })).json().items;
    expect(checkOf(checks, 'plainText').ok).toBe(false);
  });
});

describe('preview, test send, duplicate', () => {
  it('previews with the author\'s own fields escaped, in HTML and plain text; queues a [TEST] mail to the author', async () => {
    const topicId = await newTopic(ctx);
    const c = await create(topicId, '<p>Bonjour {{prenom|ami partenaire}} de {{ etablissement | votre établissement }} !</p>');
    const res = await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${c.id}/preview` });
    expect(res.statusCode).toBe(200);
    const preview = res.json() as { html: string; text: string };
    expect(preview.html).toContain('Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; de votre établissement !');
    expect(preview.html).not.toMatch(/<script/);
    expect(preview.text).toContain('Bonjour <script>alert("x")</script> de votre établissement !');
    expect(preview.html).not.toContain('NLFIELD');
    expect((await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${c.id}/preview?lang=en` })).json().html).toContain('Unsubscribe in one click');

    const sent = await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/test` });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ to: admin.email });
    const rows = await ctx.db.select().from(mailMessages).where(sql`${mailMessages.template} = 'newsletter-test' and ${mailMessages.params}->>'campaignId' = ${c.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toAddress: admin.email, userId: admin.id });
    expect((await asStaff({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/test` })).statusCode).toBe(403);
  });

  it('duplicates any campaign into a new draft with the same content, topic and audience', async () => {
    const topicId = await newTopic(ctx);
    await subscribedPartners(ctx, 1, topicId);
    const c = await create(topicId, '<p>Contenu à reprendre</p>', { audience: audienceOf('partners') });
    await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/launch` });
    const copy = await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/duplicate` });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ subject: 'Lettre du réseau — décembre (copie)', status: 'draft', bodyHtml: '<p>Contenu à reprendre</p>', topicId, audience: { kind: 'partners' }, total: 0 });
    expect(copy.json().id).not.toBe(c.id);
    expect((await asAdmin({ method: 'POST', url: '/api/newsletters/campaigns/00000000-0000-4000-8000-000000000000/duplicate' })).statusCode).toBe(404);
  });
});

describe('schedule', () => {
  it('schedules at a future time only, moves it, and takes it back to a draft', async () => {
    const topicId = await newTopic(ctx);
    const c = await create(topicId, '<p>Programmée</p>');
    const past = await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${c.id}/schedule`, payload: { at: new Date(Date.now() - 60_000).toISOString() } });
    expect(past.statusCode).toBe(400);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${c.id}/schedule`, payload: { at } });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: at, missedAt: null });
    const back = await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${c.id}/schedule`, payload: { at: null } });
    expect(back.json()).toMatchObject({ status: 'draft', scheduledAt: null });
  });
});

describe('web archive', () => {
  it('partners see finished letters flagged for the archive, of their audience only, without personal fields or unsubscribe link', async () => {
    const topicId = await newTopic(ctx);
    const camping = await createEstablishment(ctx, { name: 'Camping des Chênes', category: 'hebergement', subcategory: 'camping' });
    const restaurant = await createEstablishment(ctx, { name: 'Restaurant du Pont', category: 'restauration', subcategory: null });
    const camper = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: camping.id }));
    const cook = await injectAs(ctx, await createUser(ctx, 'partner', { establishmentId: restaurant.id }));
    await subscribedPartners(ctx, 1, topicId);

    const forAll = await create(topicId, '<p>Bonjour {{prenom|à toutes et à tous}}, la saison commence.</p>', { subject: 'Lettre archivée' });
    const forCampsites = await create(topicId, '<p>Pour les campings</p>', { subject: 'Lettre des campings', audience: CAMPSITES });
    const notArchived = await create(topicId, '<p>Pas dans les archives</p>', { subject: 'Lettre non archivée' });
    const draftOnly = await create(topicId, '<p>Brouillon</p>', { subject: 'Brouillon' });

    // Only a finished campaign can be archived.
    expect((await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${draftOnly.id}/archive`, payload: { archived: true } })).statusCode).toBe(409);
    await ctx.db.update(newsletterCampaigns).set({ status: 'finished', finishedAt: sql`now()` }).where(sql`${newsletterCampaigns.id} in (${forAll.id}, ${forCampsites.id}, ${notArchived.id})`);
    for (const id of [forAll.id, forCampsites.id]) {
      const res = await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${id}/archive`, payload: { archived: true } });
      expect(res.json().archived).toBe(true);
    }
    expect((await asStaff({ method: 'PUT', url: `/api/newsletters/campaigns/${forAll.id}/archive`, payload: { archived: false } })).statusCode).toBe(403);

    const subjects = async (as: Injector) => ((await as({ method: 'GET', url: '/api/newsletters/archive' })).json().items as { subject: string }[]).map((i) => i.subject);
    expect(await subjects(camper)).toEqual(expect.arrayContaining(['Lettre archivée', 'Lettre des campings']));
    expect(await subjects(camper)).not.toContain('Lettre non archivée');
    expect(await subjects(camper)).not.toContain('Brouillon');
    expect(await subjects(cook)).toContain('Lettre archivée');
    expect(await subjects(cook)).not.toContain('Lettre des campings');

    const letter = await cook({ method: 'GET', url: `/api/newsletters/archive/${forAll.id}` });
    expect(letter.statusCode).toBe(200);
    expect(letter.json().html).toContain('Bonjour à toutes et à tous, la saison commence.');
    expect(letter.json().html).not.toMatch(/unsubscribe|désabonner|NLFIELD/i);
    expect((await cook({ method: 'GET', url: `/api/newsletters/archive/${forCampsites.id}` })).statusCode).toBe(404);
    expect((await cook({ method: 'GET', url: `/api/newsletters/archive/${notArchived.id}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/newsletters/archive' })).statusCode).toBe(401);
  });
});
