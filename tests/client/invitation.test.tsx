import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { anonymous, makeUser, mockApi, problem, renderApp } from './utils';

const TOKEN = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_-abcd';

describe('accepting an invitation', () => {
  it('enforces the server’s password rules as the user types, then activates the account', async () => {
    const me = makeUser('partner', { name: 'Marie Causse' });
    const { calls } = mockApi({
      ...anonymous,
      [`GET /api/auth/tokens/${TOKEN}`]: { status: 200, body: { purpose: 'invitation', email: me.email, name: 'Marie Causse' } },
      'POST /api/auth/invitation/accept': { status: 200, body: { user: me } },
    });
    const { router } = await renderApp(`/invitation/${TOKEN}`);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: "Bienvenue sur l'Espace Pro" })).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: 'Nom' })).toHaveValue('Marie Causse');
    const password = screen.getByLabelText('Nouveau mot de passe');

    await user.type(password, 'court');
    expect(await screen.findByText('Le mot de passe doit contenir au moins 12 caractères.')).toBeInTheDocument();

    // Long enough but in the French dictionary of common passwords (the server refuses it too).
    await user.clear(password);
    await user.type(password, 'motdepasse123');
    expect(await screen.findByText(/Ce mot de passe est trop courant/, undefined, { timeout: 15_000 })).toBeInTheDocument();

    await user.clear(password);
    await user.type(password, 'Châtaigne-Aigoual-2025!');
    await user.type(screen.getByLabelText('Confirmer le mot de passe'), 'Châtaigne-Aigoual-2024!');
    expect(await screen.findByText('Les deux mots de passe ne sont pas identiques.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));
    expect(calls.some((c) => c.path === '/api/auth/invitation/accept')).toBe(false);

    await user.clear(screen.getByLabelText('Confirmer le mot de passe'));
    await user.type(screen.getByLabelText('Confirmer le mot de passe'), 'Châtaigne-Aigoual-2025!');
    expect(screen.getByText(/Fort|Très fort/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const accept = calls.find((c) => c.path === '/api/auth/invitation/accept');
    expect(accept?.body).toEqual({ token: TOKEN, password: 'Châtaigne-Aigoual-2025!', name: 'Marie Causse' });
  }, 60_000); // as the test below: ~80 keystrokes through the strength meter take 8 s on a quiet machine, 30 s when the 2 cores are shared

  it('asks the first administrator, created without a name, for their real name before activating', async () => {
    // Invited in English, opening the link in a French browser: the welcome speaks English.
    const me = makeUser('admin', { name: 'Sylvie Teissier', language: 'en' });
    const { calls } = mockApi({
      ...anonymous,
      [`GET /api/auth/tokens/${TOKEN}`]: { status: 200, body: { purpose: 'invitation', email: 'admin@localhost', name: '' } },
      'POST /api/auth/invitation/accept': { status: 200, body: { user: me } },
    });
    const { router } = await renderApp(`/invitation/${TOKEN}`);
    const user = userEvent.setup();
    const name = await screen.findByRole('textbox', { name: 'Nom' });
    expect(name).toHaveValue('');
    expect(name).toHaveAccessibleDescription('Votre nom et votre prénom\u00a0: ils signent les e-mails que vous envoyez depuis l’Espace Pro.');
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'Châtaigne-Aigoual-2025!');
    await user.type(screen.getByLabelText('Confirmer le mot de passe'), 'Châtaigne-Aigoual-2025!');
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));
    expect(calls.some((c) => c.path === '/api/auth/invitation/accept')).toBe(false);
    await user.type(name, 'Sylvie Teissier');
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(calls.find((c) => c.path === '/api/auth/invitation/accept')?.body).toMatchObject({ name: 'Sylvie Teissier' });
    expect(await screen.findByText('Welcome, Sylvie Teissier! Your account is active.')).toBeInTheDocument();
  }, 60_000);

  it('explains a used or expired link with the server’s message and a way forward', async () => {
    mockApi({
      ...anonymous,
      [`GET /api/auth/tokens/${TOKEN}`]: problem(404, 'Ce lien n’est plus valide. Il a peut-être déjà servi ou expiré.'),
    });
    await renderApp(`/invitation/${TOKEN}`);
    expect(await screen.findByText('Ce lien n’est plus valide. Il a peut-être déjà servi ou expiré.')).toBeInTheDocument();
    // An invitation that no longer works: ask the office, or have it sent again with one's address (issue 10 item 6).
    expect(screen.getByText(/Demandez une nouvelle invitation à l’office de tourisme/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Recevoir une nouvelle invitation' })).toHaveAttribute('href', '/mot-de-passe-oublie');
    expect(screen.queryByLabelText('Nouveau mot de passe')).not.toBeInTheDocument();
  });

  it('puts the server’s field error under the password when it refuses one', async () => {
    mockApi({
      ...anonymous,
      [`GET /api/auth/tokens/${TOKEN}`]: { status: 200, body: { purpose: 'password_reset', email: 'marie@example.fr', name: 'Marie' } },
      'POST /api/auth/password/reset': problem(400, 'Certaines informations sont invalides.', [
        { field: 'password', message: 'Ce mot de passe est trop courant. Choisissez-en un autre.' },
      ]),
    });
    await renderApp(`/reinitialiser/${TOKEN}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Nouveau mot de passe'), 'Rivière-Hérault-Cévenole-9');
    await user.type(screen.getByLabelText('Confirmer le mot de passe'), 'Rivière-Hérault-Cévenole-9');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText('Ce mot de passe est trop courant. Choisissez-en un autre.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Certaines informations sont invalides.');
  }, 30_000);
});
