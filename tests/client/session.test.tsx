import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, mockApi, problem, renderApp } from './utils';

const page = { items: [], total: 0, page: 1, pageSize: 20 };
const territory = { communautes: [], communes: [], offices: [], categories: [], labels: [] };

describe('expired sessions', () => {
  it('refreshes silently once and retries the request', async () => {
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: makeUser('staff') },
      'GET /api/territory': { status: 200, body: territory },
      'GET /api/establishments': [problem(401, 'Votre session a expiré.'), { status: 200, body: page }],
      'POST /api/auth/refresh': { status: 200, body: { user: makeUser('staff') } },
    });
    await renderApp('/etablissements');
    expect(await screen.findByText('Aucun établissement pour l\'instant')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
    expect(calls.filter((c) => c.path === '/api/establishments')).toHaveLength(2);
  });

  it('returns to log-in with ?next= when the refresh fails too', async () => {
    mockApi({
      'GET /api/me': { status: 200, body: makeUser('staff') },
      'GET /api/territory': { status: 200, body: territory },
      'GET /api/establishments': problem(401, 'Votre session a expiré.'),
      'POST /api/auth/refresh': problem(401, 'Votre session a expiré.'),
    });
    const { router } = await renderApp('/etablissements?label=Accueil%20V%C3%A9lo');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/etablissements?label=Accueil%20V%C3%A9lo');
    expect(await screen.findByText('Votre session a expiré. Reconnectez-vous pour continuer.')).toBeInTheDocument();
  });

  it('shows the server’s message when a list fails to load', async () => {
    mockApi({
      'GET /api/me': { status: 200, body: makeUser('admin') },
      'GET /api/users': problem(500, 'Une erreur inattendue est survenue. Réessayez plus tard.'),
    });
    await renderApp('/utilisateurs');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Une erreur inattendue est survenue. Réessayez plus tard.');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});

describe('visitors without a session', () => {
  const clearMarker = () => {
    document.cookie = 'ep_session=; Max-Age=0; Path=/';
  };

  it('ask nothing about the session when the "signed in" marker is absent', async () => {
    clearMarker();
    const { calls } = mockApi({});
    await renderApp('/connexion');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/me' || c.path === '/api/auth/refresh')).toEqual([]);
  });

  it('drop a stale marker after one unanswered session check, so the next page asks nothing', async () => {
    const { calls } = mockApi({
      'GET /api/me': problem(401, 'Votre session a expiré.'),
      'POST /api/auth/refresh': problem(401, 'Votre session a expiré.'),
    });
    await renderApp('/connexion');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/me')).toHaveLength(1);
    expect(document.cookie).not.toContain('ep_session=');
  });

  it('sends a visitor of a signed-in page to log-in without asking the server', async () => {
    clearMarker();
    const { calls } = mockApi({});
    const { router } = await renderApp('/etablissements');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fetablissements');
    expect(calls).toEqual([]);
  });
});
