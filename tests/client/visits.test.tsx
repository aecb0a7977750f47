/**
 * The counter and the dashboard of the office visitor counts, with the
 * network stubbed (the server side has real tests): a tap records a contact;
 * when the network fails the contact waits in the browser's queue, shown as
 * « n contacts en attente d'envoi », and is sent once the network is back,
 * under the same id; the dashboard shows its charts' figures in tables.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_KEY } from '../../client/features/visits/offline-queue';
import { makeUser, mockApi, renderApp, type Call } from './utils';

beforeAll(() => {
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() } });
  }
});
afterEach(() => localStorage.removeItem(QUEUE_KEY));

const themes = [{ id: 3, labelFr: 'Randonnée', labelEn: 'Hiking', position: 3, active: true }];
const setup = { offices: [{ id: 'bit-le-vigan', name: 'Le Vigan' }], officeId: 'bit-le-vigan', themes, frequentOrigins: ['FR-30', 'BE'] };
const staffApi = { 'GET /api/me': { status: 200, body: makeUser('staff') }, 'GET /api/visits/setup': { status: 200, body: setup }, 'GET /api/visits/contacts/recent': { status: 200, body: { items: [] } } };

describe('counter', () => {
  it('one tap records a contact with the defaults and the chosen themes', async () => {
    const answered = (call: Call) => ({ status: 201, body: { created: true, contact: { ...(call.body as object), createdAt: new Date().toISOString(), correctableUntil: new Date().toISOString() } } });
    const { calls } = mockApi({ ...staffApi, 'POST /api/visits/contacts': answered });
    await renderApp('/frequentation/comptoir');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Comptoir' });
    await user.click(await screen.findByText('Randonnée'));
    await user.click(screen.getByRole('button', { name: 'Une personne de plus' }));
    await user.click(screen.getByRole('button', { name: 'Belgique' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const body = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(body).toMatchObject({ officeId: 'bit-le-vigan', mode: 'comptoir', partySize: 2, origin: 'BE', language: 'fr', themeIds: [3] });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('Tous les contacts sont envoyés.')).toBeInTheDocument();
  });

  it('offline, the contact waits in the queue and is sent later under the same id', async () => {
    let online = false;
    const { calls } = mockApi({
      ...staffApi,
      'POST /api/visits/contacts': (call) => {
        if (!online) throw new TypeError('Failed to fetch');
        return { status: 201, body: { created: true, contact: { ...(call.body as object), createdAt: new Date().toISOString(), correctableUntil: new Date().toISOString() } } };
      },
    });
    await renderApp('/frequentation/comptoir');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Gard (30)' }));
    expect(await screen.findByText("1 contact en attente d'envoi : il partira dès le retour de la connexion.")).toBeInTheDocument();
    expect(screen.getByText("En attente d'envoi")).toBeInTheDocument();
    const queued = JSON.parse(localStorage.getItem(QUEUE_KEY)!) as { id: string }[];
    expect(queued).toHaveLength(1);

    online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('Tous les contacts sont envoyés.')).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST').map((c) => (c.body as { id: string }).id);
    expect(posts).toEqual([queued[0]!.id, queued[0]!.id]); // the failed attempt, then the one that went through
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!)).toEqual([]);
  });
});

describe('dashboard', () => {
  it('shows each chart’s figures in a table, year against the year before', async () => {
    const year = new Date().getFullYear();
    mockApi({
      'GET /api/me': { status: 200, body: makeUser('staff') },
      'GET /api/visits/dashboard': {
        status: 200,
        body: {
          year, officeId: null, offices: [{ id: 'bit-le-vigan', name: 'Le Vigan' }], themes, pending: 0,
          months: [{ officeId: 'bit-le-vigan', month: `${year}-07`, contacts: 120, visitors: 300 }, { officeId: 'bit-le-vigan', month: `${year - 1}-07`, contacts: 100, visitors: 260 }],
          breakdown: [{ dimension: 'origin', value: 'BE', contacts: 40, visitors: 90, previousContacts: 20, previousVisitors: 50 }],
        },
      },
    });
    await renderApp('/frequentation');
    expect(await screen.findByText(`Contacts en ${year} : 120 (année précédente : 100)`)).toBeInTheDocument();
    const byMonth = screen.getByRole('region', { name: 'Contacts par mois' });
    const july = within(byMonth).getByRole('rowheader', { name: /juil/i }).closest('tr')!;
    expect(within(july).getAllByRole('cell').map((c) => c.textContent)).toEqual(['120', '100', '+20 %'.replace(' ', '\u00a0')]);
    const byOrigin = screen.getByRole('region', { name: 'Contacts par provenance' });
    expect(within(byOrigin).getByRole('rowheader', { name: 'Belgique' })).toBeInTheDocument();
    expect(within(byOrigin).getByRole('button', { name: 'Exporter en CSV' })).toBeEnabled();
  });
});

describe('request themes (admins)', () => {
  it('renames a theme (both labels) and moves one down: each theme whose place changes gets its new position', async () => {
    const list = [
      { id: 3, labelFr: 'Randonnée', labelEn: 'Hiking', position: 1, active: true },
      { id: 5, labelFr: 'Patrimoine', labelEn: 'Heritage', position: 2, active: true },
    ];
    const patched = (call: Call) => ({ status: 200, body: { ...list.find((th) => call.path.endsWith(`/${th.id}`))!, ...(call.body as object) } });
    const { calls } = mockApi({
      ...staffApi,
      'GET /api/me': { status: 200, body: makeUser('admin') },
      'GET /api/visits/totals': { status: 200, body: { officeId: 'bit-le-vigan', month: '2026-01', lines: [] } },
      'GET /api/visits/themes': { status: 200, body: { items: list } },
      'PATCH /api/visits/themes/3': patched,
      'PATCH /api/visits/themes/5': patched,
    });
    await renderApp('/frequentation/saisie');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Descendre Randonnée / Hiking' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => [c.path, c.body])).toEqual([
      ['/api/visits/themes/5', { position: 1 }],
      ['/api/visits/themes/3', { position: 2 }],
    ]);
    expect(screen.getByRole('button', { name: 'Monter Randonnée / Hiking' })).toBeDisabled(); // first in the list as loaded

    await user.click(screen.getByRole('button', { name: 'Renommer Patrimoine / Heritage' }));
    const fr = screen.getAllByRole('textbox', { name: /Libellé en français/ })[0]!; // the theme's, above the form that adds one
    expect(fr).toHaveValue('Patrimoine');
    await user.clear(fr);
    await user.type(fr, 'Patrimoine et sites');
    await user.click(within(fr.closest('li')!).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(3));
    expect(calls.filter((c) => c.method === 'PATCH')[2]).toMatchObject({ path: '/api/visits/themes/5', body: { labelFr: 'Patrimoine et sites', labelEn: 'Heritage' } });
  });
});
