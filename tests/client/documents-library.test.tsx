/**
 * The library page says plainly when the server's search is accent-sensitive
 * (a PostgreSQL without `unaccent`: README, « Documents: files, types and
 * search »): the degraded search is visible, never silent.
 */
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, mockApi, renderApp } from './utils';

beforeAll(() => {
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() } });
  }
});

const partner = makeUser('partner');
const ACCENT_NOTICE = /la recherche tient compte des accents/;

function openLibrary(path: string, accentInsensitiveSearch: boolean) {
  const api = mockApi({
    'GET /api/me': { status: 200, body: partner },
    'GET /api/documents/folders': { status: 200, body: { items: [] } },
    'GET /api/documents/follows': { status: 200, body: { folderIds: [] } },
    'POST /api/documents/visits': { status: 200, body: { previousVisitAt: null } },
    'GET /api/documents': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 24, accentInsensitiveSearch } },
  });
  return { api, view: renderApp(path) };
}

describe('library search on an accent-sensitive server', () => {
  it('a search says that accents matter here, naming the way to type it', async () => {
    const { api } = openLibrary('/documents?q=ete', false);
    await screen.findByRole('heading', { level: 1, name: 'Documents' });
    expect(await screen.findByText(ACCENT_NOTICE)).toHaveTextContent('tapez « été » plutôt que « ete »');
    expect(api.calls.some((c) => c.path === '/api/documents' && c.query.get('q') === 'ete')).toBe(true);
  });

  it('says nothing when the server ignores accents', async () => {
    openLibrary('/documents?q=ete', true);
    await screen.findByText('Aucun document ne correspond à ces critères.');
    expect(screen.queryByText(ACCENT_NOTICE)).toBeNull();
  });

  it('says nothing either without a search, even on an accent-sensitive server', async () => {
    openLibrary('/documents', false);
    await screen.findByText('La bibliothèque est vide.');
    expect(screen.queryByText(ACCENT_NOTICE)).toBeNull();
  });
});
