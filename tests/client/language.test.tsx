import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../client/i18n';
import { anonymous, makeUser, mockApi, renderApp } from './utils';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('language', () => {
  it('has every French string translated into English and back, in every namespace', async () => {
    expect(Object.keys(catalogues)).toEqual(['common', 'accounts', 'news', 'trainings', 'documents', 'contributions', 'figures', 'newsletters', 'visits', 'legal']);
    for (const [namespace, { fr: loadFr, en: loadEn }] of Object.entries(catalogues)) {
      const frKeys = keys((await loadFr()).default).sort();
      const enKeys = keys((await loadEn()).default).sort();
      expect(frKeys.length, namespace).toBeGreaterThan(0);
      expect(enKeys.filter((k) => !frKeys.includes(k)), namespace).toEqual([]);
      expect(frKeys.filter((k) => !enKeys.includes(k)), namespace).toEqual([]);
    }
  });

  it('switches a visitor to English: strings, tab title, <html lang> and the api’s Accept-Language', async () => {
    const { fetchMock } = mockApi({ ...anonymous, 'POST /api/auth/password/forgot': { status: 202 } });
    await renderApp('/connexion');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Log in — Espace Pro Sud Cévennes');
    expect(screen.getByRole('button', { name: 'Français' })).toHaveAttribute('lang', 'fr');
    expect(localStorage.getItem('ep.language')).toBe('en');

    await user.click(screen.getByRole('link', { name: 'Forgotten password?' }));
    // After a navigation, focus moves to the new page's content (screen readers start there).
    expect(await screen.findByRole('heading', { level: 1, name: 'Forgotten password' })).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toHaveAttribute('id', 'contenu'));
    await user.type(await screen.findByRole('textbox', { name: 'E-mail address' }), 'marie@example.fr');
    await user.click(screen.getByRole('button', { name: 'Send me the link' }));
    await screen.findByText('Request received');
    const [, init] = fetchMock.mock.calls.at(-1)!;
    expect((init?.headers as Record<string, string>)['accept-language']).toBe('en');
  });

  it('speaks the signed-in user’s language and saves a change on the account', async () => {
    const me = makeUser('partner', { language: 'en' });
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: me },
      'PATCH /api/me': ({ body }) => ({ status: 200, body: { ...me, ...(body as object) } }),
    });
    await renderApp('/profil');
    expect(await screen.findByRole('heading', { level: 1, name: 'My profile' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(await screen.findByRole('link', { name: 'Home' })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Menu for ${me.name}` }));
    // happy-dom has no layout, so floating-ui marks the open menu as "reference hidden": include hidden nodes.
    await user.click(await screen.findByRole('menuitem', { name: 'Français', hidden: true }));
    expect(await screen.findByRole('link', { name: 'Accueil' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH' && c.path === '/api/me')?.body).toEqual({ language: 'fr' }));
  });
});
