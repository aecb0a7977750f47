/**
 * News pages (issue 12) with the network stubbed at fetch: what they ask the
 * api and what they show — feed marks and filters, search snippets rendered
 * as text, the post page's event and calendar link, the editor's own checks,
 * the calendar grouped by day.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewsAgenda, NewsFeed, NewsPostDetail, NewsPostListItem, NewsSearchResult } from '../../client/features/news/types';
import { validatePost } from '../../client/features/news/validation';
import { toValues } from '../../client/features/news/post-values';
import type { Me } from '../../client/features/accounts/types';
import { anonymous, makeUser, mockApi, renderApp, type Call } from './utils';
import { EVERYONE } from '../helpers/audience';

beforeAll(() => {
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() } });
  }
});

const partner: Me = makeUser('partner', { establishment: { id: 'est-1', name: 'Camping des Cévennes' } });
const staff: Me = makeUser('staff');
const categories = {
  items: [
    { id: 'vie-du-reseau', labelFr: 'Vie du réseau', labelEn: 'Network life', position: 1, postCount: 3 },
    { id: 'evenements', labelFr: 'Événements', labelEn: 'Events', position: 5, postCount: 1 },
  ],
};
const territory = {
  communautes: [],
  communes: [{ inseeCode: '30350', name: 'Le Vigan', postalCode: '30120', departmentCode: '30', departmentName: 'Gard', population: 3800, communauteId: 'cc-pays-viganais' }],
  offices: [{ id: 'bit-le-vigan', name: 'Bureau du Vigan', communeInsee: '30350', address: 'Place du Marché', phone: null, seasonal: false, verified: true, active: true }],
  categories: [],
  labels: [],
};

function item(n: number, over: Partial<NewsPostListItem> = {}): NewsPostListItem {
  return {
    id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`, title: `Actualité ${n}`, summary: `Résumé ${n}`, categoryId: 'vie-du-reseau',
    status: 'published', state: 'live', publishAt: '2030-03-02T08:00:00.000Z', expiresAt: null, pinnedUntil: null, pinned: false, important: false,
    cover: null, event: null, author: { id: staff.id, name: staff.name }, unread: false, commentCount: 0, updatedAt: '2030-03-02T08:00:00.000Z', ...over,
  };
}

const event = {
  // 17:30 UTC in March is 18:30 in Paris.
  start: '2030-03-20T17:30:00.000Z', end: '2030-03-20T19:00:00.000Z',
  place: { kind: 'office' as const, officeId: 'bit-le-vigan', officeName: 'Bureau du Vigan', communeInsee: '30350', communeName: 'Le Vigan', postalCode: '30120', address: 'Place du Marché', onlineUrl: null, mapUrl: 'https://www.openstreetmap.org/search?query=Place%20du%20March%C3%A9%2C%2030120%20Le%20Vigan' },
};

function detail(over: Partial<NewsPostDetail> = {}): NewsPostDetail {
  return {
    ...item(1, { pinned: true, important: true, unread: false, event, cover: { url: '/api/news/posts/x/cover', alt: 'Le salon du tourisme au Vigan', width: 1600, height: 900 } }),
    bodyHtml: '<h2>Programme</h2><p>Venez <strong>nombreux</strong>.</p>', attachments: [{ documentId: '00000000-0000-4000-8000-000000000301', title: 'Plan du salon', mediaType: 'application/pdf', size: 120_000, downloadUrl: '/api/documents/00000000-0000-4000-8000-000000000301/download' }],
    reactionCount: 0, myReaction: false, muted: false, createdAt: '2030-03-01T08:00:00.000Z', ...over,
  };
}

/** Every call goes through `answer`; /api/me, the refresh, categories and territory have fixed answers. */
function stubApi(me: Me, answer: (call: Call) => { status?: number; body?: unknown } | undefined) {
  const { calls, fetchMock } = mockApi({});
  fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const call: Call = { method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    let reply: { status?: number; body?: unknown } | undefined;
    if (call.path === '/api/me') reply = { body: me };
    else if (call.path === '/api/auth/refresh') reply = anonymous['POST /api/auth/refresh'];
    else if (call.path === '/api/news/categories') reply = { body: categories };
    else if (call.path === '/api/territory') reply = { body: territory };
    else reply = answer(call) ?? { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Introuvable' } };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  });
  return calls;
}

/** A Mantine Select's input (its listbox carries the same label). */
const selectInput = (label: string | RegExp) => screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT')!;

describe('news feed (partner)', () => {
  it('shows pinned posts first as the server orders them, unread marks in words, and marks all as read', async () => {
    let unread = true;
    const feed = (): NewsFeed => ({
      items: [item(1, { pinned: true, unread, title: 'Salon du tourisme' }), item(2, { unread: false, title: 'Taxe de séjour' })],
      total: 2, page: 1, pageSize: 20, unreadCount: unread ? 1 : 0,
    });
    const calls = stubApi(partner, ({ method, path }) => {
      if (path === '/api/news/feed' && method === 'GET') return { body: feed() };
      if (path === '/api/news/feed/read-all' && method === 'POST') {
        unread = false;
        return { body: { marked: 1 } };
      }
      return undefined;
    });
    await renderApp('/actualites');

    const articles = await screen.findAllByRole('article');
    expect(articles.map((a) => within(a).getByRole('heading').textContent)).toEqual(['Salon du tourisme', 'Taxe de séjour']);
    // The unread mark is a word (not a colour alone), next to the « Épinglé » mark.
    expect(within(articles[0]!).getByText('Non lu')).toBeInTheDocument();
    expect(within(articles[0]!).getByText('Épinglé')).toBeInTheDocument();
    expect(within(articles[1]!).queryByText('Non lu')).not.toBeInTheDocument();
    expect(screen.getByText('1 actualité non lue')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));
    await waitFor(() => expect(screen.queryByText('Non lu')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Tout marquer comme lu' })).toBeDisabled();
    expect(calls.filter((c) => c.path === '/api/news/feed/read-all')).toHaveLength(1);
  });

  it('sends the category filter to the api and keeps it in the address', async () => {
    const calls = stubApi(partner, ({ path, query }) =>
      path === '/api/news/feed' ? { body: { items: query.get('categoryId') ? [] : [item(1)], total: query.get('categoryId') ? 0 : 1, page: 1, pageSize: 20, unreadCount: 0 } } : undefined,
    );
    const { router } = await renderApp('/actualites');
    await screen.findByRole('article');
    await userEvent.click(selectInput('Catégorie'));
    await userEvent.click(await screen.findByRole('option', { name: 'Événements', hidden: true }));
    await screen.findByText('Aucune actualité ne correspond à ces critères.');
    expect(router.state.location.search).toBe('?category=evenements');
    expect(calls.filter((c) => c.path === '/api/news/feed').at(-1)?.query.get('categoryId')).toBe('evenements');
  });

  it('renders search snippets as text with the matches in <mark>, never as HTML', async () => {
    const result: NewsSearchResult = {
      items: [{
        kind: 'post', id: item(3).id, title: 'Ouverture de l’été', summary: '', categoryId: 'vie-du-reseau', establishmentName: null, publishedAt: '2030-03-02T08:00:00.000Z', rank: 0.5,
        snippet: [{ text: 'La saison d’', mark: false }, { text: 'été', mark: true }, { text: ' <img src=x onerror=alert(1)> commence', mark: false }],
      }],
      total: 1, page: 1, pageSize: 20, accentInsensitiveSearch: true,
    };
    const calls = stubApi(partner, ({ path }) => {
      if (path === '/api/news/search') return { body: result };
      if (path === '/api/news/feed') return { body: { items: [], total: 0, page: 1, pageSize: 20, unreadCount: 0 } };
      return undefined;
    });
    const { container } = await renderApp('/actualites');
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Rechercher dans les actualités' }), 'ete');
    expect(await screen.findByText('1 résultat pour « ete »')).toBeInTheDocument();
    const mark = container.querySelector('mark');
    expect(mark?.textContent).toBe('été');
    // The hostile text is shown as text: no element was created from it.
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)> commence/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ouverture de l’été' })).toHaveAttribute('href', `/actualites/${item(3).id}`);
    expect(calls.find((c) => c.path === '/api/news/search')?.query.get('q')).toBe('ete');
  });
});

describe('post page', () => {
  it('shows the cover with its alt, Paris times, the body, attachments, the place with its map link and the .ics', async () => {
    const post = detail();
    stubApi(partner, ({ path }) => (path === `/api/news/posts/${post.id}` ? { body: post } : undefined));
    await renderApp(`/actualites/${post.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Actualité 1' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Le salon du tourisme au Vigan' })).toHaveAttribute('src', post.cover!.url);
    expect(screen.getByText('Important')).toBeInTheDocument();
    // Sanitised body as HTML, its h2 one level down.
    expect(screen.getByText('nombreux', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Programme' })).toBeInTheDocument();
    const eventBlock = screen.getByRole('region', { name: 'Événement' });
    expect(within(eventBlock).getByText(/18:30 – 20:00/)).toBeInTheDocument();
    expect(within(eventBlock).getByText(/Bureau du Vigan, Place du Marché, 30120 Le Vigan/)).toBeInTheDocument();
    expect(within(eventBlock).getByRole('link', { name: 'Voir sur la carte (OpenStreetMap)' })).toHaveAttribute('href', event.place.mapUrl);
    expect(within(eventBlock).getByRole('link', { name: 'Ajouter à mon agenda' })).toHaveAttribute('href', `/api/news/posts/${post.id}/event.ics`);
    expect(screen.getByRole('link', { name: 'Plan du salon' })).toHaveAttribute('href', post.attachments[0]!.downloadUrl);
    // A partner has no edit button.
    expect(screen.queryByRole('link', { name: 'Modifier' })).not.toBeInTheDocument();
  });

  it('says when a post does not exist (or is not for the reader: the server answers 404 to both)', async () => {
    stubApi(partner, () => undefined);
    await renderApp('/actualites/00000000-0000-4000-8000-000000000999');
    expect((await screen.findAllByText(/introuvable/i)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { level: 1, name: /Actualité/ })).not.toBeInTheDocument();
  });
});

describe('calendar', () => {
  it('lists events per day in Paris time, each linking to its post, and moves month by month', async () => {
    const agenda = (month: string | null): NewsAgenda => ({
      from: '2030-03-01T00:00:00.000Z', to: null,
      items: month === '2030-04' ? [] : [
        { postId: item(1).id, title: 'Salon du tourisme', summary: '', categoryId: 'evenements', start: event.start, end: event.end, place: event.place, unread: true, icsUrl: `/api/news/posts/${item(1).id}/event.ics` },
        // 23:30 UTC on the 21st is already the 22nd in Paris.
        { postId: item(2).id, title: 'Réunion Carte PASS', summary: '', categoryId: 'vie-du-reseau', start: '2030-03-21T23:30:00.000Z', end: null, place: null, unread: false, icsUrl: `/api/news/posts/${item(2).id}/event.ics` },
      ],
    });
    const calls = stubApi(partner, ({ path, query }) => (path === '/api/news/agenda' ? { body: agenda(query.get('month')) } : undefined));
    await renderApp('/agenda?view=month&month=2030-03');

    expect(await screen.findByRole('heading', { name: /mercredi 20 mars 2030/i })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /vendredi 22 mars 2030/i })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Salon du tourisme' })).toHaveAttribute('href', `/actualites/${item(1).id}`);
    expect(screen.getByRole('link', { name: 'Ajouter à mon agenda — Salon du tourisme' })).toHaveAttribute('href', `/api/news/posts/${item(1).id}/event.ics`);
    expect(calls.find((c) => c.path === '/api/news/agenda')?.query.get('month')).toBe('2030-03');

    await userEvent.click(screen.getByRole('button', { name: 'Mois suivant' }));
    expect(await screen.findByText('Aucun événement en avril 2030.')).toBeInTheDocument();
  });
});

describe('editor (staff)', () => {
  const now = new Date('2030-03-01T10:00:00Z');
  const base = { ...toValues(undefined), title: 'Salon', categoryId: 'evenements' };

  it('validates like the server: alt text of a cover, event order, place, https link, dates', () => {
    expect(validatePost(base, now)).toEqual({});
    expect(validatePost({ ...base, title: ' ', categoryId: '' }, now)).toEqual({ title: 'validation.required', categoryId: 'validation.required' });
    const image = new File(['x'], 'salon.jpg', { type: 'image/jpeg' });
    expect(validatePost({ ...base, coverFile: image }, now)).toEqual({ coverAlt: 'validation.coverAlt' });
    expect(validatePost({ ...base, coverFile: new File(['x'], 'salon.gif', { type: 'image/gif' }), coverAlt: 'Salon' }, now)).toEqual({ coverFile: 'validation.coverType' });
    expect(validatePost({ ...base, hasEvent: true, eventStart: '2030-03-20 18:00:00', eventEnd: '2030-03-20 17:00:00', placeKind: 'online', onlineUrl: 'http://visio' }, now))
      .toEqual({ eventEnd: 'validation.eventRange', onlineUrl: 'validation.httpsUrl' });
    expect(validatePost({ ...base, hasEvent: true, eventStart: '2030-03-20 18:00:00', placeKind: 'office' }, now)).toEqual({ officeId: 'validation.required' });
    expect(validatePost({ ...base, publication: 'schedule', publishAt: '2030-02-01 09:00:00' }, now)).toEqual({ publishAt: 'validation.scheduleInPast' });
    expect(validatePost({ ...base, publication: 'schedule', publishAt: '2030-04-01 09:00:00', expiresAt: '2030-03-15 09:00:00' }, now)).toEqual({ expiresAt: 'validation.expiresBeforePublish' });
    expect(validatePost({ ...base, pinnedUntil: '2030-02-28 09:00:00' }, now)).toEqual({ pinnedUntil: 'validation.pinnedInPast' });
  });

  it('refuses to send a post without title and category, then creates it with its audience as a draft', async () => {
    const created = detail({ id: '00000000-0000-4000-8000-000000000400', title: 'Salon du tourisme', status: 'draft', state: 'draft', pinned: false, event: null, cover: null, attachments: [], audience: EVERYONE });
    const calls = stubApi(staff, ({ method, path }) => {
      if (path === '/api/news/posts' && method === 'POST') return { status: 201, body: created };
      if (path === `/api/news/posts/${created.id}`) return { body: created };
      if (path === '/api/documents') return { body: { items: [] } };
      return undefined;
    });
    const { router } = await renderApp('/actualites/gestion/nouvelle');
    const save = await screen.findByRole('button', { name: 'Enregistrer le brouillon' });
    await userEvent.click(save);
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/news/posts')).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: /^Titre/ }), 'Salon du tourisme');
    await userEvent.click(selectInput(/^Catégorie/));
    await userEvent.click(await screen.findByRole('option', { name: 'Événements', hidden: true }));
    await userEvent.click(save);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/actualites/gestion/${created.id}`));
    const body = calls.find((c) => c.method === 'POST' && c.path === '/api/news/posts')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Salon du tourisme', categoryId: 'evenements', status: 'draft', publishAt: null, event: null, attachmentIds: [], audience: { kind: 'everyone' } });
  });
});
