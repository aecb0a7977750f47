/**
 * A campaign's page tells the admin to whom it goes before « Lancer l’envoi »:
 * the topic, and the saved segment (a link to it, with what it keeps) or else
 * the audience, in the reader's words.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EMPTY_SEGMENT_FILTER } from '../../common/newsletter-segments';
import { makeUser, mockApi, renderApp } from './utils';

const ID = '5d0c7c1e-8a3b-4f0e-9a5e-2f1d3c4b5a69';
const SEGMENT_ID = '0b7e3a52-6c1d-4e8f-a2b9-3c4d5e6f7a81';
const territory = { communautes: [], communes: [{ inseeCode: '30350', name: 'Le Vigan' }], offices: [], categories: [], labels: [] };
const topics = { items: [{ id: 'lettre-du-reseau', nameFr: 'Lettre du réseau', nameEn: 'Network letter', descriptionFr: '', descriptionEn: '', position: 0, active: true }] };
const segment = {
  id: SEGMENT_ID, name: 'Campings du Pays Viganais', filter: { ...EMPTY_SEGMENT_FILTER, people: 'partners', communes: ['30350'], labels: ['Accueil Vélo'] },
  createdBy: null, createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z',
};
const progress = { total: 0, queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, skipped: 0, ratePerMinute: 0, secondsLeft: null };
const draft = (over: object) => ({
  id: ID, subject: 'Lettre de décembre', preheader: '', sender: 'Office de tourisme <lettre@cevennes.example>', bodyHtml: '<p>Bonjour</p>',
  topicId: 'lettre-du-reseau', audience: { kind: 'partners', categories: [], subcategories: [], communes: ['30350'], communautes: [], offices: [] },
  status: 'draft', total: 0, segmentId: null, scheduledAt: null, missedAt: null, archived: false, launchedAt: null, finishedAt: null,
  createdAt: '2026-11-30T09:00:00.000Z', progress, ...over,
});

function api(campaign: object, language: 'fr' | 'en' = 'fr') {
  return mockApi({
    'GET /api/me': { status: 200, body: makeUser('admin', { language }) },
    'GET /api/territory': { status: 200, body: territory },
    'GET /api/newsletters/topics': { status: 200, body: topics },
    'GET /api/newsletters/segments': { status: 200, body: { items: [segment] } },
    [`GET /api/newsletters/campaigns/${ID}`]: { status: 200, body: campaign },
    [`GET /api/newsletters/campaigns/${ID}/reach`]: { status: 200, body: { count: 42 } },
    [`GET /api/newsletters/campaigns/${ID}/checks`]: { status: 200, body: { items: [] } },
  });
}

describe('campaign page: recipients', () => {
  it('names the topic and the saved segment, linked, with what it keeps', async () => {
    api(draft({ segmentId: SEGMENT_ID }));
    await renderApp(`/lettres/campagnes/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' });
    expect(await screen.findByText('Lettre du réseau')).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Campings du Pays Viganais' });
    expect(link).toHaveAttribute('href', `/lettres/segments/${SEGMENT_ID}`);
    const fact = link.closest('div')!;
    expect(within(fact).getByText('Segment')).toBeInTheDocument();
    expect(fact).toHaveTextContent('Partenaires · 1 lieu · 1 label');
    expect(screen.queryByText('Public')).not.toBeInTheDocument();
  });

  it('without a segment, says the audience in words', async () => {
    api(draft({}));
    await renderApp(`/lettres/campagnes/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' });
    expect(await screen.findByText('Partenaires : toutes activités ; Le Vigan')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Campings du Pays Viganais' })).not.toBeInTheDocument();
  });
});

describe('campaign page: sender', () => {
  // The label and its colon come from one catalogue string per language (French puts a no-break space before it).
  it('writes the sender line with each language\'s typography', async () => {
    api(draft({}));
    await renderApp(`/lettres/campagnes/${ID}`);
    const fr = await screen.findByText(/^Expéditeur/);
    expect(fr.textContent).toBe('Expéditeur\u00a0: Office de tourisme <lettre@cevennes.example>');
  });

  it('in English, with no space before the colon', async () => {
    api(draft({}), 'en');
    await renderApp(`/lettres/campagnes/${ID}`);
    const en = await screen.findByText(/^Sender/);
    expect(en.textContent).toBe('Sender: Office de tourisme <lettre@cevennes.example>');
  });
});
