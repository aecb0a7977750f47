import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Issue 9 item 6, client side: tabs whose access token expired together
 * refresh once between them (the Web Locks API serialises them; a tab that
 * finds the session refreshed while it waited only retries its request).
 * Each "tab" is a fresh instance of client/lib/api.ts sharing the origin's
 * localStorage and lock manager, as real tabs do.
 */

/** A minimal navigator.locks: exclusive locks granted in request order. */
function fakeLocks() {
  const queues = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = queues.get(name) ?? Promise.resolve();
      const run = previous.then(callback, callback);
      queues.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

async function openTab() {
  vi.resetModules();
  return import('../../client/lib/api');
}

let refreshCalls = 0;
beforeEach(() => {
  refreshCalls = 0;
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (url === '/api/auth/refresh') {
      refreshCalls++;
      await new Promise((r) => setTimeout(r, 30));
      return new Response(JSON.stringify({ user: {} }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response(null, { status: 404 });
  }));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('refresh across tabs', () => {
  it('three tabs expiring together send one refresh', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const tabs = [await openTab(), await openTab(), await openTab()];
    const results = await Promise.all(tabs.map((t) => t.refreshLogin()));
    expect(results).toEqual([true, true, true]);
    expect(refreshCalls).toBe(1);
  });

  it('a tab that expires later refreshes again', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const [a, b] = [await openTab(), await openTab()];
    expect(await a.refreshLogin()).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.refreshLogin()).toBe(true);
    expect(refreshCalls).toBe(2);
  });

  it('without the Web Locks API each tab refreshes (the server accepts the reuse)', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: undefined });
    const tabs = [await openTab(), await openTab()];
    expect(await Promise.all(tabs.map((t) => t.refreshLogin()))).toEqual([true, true]);
    expect(refreshCalls).toBe(2);
  });
});
