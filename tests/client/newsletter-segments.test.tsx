import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEGMENT_PREVIEW_DEBOUNCE_MS } from '../../common/newsletter-segments';
import { makeUser, mockApi, renderApp } from './utils';

/** The segment editor in happy-dom: the live count waits for a pause in editing, and the sample shows masked addresses only. */

const territory = { communautes: [], communes: [], offices: [], categories: [], labels: ['Accueil Vélo'] };
const topics = { items: [{ id: 'lettre-du-reseau', nameFr: 'Lettre du réseau', nameEn: 'Network letter', descriptionFr: '', descriptionEn: '', position: 0, active: true }] };
/** A count that depends on the filter sent: the page must show the answer to the last filter, not the first. */
const COUNT = { everyone: 12, partners: 9, staff: 3 } as const;

afterEach(() => vi.unstubAllGlobals());

describe('segment editor (admin)', () => {
  it('re-counts once editing pauses, announces the count, and shows the masked sample', async () => {
    const { calls } = mockApi({
      'GET /api/me': { status: 200, body: makeUser('admin') },
      'GET /api/territory': { status: 200, body: territory },
      'GET /api/newsletters/topics': { status: 200, body: topics },
      'POST /api/newsletters/segments/preview': (call) => {
        const people = (call.body as { filter: { people: keyof typeof COUNT } }).filter.people;
        return { status: 200, body: { count: COUNT[people], sample: [{ kind: 'person', name: 'Bruno Castanet', establishment: 'Camping de l’Arre', commune: 'Le Vigan', maskedAddress: 'b•••@camping.example', language: 'fr' }] } };
      },
    });
    await renderApp('/lettres/segments/nouveau');
    await screen.findByRole('heading', { level: 1, name: 'Nouveau segment' });
    expect(await screen.findByText('12 destinataires')).toBeInTheDocument();
    const previews = () => calls.filter((c) => c.path === '/api/newsletters/segments/preview');
    expect(previews()).toHaveLength(1);

    // Two changes in a row (well within the pause): one request, for the last filter.
    fireEvent.click(screen.getByRole('radio', { name: 'Partenaires' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Personnel de l’Office' }));
    expect(await screen.findByText('3 destinataires', {}, { timeout: SEGMENT_PREVIEW_DEBOUNCE_MS * 5 })).toBeInTheDocument();
    expect(previews()).toHaveLength(2);
    expect(previews()[1]!.body).toMatchObject({ topicId: 'lettre-du-reseau', filter: { people: 'staff', categories: [], labels: [] } });
    // The count is in a polite live region.
    expect(screen.getByText('3 destinataires').closest('[aria-live="polite"]')).not.toBeNull();

    const sample = screen.getByRole('table');
    expect(within(sample).getByText('b•••@camping.example')).toBeInTheDocument();
    expect(within(sample).getByText('Camping de l’Arre')).toBeInTheDocument();
    await waitFor(() => expect(previews()).toHaveLength(2));
  });
});
