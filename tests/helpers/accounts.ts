import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestContext } from './app';

/** Logs in through the real endpoint; `ip` is the client address (separate rate-limit buckets). */
export function login(ctx: Pick<TestContext, 'app'>, email: string, password: string, ip?: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(ip ? { remoteAddress: ip } : {}),
  });
}

/** A Cookie header made of the named cookies a response set. */
export function cookiesFrom(res: LightMyRequestResponse, ...names: string[]): string {
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return names.map((n) => {
    if (!jar[n]) throw new Error(`response did not set cookie ${n}`);
    return `${n}=${jar[n]}`;
  }).join('; ');
}

/** Asserts an RFC 9457 problem answer and returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { type: string; title: string; status: number; detail: string; errors?: { field: string; message: string }[] };
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe('string');
  return body;
}

/** The error messages by field of a problem answer. */
export function fieldErrors(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { errors?: { field: string; message: string }[] };
  return Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
}

/** Decodes a raw MIME message enough to search it: quoted-printable and base64 parts become text. */
export function mailText(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '');
  const decodedQp = Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const base64Parts = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi)].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'));
  return [decodedQp, ...base64Parts].join('\n');
}
