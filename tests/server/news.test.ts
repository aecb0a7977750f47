import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEstablishment, createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { CAMPSITES, EVERYONE } from '../helpers/audience';

/**
 * The news core against real PostgreSQL: a post for campsites is invisible
 * to a restaurant partner (feed, detail, search, agenda, .ics); hostile HTML
 * is neutralised; at most three posts are pinned; scheduled and expired posts
 * stay out of the feed; French search is accent-insensitive.
 */

let ctx: TestContext;
let staff: TestUser;
let camper: TestUser;
let cook: TestUser;
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function as(user: TestUser) {
  return injectAs(ctx, user);
}
async function create(body: Record<string, unknown>) {
  const res = await (await as(staff))({ method: 'POST', url: '/api/news/posts', payload: { summary: '', bodyHtml: '', categoryId: 'vie-du-reseau', audience: EVERYONE, status: 'published', ...body } });
  return res;
}

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { name: 'Camping des Chênes', category: 'hebergement', subcategory: 'camping' });
  const restaurant = await createEstablishment(ctx, { name: 'Restaurant du Pont', category: 'restauration', subcategory: null });
  camper = await createUser(ctx, 'partner', { establishmentId: camping.id });
  cook = await createUser(ctx, 'partner', { establishmentId: restaurant.id });
});

afterAll(async () => ctx?.close());

describe('news audience', () => {
  it('a post for campsites is invisible to a restaurant partner in feed, detail, search, agenda and .ics', async () => {
    const res = await create({ title: 'Ouverture de la saison des campings', audience: CAMPSITES, event: { start: soon(10), place: { kind: 'commune', communeInsee: '30350' } } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    for (const [user, sees] of [[camper, true], [cook, false]] as const) {
      const inject = await as(user);
      const feed = (await inject({ method: 'GET', url: '/api/news/feed' })).json();
      expect(feed.items.some((p: { id: string }) => p.id === id)).toBe(sees);
      expect((await inject({ method: 'GET', url: `/api/news/posts/${id}` })).statusCode).toBe(sees ? 200 : 404);
      const search = (await inject({ method: 'GET', url: '/api/news/search?q=saison campings' })).json();
      expect(search.items.some((h: { id: string }) => h.id === id)).toBe(sees);
      const agenda = (await inject({ method: 'GET', url: '/api/news/agenda' })).json();
      expect(agenda.items.some((a: { postId: string }) => a.postId === id)).toBe(sees);
      const ics = await inject({ method: 'GET', url: `/api/news/posts/${id}/event.ics` });
      expect(ics.statusCode).toBe(sees ? 200 : 404);
      if (sees) expect(ics.body).toContain('BEGIN:VEVENT');
    }
  });

  it('opening a post marks it read; the feed shows it read afterwards', async () => {
    const id = (await create({ title: 'Lecture test' })).json().id;
    const inject = await as(cook);
    const before = (await inject({ method: 'GET', url: '/api/news/feed' })).json();
    expect(before.items.find((p: { id: string }) => p.id === id).unread).toBe(true);
    await inject({ method: 'GET', url: `/api/news/posts/${id}` });
    const after = (await inject({ method: 'GET', url: '/api/news/feed' })).json();
    expect(after.items.find((p: { id: string }) => p.id === id).unread).toBe(false);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
  });
});

describe('news writes', () => {
  it('neutralises hostile HTML in the body', async () => {
    const res = await create({ title: 'HTML hostile', bodyHtml: '<p onclick="x()">Bonjour<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lien</a></p>' });
    expect(res.statusCode).toBe(201);
    const html: string = res.json().bodyHtml;
    expect(html).toContain('Bonjour');
    expect(html).not.toMatch(/script|onerror|onclick|javascript:/i);
  });

  it('refuses a fourth pinned post with a French message', async () => {
    for (let i = 0; i < 3; i++) expect((await create({ title: `Épinglée ${i}`, pinnedUntil: soon(5) })).statusCode).toBe(201);
    const res = await create({ title: 'Épinglée de trop', pinnedUntil: soon(5) });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/Trois actualités sont déjà épinglées/);
    const feed = (await (await as(cook))({ method: 'GET', url: '/api/news/feed' })).json();
    expect(feed.items.slice(0, 3).every((p: { pinned: boolean }) => p.pinned)).toBe(true);
  });

  it('keeps scheduled and expired posts out of the partner feed', async () => {
    const scheduled = (await create({ title: 'Programmée', publishAt: soon(2) })).json().id;
    const expiring = (await create({ title: 'Expirée', publishAt: soon(-3), expiresAt: soon(-1) })).json().id;
    const feed = (await (await as(cook))({ method: 'GET', url: '/api/news/feed?pageSize=50' })).json();
    const ids = feed.items.map((p: { id: string }) => p.id);
    expect(ids).not.toContain(scheduled);
    expect(ids).not.toContain(expiring);
    expect((await (await as(cook))({ method: 'GET', url: `/api/news/posts/${scheduled}` })).statusCode).toBe(404);
    expect((await (await as(staff))({ method: 'GET', url: `/api/news/posts/${scheduled}` })).json().state).toBe('scheduled');
  });
});

describe('news search (French)', () => {
  it('"ete" finds « été »; `gîtes -camping` excludes', async () => {
    const summer = (await create({ title: 'Programme de l’été', bodyHtml: '<p>Les animations estivales</p>' })).json().id;
    const gites = (await create({ title: 'Classement des gîtes', summary: 'Nouvelles règles' })).json().id;
    const both = (await create({ title: 'Gîtes et camping', summary: 'Comparatif' })).json().id;
    const inject = await as(cook);
    const ete = (await inject({ method: 'GET', url: '/api/news/search?q=ete' })).json();
    expect(ete.items.map((h: { id: string }) => h.id)).toContain(summer);
    expect(ete.items.find((h: { id: string }) => h.id === summer).snippet).toBeInstanceOf(Array);
    const ids = (await inject({ method: 'GET', url: `/api/news/search?q=${encodeURIComponent('gîtes -camping')}` })).json().items.map((h: { id: string }) => h.id);
    expect(ids).toContain(gites);
    expect(ids).not.toContain(both);
  });
});
