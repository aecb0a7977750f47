import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newsletterLinks } from '../../db/schema';
import { unsubscribeAddress } from '../../db/queries/newsletters';
import { sanitizeNewsletterBody } from '../../server/services/newsletters/body';
import { createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { draft, launched, newTopic, subscribedPartners } from '../helpers/newsletters';

/**
 * Privacy by default (issue 14, point 5): a campaign's links are counted per
 * link, never per person; the counter is public (followed from a mail, no
 * session) and only ever redirects to a URL frozen at launch.
 */

let ctx: TestContext;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await createUser(ctx, 'admin');
});
afterAll(async () => ctx?.close());

const BODY = [
  '<p>Le <a href="https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes">programme</a> et ',
  '<a href="https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes">encore lui</a>, ',
  '<a href="http://example.org/carte-pass">la Carte PASS</a>, ',
  '<a href="mailto:accueil@example.org">écrire</a>, ',
  '<a href="https://espace.example.org/lettres/preferences">mes lettres</a>.</p>',
].join('');

async function launchedWithLinks() {
  const topicId = await newTopic(ctx);
  await subscribedPartners(ctx, 1, topicId);
  const id = await launched(ctx, admin.id, { topicId, bodyHtml: sanitizeNewsletterBody(BODY, ctx.config.PUBLIC_URL) });
  const links = await ctx.db.select().from(newsletterLinks).where(eq(newsletterLinks.campaignId, id)).orderBy(newsletterLinks.position);
  return { id, topicId, links };
}

describe('links frozen at launch', () => {
  it('keeps each distinct http(s) link once, in order, decoded, with an unguessable token; not mailto, not the preferences link', async () => {
    const { links } = await launchedWithLinks();
    expect(links.map((l) => [l.position, l.url, l.clicks])).toEqual([
      [0, 'https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes', 0],
      [1, 'http://example.org/carte-pass', 0],
    ]);
    for (const l of links) expect(l.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(links.map((l) => l.token)).size).toBe(2);
  });

  it('freezes nothing for a draft (no launch, no counter)', async () => {
    const c = await draft(ctx, admin.id, { bodyHtml: '<p><a href="https://example.org/x">x</a></p>' });
    expect(await ctx.db.$count(newsletterLinks, eq(newsletterLinks.campaignId, c.id))).toBe(0);
  });
});

describe('GET /api/newsletters/l/:token (public)', () => {
  it('counts the click, without a session and without setting a cookie, and redirects to the stored URL', async () => {
    const { id, links } = await launchedWithLinks();
    const agenda = links[0]!;
    for (let i = 0; i < 3; i++) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/newsletters/l/${agenda.token}` });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const [after] = await ctx.db.select().from(newsletterLinks).where(eq(newsletterLinks.id, agenda.id));
    expect(after!.clicks).toBe(3);
    const [other] = await ctx.db.select().from(newsletterLinks).where(eq(newsletterLinks.id, links[1]!.id));
    expect(other!.clicks).toBe(0);

    // The admin sees the counts per link, nothing about who.
    const asAdmin = await injectAs(ctx, admin);
    const counts = await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${id}/counts` });
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toEqual({
      unsubscribedSinceLaunch: 0,
      links: [{ url: 'https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes', clicks: 3 }, { url: 'http://example.org/carte-pass', clicks: 0 }],
    });
  });

  it('an unknown token: 404 with a French message, nothing counted; no open redirect through the query string', async () => {
    const { links } = await launchedWithLinks();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/newsletters/l/AAAAAAAAAAAAAAAAAAAAAA?url=https://evil.example' });
    expect(res.statusCode).toBe(404);
    expect(res.headers.location).toBeUndefined();
    expect(res.json().detail ?? res.json().title).toMatch(/lien de lettre n’existe pas/);
    const en = await ctx.app.inject({ method: 'GET', url: '/api/newsletters/l/unknown', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(404);
    // The token is the only input: a real token with a URL appended still goes to its stored URL.
    const real = await ctx.app.inject({ method: 'GET', url: `/api/newsletters/l/${links[1]!.token}?url=https://evil.example` });
    expect(real.headers.location).toBe('http://example.org/carte-pass');
    // Not a token at all (dots, colons): refused by the schema (a malformed path parameter is a 404 in this app), no redirect.
    const malformed = await ctx.app.inject({ method: 'GET', url: '/api/newsletters/l/https:..evil.example' });
    expect(malformed.statusCode).toBe(404);
    expect(malformed.headers.location).toBeUndefined();
    // Only the real token's one click was counted.
    const after = await ctx.db.select({ clicks: newsletterLinks.clicks }).from(newsletterLinks).where(eq(newsletterLinks.campaignId, links[0]!.campaignId)).orderBy(newsletterLinks.position);
    expect(after.map((l) => l.clicks)).toEqual([0, 1]);
  });
});

describe('GET /api/newsletters/campaigns/:id/counts (admins)', () => {
  it('counts the unsubscriptions from the topic since launch (the link does not name the campaign), null before launch', async () => {
    const { id, topicId } = await launchedWithLinks();
    const [gone] = await subscribedPartners(ctx, 1, topicId);
    await unsubscribeAddress(ctx.db, gone!.email, topicId);
    const asAdmin = await injectAs(ctx, admin);
    expect((await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${id}/counts` })).json().unsubscribedSinceLaunch).toBe(1);
    const c = await draft(ctx, admin.id, { topicId });
    expect((await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${c.id}/counts` })).json()).toEqual({ unsubscribedSinceLaunch: null, links: [] });
    expect((await asAdmin({ method: 'GET', url: '/api/newsletters/campaigns/00000000-0000-4000-8000-000000000000/counts' })).statusCode).toBe(404);
  });
});
