import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, injectAs, type TestContext } from '../helpers/app';

/**
 * Issue 9 item 7: anonymous or unauthorised requests must not make the
 * server work: the access check runs before the body is parsed and
 * validated, validation stops early, and every string and array a body may
 * carry is bounded.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

type Schema = Record<string, unknown>;

/** Paths inside a JSON schema where a caller may send unbounded data: strings without maxLength, arrays without maxItems, open objects. */
export function unboundedParts(schema: Schema, path = ''): string[] {
  const out: string[] = [];
  // A fixed list of values is bounded whatever its type (the OpenAPI export writes null as `{ type: 'object', enum: [null] }`).
  if (schema.enum !== undefined || schema.const !== undefined) return out;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const [i, sub] of ((schema[key] as Schema[] | undefined) ?? []).entries()) out.push(...unboundedParts(sub, `${path}<${key}${i}>`));
  }
  if (!types.length && !schema.anyOf && !schema.oneOf && !schema.allOf) out.push(`${path || '(root)'}: any value`);
  if (types.includes('string') && typeof schema.maxLength !== 'number') out.push(`${path || '(root)'}: string without maxLength`);
  if (types.includes('array')) {
    if (typeof schema.maxItems !== 'number') out.push(`${path || '(root)'}: array without maxItems`);
    if (schema.items && typeof schema.items === 'object') out.push(...unboundedParts(schema.items as Schema, `${path}[]`));
  }
  if (types.includes('object')) {
    const additional = schema.additionalProperties;
    if (additional !== false && typeof schema.maxProperties !== 'number') out.push(`${path || '(root)'}: object open to any property`);
    if (additional && typeof additional === 'object') out.push(...unboundedParts(additional as Schema, `${path}.*`));
    for (const [name, sub] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
      out.push(...unboundedParts(sub, path ? `${path}.${name}` : name));
    }
  }
  return out;
}

describe('every request body is bounded', () => {
  it('the walker finds unbounded strings, arrays and open objects', () => {
    expect(unboundedParts({
      type: 'object', additionalProperties: false,
      properties: {
        a: { type: 'string', maxLength: 5 }, b: { type: 'string' }, c: { type: 'array', items: { type: 'string', maxLength: 3 } },
        d: { type: 'array', maxItems: 2, items: { type: 'string' } }, e: { type: 'object' }, f: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        g: { type: ['string', 'null'], enum: ['x', null] }, h: {},
      },
    })).toEqual([
      'b: string without maxLength', 'c: array without maxItems', 'd[]: string without maxLength', 'e: object open to any property',
      'f<anyOf0>: string without maxLength', 'h: any value',
    ]);
  });

  it('no route accepts an unbounded string, array or object in its body', () => {
    const spec = ctx.app.swagger() as unknown as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> };
    const found: string[] = [];
    let bodies = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const media of Object.values(op.requestBody?.content ?? {})) {
          bodies++;
          found.push(...unboundedParts(media.schema).map((p) => `${method.toUpperCase()} ${path} ${p}`));
        }
      }
    }
    expect(bodies).toBeGreaterThan(15);
    expect(found).toEqual([]);
  });
});

describe('access is checked before the body is read', () => {
  const huge = () => ({ title: 'x', targetCategories: Array.from({ length: 90_000 }, (_, i) => `c${i}`) });

  it('an anonymous POST with a huge body gets 401 at once, not a list of 90,000 errors', async () => {
    const started = performance.now();
    const res = await ctx.app.inject({ method: 'POST', url: '/api/trainings', payload: huge() });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(401);
    expect(res.json().errors).toBeUndefined();
    expect(res.body.length).toBeLessThan(1_000);
    expect(ms).toBeLessThan(500);
  });

  it('a partner posting to a staff route gets 403 before validation', async () => {
    const partner = await createUser(ctx, 'partner');
    const inject = await injectAs(ctx, partner);
    const res = await inject({ method: 'POST', url: '/api/trainings', payload: { nonsense: true } });
    expect(res.statusCode).toBe(403);
  });

  it('an anonymous PATCH with a malformed body is 401, not 400', async () => {
    const res = await ctx.app.inject({ method: 'PATCH', url: '/api/me', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(res.statusCode).toBe(401);
  });
});

describe('validation stops early', () => {
  it('a signed-in caller with a huge invalid body gets a short answer', async () => {
    const staff = await createUser(ctx, 'staff');
    const inject = await injectAs(ctx, staff);
    const items = Array.from({ length: 90_000 }, () => 'X');
    const started = performance.now();
    const res = await inject({ method: 'POST', url: '/api/trainings', payload: { title: '', summary: '', targetCategories: items } });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.length).toBeLessThanOrEqual(10);
    expect(res.body.length).toBeLessThan(5_000);
    expect(ms).toBeLessThan(500);
  });

  it('a small form still gets one message per wrong field', async () => {
    const staff = await createUser(ctx, 'staff');
    const inject = await injectAs(ctx, staff);
    const res = await inject({ method: 'POST', url: '/api/establishments', payload: { name: '', category: '', communeInsee: 'x' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'category', 'communeInsee']));
  });
});
