/**
 * Trainings pages with the network stubbed at fetch (the only place these
 * client tests fake anything): what they ask the api, and what they show.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../client/features/accounts/types';
import type { MyRegistration, OfferView, RegistrationGroups, SessionDetail, SessionListItem } from '../../client/features/trainings/types';
import { anonymous, makeUser, mockApi, renderApp, type Call } from './utils';

beforeAll(() => {
  if (!('fonts' in document)) {
    // Mantine's autosize textarea listens for web fonts loading; happy-dom has no document.fonts.
    Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() } });
  }
});

// ---------- fixtures ----------

const partner: Me = makeUser('partner', { name: 'Marie Fabre', establishment: { id: 'est-1', name: 'Mas des Chênes' } });
const staff: Me = makeUser('staff');

const place = { kind: 'office' as const, officeId: 'le-vigan', officeName: 'Bureau du Vigan', address: 'Place du Marché', communeInsee: '30350', communeName: 'Le Vigan', onlineUrl: null, mapUrl: 'https://www.openstreetmap.org/?mlat=43.99&mlon=3.6' };

function listItem(n: number, over: Partial<SessionListItem> = {}): SessionListItem {
  return {
    id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, trainingId: 'tr-1', title: `Atelier ${n}`, theme: 'digital', summary: 'Résumé',
    // 09:00 UTC in winter is 10:00 in Paris.
    startsAt: '2030-02-05T09:00:00.000Z', endsAt: '2030-02-05T11:30:00.000Z', slotCount: 1, place, capacity: 12, seatsLeft: 3, waitingCount: 0,
    signupDeadline: '2030-02-03T17:00:00.000Z', status: 'open', myRegistration: null, ...over,
  };
}

function detail(over: Partial<SessionDetail> = {}): SessionDetail {
  const base = listItem(1);
  return {
    ...base,
    training: {
      id: 'tr-1', title: 'Atelier 1', summary: 'Résumé', descriptionHtml: '<h2>Programme</h2><p>Contenu <strong>complet</strong></p>', theme: 'digital', targetCategories: [],
      durationMinutes: 150, trainer: 'Léa Martin', priceMemberCents: 0, priceNonMemberCents: 4500, archived: false, upcomingSessionCount: 1,
      createdAt: '2029-01-01T00:00:00Z', updatedAt: '2029-01-01T00:00:00Z',
    },
    slots: [{ startsAt: base.startsAt, endsAt: base.endsAt }], perEstablishmentCap: null, waitlistMode: 'offer', offerHours: 48, notes: null,
    confirmedCount: 9, offeredCount: 0, canSignUp: true, surveyAvailable: false, cancelReason: null, createdAt: '2029-01-01T00:00:00Z', updatedAt: '2029-01-01T00:00:00Z',
    ...over,
  };
}

const territory = { communautes: [], communes: [], offices: [], categories: [], labels: [] };

// ---------- api stub (the shared table-based mockApi, with one function answering everything) ----------

type Handler = (call: Call) => { status?: number; body?: unknown } | undefined;

/** Routes every call through `handler`; /api/me answers `me` (null: signed out), /api/territory an empty territory. */
function stubApi(me: Me | null, handler: Handler) {
  const answer = (call: Call) => {
    if (call.path === '/api/me' && call.method === 'GET') return me ? { status: 200, body: me } : anonymous['GET /api/me'];
    if (call.path === '/api/auth/refresh') return anonymous['POST /api/auth/refresh'];
    if (call.path === '/api/territory') return { status: 200, body: territory };
    const reply = handler(call);
    if (!reply) return { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Introuvable' } };
    return { status: reply.status ?? 200, body: reply.body };
  };
  const { calls, fetchMock } = mockApi({});
  fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const call: Call = { method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const reply = answer(call);
    return new Response(reply.status === 204 ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  return calls;
}

const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET' && !c.path.startsWith('/api/auth/'));

// ---------- tests ----------

describe('upcoming sessions (partner)', () => {
  it('shows dates in Paris time and seats left, and loads the next page with the keyset cursor', async () => {
    const calls = stubApi(partner, ({ path, query }) => {
      if (path !== '/api/trainings/sessions') return undefined;
      if (query.get('cursor') === 'c1') return { body: { items: [listItem(21, { seatsLeft: 0, waitingCount: 4 })], nextCursor: null } };
      return { body: { items: Array.from({ length: 20 }, (_, i) => listItem(i + 1)), nextCursor: 'c1' } };
    });
    await renderApp('/formations');

    const first = await screen.findByRole('article', { name: 'Atelier 1' });
    expect(within(first).getByText(/10:00 – 12:30/)).toBeInTheDocument();
    expect(within(first).getByText('3 places restantes')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent("20 sessions affichées, d'autres suivent");

    await userEvent.click(screen.getByRole('button', { name: 'Afficher plus de sessions' }));
    const last = await screen.findByRole('article', { name: 'Atelier 21' });
    expect(within(last).getByText('Complet · 4 personnes en attente')).toBeInTheDocument();
    // Focus moves to the first session that was added.
    await waitFor(() => expect(within(last).getByRole('link', { name: 'Atelier 21' })).toHaveFocus());
    expect(screen.getAllByRole('article')).toHaveLength(21);
    expect(screen.queryByRole('button', { name: 'Afficher plus de sessions' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/trainings/sessions').map((c) => c.query.get('cursor'))).toEqual([null, 'c1']);
  });

  it('keeps the "seats left" filter in the address and sends it to the api', async () => {
    const calls = stubApi(partner, ({ path }) => (path === '/api/trainings/sessions' ? { body: { items: [], nextCursor: null } } : undefined));
    const { router } = await renderApp('/formations');
    await screen.findByText("Aucune session n'est programmée pour le moment");

    await userEvent.click(screen.getByRole('checkbox', { name: 'Seulement les sessions avec des places' }));
    await screen.findByText('Aucune session ne correspond à ces critères');
    expect(router.state.location.search).toBe('?seatsLeft=1');
    expect(calls.at(-1)?.query.get('seatsLeft')).toBe('true');
  });
});

describe('session detail (partner)', () => {

  it('puts the partner on the waiting list of a full session and tells them their position', async () => {
    const full = detail({ seatsLeft: 0, waitingCount: 2, confirmedCount: 12 });
    const calls = stubApi(partner, ({ method, path }) => {
      if (path === `/api/trainings/sessions/${full.id}` && method === 'GET') return { body: full };
      if (path === `/api/trainings/sessions/${full.id}/colleagues`) return { body: { items: [{ userId: partner.id, name: partner.name, registration: null }] } };
      if (path === `/api/trainings/sessions/${full.id}/registrations` && method === 'POST') {
        return { status: 201, body: { id: 'reg-1', sessionId: full.id, user: { id: partner.id, name: partner.name, email: partner.email }, establishment: partner.establishment, status: 'waiting', position: 3, offerExpiresAt: null, attendance: null, registeredBy: null, createdAt: '2030-01-01T00:00:00Z', confirmedAt: null, cancelledAt: null } };
      }
      return undefined;
    });
    await renderApp(`/formations/sessions/${full.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Atelier 1' })).toBeInTheDocument();
    // Sanitised description from the server is rendered as HTML.
    expect(screen.getByText('complet', { selector: 'strong' })).toBeInTheDocument();
    // Its headings sit one level under the page's "À propos de la formation" (h2).
    expect(screen.getByRole('heading', { level: 3, name: 'Programme' })).toBeInTheDocument();
    expect(await screen.findByText("Aucun autre compte n'est rattaché à votre établissement.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Rejoindre la liste d'attente" }));

    expect(await screen.findByText("Vous êtes n° 3 sur la liste d'attente.")).toBeInTheDocument();
    expect(writes(calls)).toEqual([{ method: 'POST', path: `/api/trainings/sessions/${full.id}/registrations`, query: expect.anything(), body: {} }]);
  });

  it('asks before cancelling a confirmed seat, then cancels it', async () => {
    const reg: MyRegistration = { id: 'reg-9', status: 'confirmed', position: null, offerExpiresAt: null, attendance: null };
    const session = detail({ myRegistration: reg });
    const calls = stubApi(partner, ({ method, path }) => {
      if (path === `/api/trainings/sessions/${session.id}` && method === 'GET') return { body: session };
      if (path.endsWith('/colleagues')) return { body: { items: [] } };
      if (path === '/api/trainings/registrations/reg-9/cancel') return { body: { id: 'reg-9', status: 'cancelled' } };
      return undefined;
    });
    await renderApp(`/formations/sessions/${session.id}`);

    expect(await screen.findByText('Inscription confirmée')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Annuler mon inscription' }));
    const dialog = await screen.findByRole('dialog', { name: "Annuler l'inscription\u00a0?" });
    expect(writes(calls)).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: "Annuler l'inscription" }));

    expect(await screen.findByText('Inscription annulée pour « Atelier 1 ».')).toBeInTheDocument();
    expect(writes(calls).map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/trainings/registrations/reg-9/cancel']);
  });

  it('lists the library documents attached to the session, each downloaded through the library (which checks the audience)', async () => {
    const session = detail();
    const handout = { id: '00000000-0000-4000-8000-000000000401', sessionId: null, documentId: '00000000-0000-4000-8000-000000000402', title: 'Support de formation', credit: 'Photo : Léa Martin', mediaType: 'application/pdf', size: 1200, originalName: 'support.pdf' };
    stubApi(partner, ({ method, path }) => {
      if (path === `/api/trainings/sessions/${session.id}` && method === 'GET') return { body: session };
      if (path === `/api/trainings/sessions/${session.id}/documents`) return { body: { items: [handout] } };
      if (path.endsWith('/colleagues')) return { body: { items: [] } };
      return undefined;
    });
    await renderApp(`/formations/sessions/${session.id}`);

    const section = await screen.findByRole('region', { name: 'Documents du centre de ressources' });
    expect(within(section).getByRole('link', { name: 'Support de formation' })).toHaveAttribute('href', `/api/documents/${handout.documentId}/download`);
    expect(within(section).getByText('Photo : Léa Martin')).toBeInTheDocument();
  });
});

describe('offer page from the e-mail link (public)', () => {
  const offer: OfferView = {
    state: 'offered', expiresAt: '2030-02-02T17:00:00.000Z', userName: 'Marie Fabre',
    session: { id: 's-1', title: 'Atelier 1', startsAt: '2030-02-05T09:00:00.000Z', endsAt: '2030-02-05T11:30:00.000Z', place },
  };

  it('changes nothing when opened, and accepts only when the button is pressed', async () => {
    const calls = stubApi(null, ({ method, path }) => {
      if (path === '/api/trainings/offers/tok-1234567890' && method === 'GET') return { body: offer };
      if (path === '/api/trainings/offers/tok-1234567890/accept' && method === 'POST') return { body: { state: 'accepted' } };
      return undefined;
    });
    await renderApp('/formations/offres/tok-1234567890');

    expect(await screen.findByText(/Cette proposition est valable jusqu'au 2 février 2030 à 18:00/)).toBeInTheDocument();
    expect(writes(calls)).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter la place' }));
    expect(await screen.findByText('Place acceptée')).toBeInTheDocument();
    expect(writes(calls).map((c) => c.path)).toEqual(['/api/trainings/offers/tok-1234567890/accept']);
    expect(screen.getByRole('link', { name: 'Se connecter pour voir mes formations' })).toHaveAttribute('href', '/connexion?next=%2Fformations%2Fmes-formations');
  });

  it('says so when the offer has expired, with no button to press', async () => {
    stubApi(null, ({ path }) => (path === '/api/trainings/offers/tok-1234567890' ? { body: { ...offer, state: 'expired' } } : undefined));
    await renderApp('/formations/offres/tok-1234567890');
    expect(await screen.findByText('Proposition expirée')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accepter la place' })).not.toBeInTheDocument();
  });
});

describe('survey page (public)', () => {
  it('requires a rating, then sends it with the comment left empty as null', async () => {
    const calls = stubApi(null, ({ method, path }) => {
      if (path !== '/api/trainings/surveys/svy-1234567890') return undefined;
      return method === 'GET'
        ? { body: { state: 'open', session: { id: 's-1', title: 'Atelier 1', startsAt: '2030-02-05T09:00:00.000Z', endsAt: '2030-02-05T11:30:00.000Z' } } }
        : { status: 204 };
    });
    await renderApp('/formations/enquete/svy-1234567890');

    await userEvent.click(await screen.findByRole('button', { name: 'Envoyer mon avis' }));
    expect(await screen.findByText('Choisissez une note.')).toBeInTheDocument();
    expect(writes(calls)).toHaveLength(0);

    await userEvent.click(screen.getByRole('radio', { name: '4 – Satisfait' }));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer mon avis' }));
    expect(await screen.findByText('Merci !')).toBeInTheDocument();
    expect(writes(calls).map((c) => c.body)).toEqual([{ rating: 4, comment: null }]);
  });
});

/** A session that started an hour ago (attendance is taken once it has started). */
const startedAnHourAgo = () => detail({ startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() });

describe('attendance (staff, on a phone)', () => {
  it('before the session starts, says when attendance opens and offers no toggle to press', async () => {
    const session = detail();
    const groups: RegistrationGroups = {
      confirmed: [{
        id: 'r1', sessionId: session.id, user: { id: 'u-r1', name: 'Anne Roux', email: 'r1@example.fr' }, establishment: { id: 'e', name: 'Gîte' }, status: 'confirmed',
        position: null, offerExpiresAt: null, attendance: null, registeredBy: null, createdAt: '2030-01-01T00:00:00Z', confirmedAt: '2030-01-01T00:00:00Z', cancelledAt: null,
      }],
      offered: [], waiting: [], inactive: [],
    };
    const calls = stubApi(staff, ({ path }) => {
      if (path === `/api/trainings/sessions/${session.id}`) return { body: session };
      if (path === `/api/trainings/sessions/${session.id}/registrations`) return { body: groups };
      return undefined;
    });
    await renderApp(`/formations/gestion/sessions/${session.id}/presences`);

    expect(await screen.findByText('Pas encore commencée')).toBeInTheDocument();
    // 09:00 UTC on 5 February 2030 is 10:00 in Paris.
    expect(screen.getByText(/Les présences se prennent une fois la session commencée, à partir du .*10:00/)).toBeInTheDocument();
    const anne = screen.getByRole('group', { name: 'Anne Roux' });
    expect(within(anne).getByRole('button', { name: /Présent/ })).toBeDisabled();
    expect(within(anne).getByRole('button', { name: /Absent/ })).toBeDisabled();
    expect(writes(calls)).toEqual([]);
  });

  it('records present and absent with pressed toggles and counts them', async () => {
    const session = startedAnHourAgo();
    const person = (id: string, name: string) => ({
      id, sessionId: session.id, user: { id: `u-${id}`, name, email: `${id}@example.fr` }, establishment: { id: 'e', name: 'Gîte' }, status: 'confirmed' as const,
      position: null, offerExpiresAt: null, attendance: null, registeredBy: null, createdAt: '2030-01-01T00:00:00Z', confirmedAt: '2030-01-01T00:00:00Z', cancelledAt: null,
    });
    const groups: RegistrationGroups = { confirmed: [person('r1', 'Anne Roux'), person('r2', 'Bruno Vidal')], offered: [], waiting: [], inactive: [] };
    const calls = stubApi(staff, ({ method, path, body }) => {
      if (path === `/api/trainings/sessions/${session.id}`) return { body: session };
      if (path === `/api/trainings/sessions/${session.id}/registrations`) return { body: groups };
      const m = /^\/api\/trainings\/registrations\/(r\d)\/attendance$/.exec(path);
      if (m && method === 'PUT') {
        const r = groups.confirmed.find((g) => g.id === m[1])!;
        return { body: { ...r, attendance: (body as { attendance: string }).attendance } };
      }
      return undefined;
    });
    await renderApp(`/formations/gestion/sessions/${session.id}/presences`);

    const anne = await screen.findByRole('group', { name: 'Anne Roux' });
    const bruno = screen.getByRole('group', { name: 'Bruno Vidal' });
    await userEvent.click(within(anne).getByRole('button', { name: /Présent/ }));
    await userEvent.click(within(bruno).getByRole('button', { name: /Absent/ }));

    await waitFor(() => expect(within(anne).getByRole('button', { name: /Présent/ })).toHaveAttribute('aria-pressed', 'true'));
    expect(within(bruno).getByRole('button', { name: /Absent/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('1 présent · 1 absent · 0 à pointer')).toBeInTheDocument();
    expect(writes(calls).map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', '/api/trainings/registrations/r1/attendance', { attendance: 'present' }],
      ['PUT', '/api/trainings/registrations/r2/attendance', { attendance: 'absent' }],
    ]);
  });
});

describe('who sees the management pages', () => {
  it('hides the staff sub-navigation from partners and refuses them the sessions table', async () => {
    const calls = stubApi(partner, ({ path }) => (path === '/api/trainings/sessions' ? { body: { items: [], nextCursor: null } } : undefined));
    const { router } = await renderApp('/formations');
    const subnav = await screen.findByRole('navigation', { name: 'Rubriques des formations' });
    expect(within(subnav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Sessions à venir', 'Mes formations']);

    await router.navigate('/formations/gestion');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeInTheDocument();
    expect(calls.some((c) => c.path.startsWith('/api/trainings/staff'))).toBe(false);
  });

  it('shows staff the sessions table with fill rate and waiting list', async () => {
    stubApi(staff, ({ path }) => {
      if (path === '/api/trainings/staff/sessions') {
        return { body: { items: [{ id: 's-1', trainingId: 'tr-1', title: 'Atelier 1', theme: 'digital', startsAt: '2030-02-05T09:00:00.000Z', endsAt: '2030-02-05T11:30:00.000Z', place, capacity: 20, confirmedCount: 15, offeredCount: 1, waitingCount: 4, fillRate: 0.75, signupDeadline: '2030-02-03T17:00:00.000Z', status: 'open' }], total: 1, page: 1, pageSize: 20 } };
      }
      if (path === '/api/trainings') return { body: { items: [], total: 0, page: 1, pageSize: 100 } };
      return undefined;
    });
    await renderApp('/formations/gestion');
    const row = (await screen.findByRole('link', { name: 'Atelier 1' })).closest('tr')!;
    expect(within(row).getByText('15 / 20 (75 %)')).toBeInTheDocument();
    expect(within(row).getByText('Inscriptions ouvertes')).toBeInTheDocument();
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toContain('4');
  });
});

describe('library documents on a training (staff)', () => {
  it('attaches a published library document picked by title, then removes it', async () => {
    const training = detail().training;
    const attached: { id: string; sessionId: null; documentId: string; title: string; credit: null; mediaType: string; size: number; originalName: string }[] = [];
    const doc = { id: '00000000-0000-4000-8000-000000000502', title: 'Charte Accueil Vélo' };
    const calls = stubApi(staff, ({ method, path, body }) => {
      if (path === `/api/trainings/${training.id}`) return { body: training };
      if (path === '/api/trainings/staff/sessions') return { body: { items: [], total: 0, page: 1, pageSize: 50 } };
      if (path === '/api/documents') return { body: { items: [doc], total: 1, page: 1, pageSize: 20, accentInsensitiveSearch: true } };
      if (path === `/api/trainings/${training.id}/documents` && method === 'GET') return { body: { items: attached } };
      if (path === `/api/trainings/${training.id}/documents` && method === 'POST') {
        const row = { id: '00000000-0000-4000-8000-000000000503', sessionId: null, documentId: (body as { documentId: string }).documentId, title: doc.title, credit: null, mediaType: 'application/pdf', size: 10, originalName: 'charte.pdf' };
        attached.push(row);
        return { status: 201, body: row };
      }
      if (method === 'DELETE' && path === `/api/trainings/${training.id}/documents/00000000-0000-4000-8000-000000000503`) {
        attached.pop();
        return { status: 204 };
      }
      return undefined;
    });
    await renderApp(`/formations/gestion/catalogue/${training.id}`);

    const section = await screen.findByRole('region', { name: 'Documents du centre de ressources' });
    expect(within(section).getByText('Aucun document joint.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Joindre' })).toBeDisabled();
    await userEvent.click(within(section).getByRole('combobox', { name: 'Document de la bibliothèque' }));
    await userEvent.click(await screen.findByRole('option', { name: doc.title, hidden: true }));
    await userEvent.click(within(section).getByRole('button', { name: 'Joindre' }));

    expect(await within(section).findByRole('link', { name: doc.title })).toHaveAttribute('href', `/api/documents/${doc.id}/download`);
    expect(writes(calls).map((c) => [c.method, c.path, c.body])).toEqual([['POST', `/api/trainings/${training.id}/documents`, { documentId: doc.id }]]);
    // Only published documents are offered (drafts are staff-only whatever their audience).
    expect(calls.filter((c) => c.path === '/api/documents').every((c) => c.query.get('status') === 'published')).toBe(true);
    await userEvent.click(within(section).getByRole('button', { name: `Retirer « ${doc.title} »` }));
    expect(await within(section).findByText('Aucun document joint.')).toBeInTheDocument();
    expect(writes(calls).map((c) => c.method)).toEqual(['POST', 'DELETE']);
  });
});

describe('an address naming no session', () => {
  it('says the session is not found (no load failure, nothing to retry) for an impossible id', async () => {
    stubApi(partner, ({ path }) =>
      path === '/api/trainings/sessions/abc' ? { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Ressource introuvable.' } } : undefined,
    );
    await renderApp('/formations/sessions/abc');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Introuvable');
    expect(alert).toHaveTextContent('Ressource introuvable.');
    expect(alert).not.toHaveTextContent('Le chargement a échoué');
    expect(screen.queryByRole('button', { name: 'Réessayer' })).not.toBeInTheDocument();
  });
});
