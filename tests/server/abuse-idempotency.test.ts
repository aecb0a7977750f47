import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { establishments, idempotencyKeys } from '../../db/schema';
import { appWithUsers, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { purgeAccounts } from '../../workers/handlers/accounts/purge';
import { createWorkerContext } from '../../workers/main';

/**
 * Issue 9 item 15: double-clicking « Créer l'établissement » created two
 * records 70 ms apart. Creating POSTs take an Idempotency-Key (IETF httpapi
 * draft): the same key and request within 24 h get the first answer again;
 * the same key with another request is refused with 422.
 */
let ctx: TestContext;
let asStaff: Injector;
beforeAll(async () => ({ ctx, asStaff } = await appWithUsers({ staff: 'staff' })));
afterAll(async () => ctx?.close());

let n = 0;
const body = () => ({ name: `Camping du Double Clic ${++n}`, category: 'hebergement', communeInsee: '30350' });
const countNamed = async (name: string) => (await ctx.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.name, name))).length;
const create = (payload: object, key?: string, as = asStaff) => as({ method: 'POST', url: '/api/establishments', payload, headers: key ? { 'idempotency-key': key } : {} });

describe('Idempotency-Key on creating POSTs', () => {
  it('the double click: two identical requests with one key at once create one establishment, both answered', async () => {
    const payload = body();
    const key = 'b1c7d3a0-5a3e-4a8f-9a51-1f5a0c3e9d21';
    const [a, b] = await Promise.all([create(payload, key), create(payload, key)]);
    expect(await countNamed(payload.name)).toBe(1);
    // One ran; the other either waited for nothing (409 while in progress) or got the first answer.
    const statuses = [a.statusCode, b.statusCode].sort();
    expect([[201, 201], [201, 409]]).toContainEqual(statuses);
    const waiting = [a, b].find((r) => r.statusCode === 409);
    if (waiting) {
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.json().detail).toBe('Cette demande est déjà en cours de traitement\u00a0: patientez quelques secondes.');
    }
    // Once the first answered, a repeat gets that answer: same status, same record.
    const again = await create(payload, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe((a.statusCode === 201 ? a : b).json().id);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
  });

  it('accepts the draft\'s quoted form of the key', async () => {
    const payload = body();
    const first = await create(payload, '"5f2b0e6e-0b3c-4a57-8d1a-7c9e2f4b6a10"');
    const second = await create(payload, '5f2b0e6e-0b3c-4a57-8d1a-7c9e2f4b6a10');
    expect(second.json().id).toBe(first.json().id);
    expect(await countNamed(payload.name)).toBe(1);
  });

  it('the same key with another body is refused with 422 and creates nothing', async () => {
    const key = 'key-reuse-0001';
    const first = body();
    expect((await create(first, key)).statusCode).toBe(201);
    const other = body();
    const res = await create(other, key);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toBe('Cette clé d’idempotence a déjà servi pour une autre demande.');
    expect(await countNamed(other.name)).toBe(0);
  });

  it('the same body with properties in another order is the same request', async () => {
    const payload = body();
    const key = 'key-order-0001';
    const first = await create(payload, key);
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    const second = await create(reordered, key);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
  });

  it('keys belong to their user: another user with the same key creates their own', async () => {
    const admin = await injectAs(ctx, await createUser(ctx, 'admin'));
    const key = 'shared-key-0001';
    const a = await create(body(), key);
    const b = await create(body(), key, admin);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('a refused request keeps nothing: sent again with the same key, it runs again', async () => {
    const key = 'refused-0001';
    const bad = { ...body(), communeInsee: '99999' };
    expect((await create(bad, key)).statusCode).toBe(400);
    expect(await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0);
    expect((await create(bad, key)).statusCode).toBe(400);
  });

  it('after 24 hours the key is new again', async () => {
    const payload = body();
    const key = 'old-key-0001';
    await create(payload, key);
    await ctx.db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, key));
    const later = await create(payload, key);
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await countNamed(payload.name)).toBe(2);
  });

  it('a malformed key is a 400; no key works as before', async () => {
    expect((await create(body(), 'short')).statusCode).toBe(400);
    expect((await create(body(), 'has spaces in it')).statusCode).toBe(400);
    const payload = body();
    expect((await create(payload)).statusCode).toBe(201);
    expect((await create(payload)).statusCode).toBe(201);
    expect(await countNamed(payload.name)).toBe(2);
  });

  it('every POST that creates (201) declares the header in the OpenAPI document', () => {
    const spec = ctx.app.swagger() as unknown as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; responses: Record<string, unknown> }>> };
    const creating = Object.entries(spec.paths).flatMap(([path, ops]) => (ops.post?.responses['201'] ? [[path, ops.post] as const] : []));
    expect(creating.length).toBeGreaterThanOrEqual(5);
    for (const [path, op] of creating) {
      expect(op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key'), path).toBe(true);
      expect(op.responses['422'], path).toBeDefined();
    }
  });

  it('works the same on another creating route (sign-up to a training session)', async () => {
    const training = await asStaff({ method: 'POST', url: '/api/trainings', headers: { 'idempotency-key': 'training-0001' }, payload: {
      title: 'Accueil vélo', summary: 'Accueillir les cyclistes.', descriptionHtml: '<p>Programme</p>', theme: 'welcome', targetCategories: [], durationMinutes: 120,
      trainer: null, priceMemberCents: 0, priceNonMemberCents: 0,
    } });
    expect(training.statusCode, training.body).toBe(201);
    const replay = await asStaff({ method: 'POST', url: '/api/trainings', headers: { 'idempotency-key': 'training-0001' }, payload: {
      title: 'Accueil vélo', summary: 'Accueillir les cyclistes.', descriptionHtml: '<p>Programme</p>', theme: 'welcome', targetCategories: [], durationMinutes: 120,
      trainer: null, priceMemberCents: 0, priceNonMemberCents: 0,
    } });
    expect(replay.json().id).toBe(training.json().id);
  });
});

describe('retention', () => {
  it('the daily purge deletes answers past their 24 hours and keeps the others (twice harmless)', async () => {
    await create(body(), 'purge-old-0001');
    await create(body(), 'purge-new-0001');
    await ctx.db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, 'purge-old-0001'));
    const worker = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: { info: () => {}, warn: () => {}, error: () => {} } });
    expect(await purgeAccounts({}, worker, {} as never)).toMatchObject({ idempotencyKeys: expect.any(Number) });
    expect(await purgeAccounts({}, worker, {} as never)).toMatchObject({ idempotencyKeys: 0 });
    await worker.close();
    const keys = (await ctx.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((k) => k.key);
    expect(keys).not.toContain('purge-old-0001');
    expect(keys).toContain('purge-new-0001');
  });
});

describe('establishments of the same name in the same commune', () => {
  it('a creation is not refused but names the establishments it may duplicate', async () => {
    const first = await create({ name: 'Gîte du Moulin de la Vis', category: 'hebergement', communeInsee: '30350' });
    expect(first.json().sameNameInCommune).toEqual([]);
    const second = await create({ name: '  gîte du moulin de la vis ', category: 'hebergement', communeInsee: '30350' });
    expect(second.statusCode).toBe(201);
    expect(second.json().sameNameInCommune).toEqual([{ id: first.json().id, name: 'Gîte du Moulin de la Vis' }]);
    const elsewhere = await create({ name: 'Gîte du Moulin de la Vis', category: 'hebergement', communeInsee: '34111' });
    expect(elsewhere.json().sameNameInCommune).toEqual([]);
  });
});
