import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Me } from '../../client/features/accounts/types';
import { setLanguage } from '../../client/i18n';
import { createQueryClient } from '../../client/lib/queryClient';
import { AppProviders } from '../../client/providers';
import { routes } from '../../client/router';

/** A recorded api call. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Reply = { status: number; body?: unknown } | ((call: Call) => { status: number; body?: unknown });

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]) {
  return { status, body: { type: 'about:blank', title: 'Error', status, detail, ...(errors ? { errors } : {}) } };
}

/**
 * Stubs fetch with a table of "METHOD /path" -> reply (a reply may be a list,
 * used in order, the last one repeating). Unknown calls answer 404 problem+json.
 * Only the client's component tests stub fetch; the server has real tests.
 */
export function mockApi(table: Record<string, Reply | Reply[]>) {
  const calls: Call[] = [];
  const counters = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const call: Call = { method, path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const key = `${method} ${url.pathname}`;
    let entry = table[key];
    if (Array.isArray(entry)) {
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      entry = entry[Math.min(n, entry.length - 1)];
    }
    const reply = typeof entry === 'function' ? entry(call) : (entry ?? problem(404, 'Ressource introuvable.'));
    const isProblem = reply.status >= 400;
    const body = reply.body === undefined ? null : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : body, {
      status: reply.status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** Nobody signed in: /api/me and the refresh both answer 401. */
export const anonymous = {
  'GET /api/me': problem(401, 'Veuillez vous connecter.'),
  'POST /api/auth/refresh': problem(401, 'Votre session a expiré, veuillez vous reconnecter.'),
};

export function makeUser(role: Me['role'], overrides: Partial<Me> = {}): Me {
  return {
    id: `00000000-0000-4000-8000-00000000000${role === 'partner' ? 1 : role === 'staff' ? 2 : 3}`,
    email: `${role}@example.fr`,
    name: role === 'partner' ? 'Marie Causse' : role === 'staff' ? 'Paul Aigoual' : 'Claire Vigan',
    role,
    language: 'fr',
    emailPreferences: { newsletter: false, news: true, trainings: true, documents: true, figures: true },
    establishment: role === 'partner' ? { id: '11111111-1111-4111-8111-111111111111', name: 'Gîte du Mas de la Fage' } : null,
    office: role === 'partner' ? null : { id: 'bit-le-vigan', name: 'Bureau du Vigan' },
    ...overrides,
  };
}

/** The whole app (providers + real routes) in a memory router at `path`. */
export async function renderApp(path: string) {
  await setLanguage('fr');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const view = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
