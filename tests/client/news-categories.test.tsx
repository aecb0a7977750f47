/**
 * Deleting a news category from « Catégories des actualités » (admins): the
 * red confirm, the DELETE on the category's id, a refusal said in a
 * notification with the dialog left open (a post may have been filed under it
 * meanwhile), then a second try that closes the dialog.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NewsCategory } from '../../client/features/news/types';
import { makeUser, mockApi, problem, renderApp } from './utils';

const unused: NewsCategory = { id: 'accueil-velo', labelFr: 'Accueil vélo', labelEn: 'Cycling welcome', position: 2, postCount: 0 };
const used: NewsCategory = { id: 'vie-du-reseau', labelFr: 'Vie du réseau', labelEn: 'Network life', position: 1, postCount: 3 };
const REFUSAL = 'Des actualités sont classées dans cette catégorie.';

describe('« Catégories des actualités »: deleting a category', () => {
  it('asks first, says a refusal with the dialog still open, then deletes on a second try', async () => {
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: makeUser('admin') },
      'GET /api/news/categories': { status: 200, body: { items: [used, unused] } },
      'DELETE /api/news/categories/accueil-velo': [problem(409, REFUSAL), { status: 204 }],
    });
    await renderApp('/actualites/gestion/categories');
    await screen.findByRole('heading', { level: 1, name: 'Catégories des actualités' });
    const user = userEvent.setup();
    expect(await screen.findByRole('button', { name: 'Supprimer la catégorie Vie du réseau' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Supprimer la catégorie Accueil vélo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer' });
    expect(dialog).toHaveTextContent('Supprimer la catégorie « Accueil vélo » ?');
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(await screen.findByText(REFUSAL)).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Supprimer' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Supprimer' })).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/news/categories/accueil-velo', '/api/news/categories/accueil-velo']);
  });
});
