/**
 * « Liste d’exclusion » (admins): adding a complaint in its dialog. The
 * server's refusal is said inside the dialog, above the buttons, and the
 * dialog stays open; a second try closes it; « Annuler » closes it unsent.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, mockApi, problem, renderApp } from './utils';

const ADDRESS = 'plainte@example.fr';
const REFUSAL = 'Cette adresse est déjà exclue.';
const empty = { items: [], total: 0, page: 1, pageSize: 20 };

async function openAddDialog() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Ajouter une plainte' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Ajouter une plainte' }) };
}

describe('« Liste d’exclusion »: adding a complaint', () => {
  it('says a refusal inside the dialog, keeps it open, and closes it once added; « Annuler » sends nothing', async () => {
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: makeUser('admin') },
      'GET /api/newsletters/suppressions': { status: 200, body: empty },
      'POST /api/newsletters/suppressions': [problem(409, REFUSAL), { status: 201, body: { address: ADDRESS, reason: 'complaint', note: 'Par téléphone', createdAt: '2026-12-01T09:00:00.000Z' } }],
    });
    await renderApp('/lettres/liste-de-suppression');
    await screen.findByRole('heading', { level: 1, name: 'Liste d’exclusion' });

    const { user, dialog } = await openAddDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /^Adresse e-mail/ }), ADDRESS);
    await user.type(within(dialog).getByRole('textbox', { name: /^Note/ }), 'Par téléphone');
    await user.click(within(dialog).getByRole('button', { name: 'Exclure cette adresse' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(REFUSAL);

    await user.click(within(dialog).getByRole('button', { name: 'Exclure cette adresse' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ajouter une plainte' })).not.toBeInTheDocument());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).toEqual([0, 1].map(() => ({ address: ADDRESS, reason: 'complaint', note: 'Par téléphone' })));

    const again = await openAddDialog();
    await again.user.click(within(again.dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ajouter une plainte' })).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  }, 60_000); // ~30 keystrokes and three dialogs: like invitation.test.tsx, slow when the 2 cores are shared
});
