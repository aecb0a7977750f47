import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { anonymous, makeUser, mockApi, problem, renderApp } from './utils';

describe('log-in page', () => {
  it('shows the server’s French message when the credentials are refused', async () => {
    const { calls } = mockApi({
      ...anonymous,
      'POST /api/auth/login': problem(401, 'Adresse e-mail ou mot de passe incorrect.'),
    });
    await renderApp('/connexion');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Adresse e-mail' }), 'marie@example.fr');
    await user.type(screen.getByLabelText('Mot de passe'), 'pas le bon mot de passe');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
    const login = calls.find((c) => c.path === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'marie@example.fr', password: 'pas le bon mot de passe' });
    // A refused log-in is not a lost session: no refresh attempt for it.
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1); // the initial "who am I" only
    expect(document.title).toBe('Connexion — Espace Pro Sud Cévennes');
  });

  it('checks the e-mail address before calling the server', async () => {
    const { calls } = mockApi(anonymous);
    await renderApp('/connexion');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Adresse e-mail' }), 'pas-une-adresse');
    await user.type(screen.getByLabelText('Mot de passe'), 'x');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText(/Saisissez une adresse e-mail valide/)).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/auth/login')).toBe(false);
  });

  it('accepts the default first administrator address (admin@localhost), as the server does', async () => {
    const { calls } = mockApi({ ...anonymous, 'POST /api/auth/login': problem(401, 'Adresse e-mail ou mot de passe incorrect.') });
    await renderApp('/connexion');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Adresse e-mail' }), 'admin@localhost');
    await user.type(screen.getByLabelText('Mot de passe'), 'x');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByRole('alert');
    expect(calls.find((c) => c.path === '/api/auth/login')?.body).toEqual({ email: 'admin@localhost', password: 'x' });
  });

  it('goes back to the page asked for (?next=) after logging in', async () => {
    const me = makeUser('partner');
    mockApi({ ...anonymous, 'POST /api/auth/login': { status: 200, body: { user: me } } });
    const { router } = await renderApp('/connexion?next=%2Fprofil');
    expect(await screen.findByText('Connectez-vous pour accéder à cette page.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), me.email);
    await user.type(screen.getByLabelText('Mot de passe'), 'Châtaigne-Aigoual-2025!');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon profil' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profil');
  });

  it('never follows a ?next= to another site', async () => {
    const me = makeUser('partner');
    mockApi({ ...anonymous, 'POST /api/auth/login': { status: 200, body: { user: me } } });
    const { router } = await renderApp('/connexion?next=%2F%2Fevil.example');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Adresse e-mail' }), me.email);
    await user.type(screen.getByLabelText('Mot de passe'), 'Châtaigne-Aigoual-2025!');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
