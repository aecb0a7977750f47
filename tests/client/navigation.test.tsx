import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../client/features/accounts/types';
import { makeUser, mockApi, renderApp } from './utils';

function navLinks() {
  const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent);
}

/** Signs in as `role` and opens `path`. */
async function openAs(role: Me['role'], path: string) {
  mockApi({ 'GET /api/me': { status: 200, body: makeUser(role) } });
  return renderApp(path);
}

/** Waits until the main navigation marks `current` as the page being shown, and checks that `other` is not marked. */
async function expectCurrentEntry(current: string, other: string) {
  const nav = within(screen.getByRole('navigation', { name: 'Navigation principale' }));
  await waitFor(() => expect(nav.getByRole('link', { name: current })).toHaveAttribute('aria-current', 'page'));
  expect(nav.getByRole('link', { name: other })).not.toHaveAttribute('aria-current');
}

describe('navigation by role', () => {
  it('hides the staff and admin sections from partners, and refuses their pages', async () => {
    await openAs('partner', '/mon-etablissement');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon établissement' })).toBeInTheDocument();
    const links = navLinks();
    // Only what exists: no section announced as "coming soon".
    expect(links).toEqual(['Accueil', 'Mon établissement', 'Actualités', 'Agenda', 'Retours d’expérience', 'Formations', 'Documents', 'Mes propositions', 'Mes chiffres', 'Observatoire', 'Mes lettres']);
    for (const hidden of ['Établissements', 'Utilisateurs', 'Newsletters', "Boîte d'envoi"]) expect(links).not.toContain(hidden);
    expect(screen.getByRole('link', { name: 'Mon établissement' })).toHaveAttribute('aria-current', 'page');
  });

  it('has no page for sections not delivered yet', async () => {
    await openAs('partner', '/newsletters');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    expect(screen.queryByText('Bientôt disponible')).not.toBeInTheDocument();
  });

  it('a partner typing a staff address gets "Accès refusé", not the page', async () => {
    const { calls } = mockApi({ 'GET /api/me': { status: 200, body: makeUser('partner') } });
    await renderApp('/utilisateurs');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/users')).toBe(false);
  });

  it('shows staff the network tools but not the admin outbox', async () => {
    await openAs('staff', '/etablissements');
    expect(await screen.findByRole('heading', { level: 1, name: 'Établissements' })).toBeInTheDocument();
    const links = navLinks();
    expect(links).toEqual(['Accueil', 'Actualités', 'Agenda', 'Retours d’expérience', 'Formations', 'Documents', 'Observatoire', 'Mes lettres', 'Établissements', 'Utilisateurs', 'Actualités du réseau', 'Modération', 'Propositions', 'Chiffres des partenaires', 'Comptoir', 'Fréquentation', 'Saisie de fréquentation']);
    expect(links).not.toContain("Boîte d'envoi");
    expect(links).not.toContain('Mon établissement');
  });

  it('marks only the most precise entry as the current page', async () => {
    await openAs('staff', '/documents/propositions');
    await screen.findByRole('link', { name: 'Propositions' });
    await expectCurrentEntry('Propositions', 'Documents');
  });

  it('marks « Mes propositions », not « Documents », on the page that proposes a document', async () => {
    await openAs('partner', '/documents/proposer');
    await screen.findByRole('heading', { level: 1, name: 'Proposer un document' });
    await expectCurrentEntry('Mes propositions', 'Documents');
  });

  it('shows admins the outbox too', async () => {
    await openAs('admin', '/utilisateurs');
    await screen.findByRole('heading', { level: 1, name: 'Utilisateurs' });
    expect(navLinks()).toContain("Boîte d'envoi");
  });

  it('gives admins the newsletter topics, the suppression list and the queue dashboard, the latter as a full page load of the api', async () => {
    await openAs('admin', '/utilisateurs');
    await screen.findByRole('heading', { level: 1, name: 'Utilisateurs' });
    const links = navLinks();
    const at = links.indexOf('Lettres du réseau');
    expect(links.slice(at, at + 5)).toEqual(['Lettres du réseau', 'Segments', 'Thèmes des lettres', 'Liste d’exclusion', 'Files de tâches']);
    expect(screen.getByRole('link', { name: 'Thèmes des lettres' })).toHaveAttribute('href', '/lettres/themes');
    expect(screen.getByRole('link', { name: 'Liste d’exclusion' })).toHaveAttribute('href', '/lettres/liste-de-suppression');
    expect(screen.getByRole('link', { name: 'Files de tâches' })).toHaveAttribute('href', '/api/admin/queues');
  });

  it('sends visitors to the log-in page with ?next= pointing back', async () => {
    mockApi({
      'GET /api/me': { status: 401, body: { detail: 'Veuillez vous connecter.' } },
      'POST /api/auth/refresh': { status: 401, body: { detail: 'Session expirée.' } },
    });
    const { router } = await renderApp('/etablissements?category=hebergement');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/connexion');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/etablissements?category=hebergement');
  });
});

describe('focus after navigation', () => {
  it('the user menu’s « Préférences » lands on that section of the profile, even coming from another page', async () => {
    const me = makeUser('partner');
    mockApi({ 'GET /api/me': { status: 200, body: me } });
    const { router } = await renderApp('/profil');
    await screen.findByRole('heading', { level: 1, name: 'Mon profil' });
    await router.navigate('/mon-etablissement');
    await screen.findByRole('heading', { level: 1, name: 'Mon établissement' });
    // Another page moves focus to its content, not to a section.
    await waitFor(() => expect(document.activeElement?.id).toBe('contenu'));

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `Menu de ${me.name}` }));
    // happy-dom has no layout, so floating-ui marks the open menu as "reference hidden": include hidden nodes.
    await user.click(await screen.findByRole('menuitem', { name: 'Préférences', hidden: true }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Préférences' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(router.state.location.hash).toBe('#preferences');
  });
});
