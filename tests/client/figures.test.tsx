import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMonths, currentMonth } from '../../common/figures';
import { makeUser, mockApi, problem, renderApp } from './utils';

/** « Mes chiffres » in happy-dom: the form's rules, the server's field errors, the secrecy notice and the data tables of the charts. */

const last = addMonths(currentMonth(), -1);
const partner = makeUser('partner');
const establishment = { id: '11111111-1111-4111-8111-111111111111', name: 'Gîte du Mas de la Fage', category: 'hebergement', kind: 'accommodation', capacityUnit: 'beds' };
const mine = (months: unknown[] = []) => ({ status: 200, body: { establishment, from: addMonths(currentMonth(), -23), to: currentMonth(), months } });
const secretComparison = {
  status: 200,
  body: { scope: 'category', measure: 'occupancy', points: [{ month: last, mine: 40, secret: true, contributors: null, q1: null, median: null, q3: null }] },
};

afterEach(() => vi.unstubAllGlobals());

describe('« Mes chiffres » (partner)', () => {
  it('refuses too many nights before sending, then shows the server’s message on its field', async () => {
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: partner },
      'GET /api/figures/me': mine(),
      'GET /api/figures/me/comparison': secretComparison,
      [`PUT /api/figures/me/${last}`]: problem(400, 'Certains chiffres sont incohérents.', [{ field: 'countries', message: 'La somme des pays dépasse la part de clientèle étrangère.' }]),
    });
    await renderApp('/chiffres');
    const capacity = await screen.findByRole('textbox', { name: /Lits offerts/ });
    await userEvent.type(capacity, '2');
    await userEvent.type(screen.getByRole('textbox', { name: /^Nuitées vendues/ }), '100');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Au plus \d+ nuitées ce mois-ci/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    await userEvent.clear(screen.getByRole('textbox', { name: /^Nuitées vendues/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Nuitées vendues/ }), '30');
    await userEvent.type(screen.getByRole('textbox', { name: 'Royaume-Uni' }), '20');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ capacity: 2, nightsSold: 30, arrivals: null, foreignShare: null, averagePriceCents: null, countries: { GB: 20 } });
    const gb = screen.getByRole('textbox', { name: 'Royaume-Uni' });
    await waitFor(() => expect(gb).toHaveAccessibleDescription('La somme des pays dépasse la part de clientèle étrangère.'));
  });

  it('shows the secrecy notice, and the comparison chart’s data as a table', async () => {
    mockApi({
      'GET /api/me': { status: 200, body: partner },
      'GET /api/figures/me': mine([{ month: last, capacity: 10, nightsSold: 120, occupancyRate: 40, arrivals: 30, foreignShare: null, countries: {}, visitors: null, averagePriceCents: null, updatedAt: new Date().toISOString() }]),
      'GET /api/figures/me/comparison': secretComparison,
    });
    await renderApp('/chiffres');
    expect(await screen.findByText(/la comparaison est couverte par le secret statistique/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Face à mes pairs/ });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['40 %', 'secret statistique', 'secret statistique', 'secret statistique']);
    expect(screen.getByText('Vous corrigez les chiffres déjà donnés pour ce mois.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Exporter en CSV' }).length).toBeGreaterThanOrEqual(2);
  });
});
