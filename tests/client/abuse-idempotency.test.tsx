import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../client/lib/api';

/**
 * Issue 9 item 15, client side: every POST carries an Idempotency-Key; the
 * same submission (same path and body) sent twice, or retried, carries the
 * same key, and a 409 "still running" is waited out for the first answer.
 */
let sent: { url: string; method: string; key: string | null }[] = [];
let answers: (() => Response)[] = [];
const created = () => new Response(JSON.stringify({ id: 'e1' }), { status: 201, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  sent = [];
  answers = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ url, method: String(init.method), key: headers['idempotency-key'] ?? null });
    await new Promise((r) => setTimeout(r, 20));
    return (answers.shift() ?? created)();
  }));
});
afterEach(() => vi.unstubAllGlobals());

describe('Idempotency-Key from the api client', () => {
  it('a double submission of one form sends one key', async () => {
    const body = { name: 'Camping des Gorges', category: 'hebergement', communeInsee: '30350' };
    await Promise.all([api('/api/establishments', { method: 'POST', body }), api('/api/establishments', { method: 'POST', body })]);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.key).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(sent[1]!.key).toBe(sent[0]!.key);
  });

  it('another body is another submission, with another key; GET and PATCH carry none', async () => {
    await api('/api/establishments', { method: 'POST', body: { name: 'Un' } });
    await api('/api/establishments', { method: 'POST', body: { name: 'Deux' } });
    await api('/api/me', { method: 'PATCH', body: { name: 'X' } });
    expect(sent[0]!.key).not.toBe(sent[1]!.key);
    expect(sent[2]!.key).toBeNull();
  });

  it('a 409 "still running" is asked again, with the same key, until the first answer comes', async () => {
    answers.push(() => new Response(JSON.stringify({ status: 409 }), { status: 409, headers: { 'retry-after': '1', 'content-type': 'application/problem+json' } }));
    const res = await api<{ id: string }>('/api/trainings', { method: 'POST', body: { title: 'Accueil vélo' } });
    expect(res.id).toBe('e1');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.key).toBe(sent[0]!.key);
  });

  it('after a refusal the same body is a new submission', async () => {
    answers.push(() => new Response(JSON.stringify({ status: 400, detail: 'x' }), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    await expect(api('/api/establishments', { method: 'POST', body: { name: 'Trois' } })).rejects.toThrow();
    await api('/api/establishments', { method: 'POST', body: { name: 'Trois' } });
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
  });
});
