import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';

/** Issue 9 item 14: a client-chosen X-Request-Id is used only when well formed. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function requestIdFor(header: string | undefined) {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here', headers: header === undefined ? {} : { 'x-request-id': header } });
  expect(res.statusCode).toBe(404);
  return res.json<{ requestId: string }>().requestId;
}

describe('X-Request-Id', () => {
  it('keeps a well-formed id chosen by a proxy or client', async () => {
    expect(await requestIdFor('edge-7f3a9c01.lb2')).toBe('edge-7f3a9c01.lb2');
    expect(await requestIdFor('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
  });

  it.each([
    ['a log-injection attempt', 'ok\n{"level":50,"msg":"forged"}'],
    ['spaces and quotes', 'id with "quotes"'],
    ['markup', '<script>alert(1)</script>'],
    ['too short', 'abc'],
    ['too long', 'a'.repeat(65)],
    ['non-ASCII', 'identifiant-é-12345'],
    ['empty', ''],
  ])('generates its own id instead of %s', async (_label, header) => {
    const id = await requestIdFor(header);
    expect(id).not.toBe(header);
    expect(id).toMatch(UUID);
  });

  it('generates one when none is sent', async () => {
    expect(await requestIdFor(undefined)).toMatch(UUID);
  });
});
