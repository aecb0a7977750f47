/**
 * News participation pages with the network stubbed at fetch: comments show
 * typed markup as text and links as safe anchors, hidden comments as
 * « masqué par la modération », and the form posts plain text.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewsComment, NewsSheet } from '../../server/schemas/news';
import { makeUser, mockApi, renderApp } from './utils';

beforeAll(() => {
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() } });
  }
});

const partner = makeUser('partner');
const sheetId = '22222222-2222-4222-8222-222222222222';
const sheet: NewsSheet = {
  id: sheetId, title: 'Un été sans voiture', establishment: { id: 'e1', name: 'Camping Les Châtaigniers', communeName: 'Ganges' },
  author: null, status: 'published', publishedAt: '2026-11-02T09:00:00.000Z', createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z',
  commentCount: 2, reactions: { count: 3, mine: false }, context: 'Clients en train.', actions: 'Vélos prêtés.', result: 'Séjours plus longs.',
  figures: [{ label: 'Nuitées', value: '+12 %' }], photos: [], staffRemark: null, editable: false,
};
const comment = (over: Partial<NewsComment>): NewsComment => ({
  id: '33333333-3333-4333-8333-333333333331', postId: null, sheetId, author: { id: 'u9', name: 'Jean Fabre', establishmentName: 'Mas des Chênes', staff: false },
  body: '', createdAt: '2026-11-03T09:00:00.000Z', editedAt: null, status: 'visible', deleted: false, mine: false, editableUntil: null,
  reactions: { count: 0, mine: false }, reportedByMe: false, ...over,
});

describe('comments of a published sheet', () => {
  it('renders markup as text, links with rel="noopener noreferrer nofollow ugc", hidden comments as moderated, and posts plain text', async () => {
    const hostile = '<img src=x onerror=alert(1)> voir https://www.cevennes-gorges-du-tarn.com';
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: partner },
      [`GET /api/news/sheets/${sheetId}`]: { status: 200, body: sheet },
      [`GET /api/news/sheets/${sheetId}/comments`]: {
        status: 200,
        body: { items: [comment({ body: hostile }), comment({ id: '33333333-3333-4333-8333-333333333332', status: 'hidden' })], total: 2, page: 1, pageSize: 50 },
      },
      [`POST /api/news/sheets/${sheetId}/comments`]: { status: 201, body: comment({ body: 'Bravo', mine: true }) },
    });
    await renderApp(`/retours-experience/${sheetId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Un été sans voiture' })).toBeTruthy();
    expect(await screen.findByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    const link = screen.getByRole('link', { name: 'https://www.cevennes-gorges-du-tarn.com' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(link.getAttribute('href')).toBe('https://www.cevennes-gorges-du-tarn.com');
    expect(screen.getByText('Commentaire masqué par la modération')).toBeTruthy();
    expect(screen.getByText(/Camping Les Châtaigniers/)).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Votre commentaire'), 'Bravo');
    await userEvent.click(screen.getByRole('button', { name: 'Publier le commentaire' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === `/api/news/sheets/${sheetId}/comments`)).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ body: 'Bravo' });
  });
});
