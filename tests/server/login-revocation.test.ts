import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { logins, users } from '../../db/schema';
import { createTestApp, createUser, injectAs, type TestContext } from '../helpers/app';

/**
 * The principal is read from PostgreSQL on every authenticated request
 * (server/plugins/auth.ts; the principal cache that once sat in front of it
 * did not pay and was removed): a disabled account, a revoked log-in or a new
 * role takes effect at the next request, whether changed through the api or
 * directly in the database, on the busiest reads as on the others.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const LIST = '/api/trainings/sessions'; // the busiest read (its page is cached, never its principal)

describe('log-in revocation', () => {
  it('a user disabled through the api loses access at the next request', async () => {
    const staff = await createUser(ctx, 'staff');
    for (let i = 0; i < 5; i++) {
      const user = await createUser(ctx, 'partner');
      const asUser = await injectAs(ctx, user);
      expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(200);
      expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(200);
      const patched = await (await injectAs(ctx, staff))({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { status: 'disabled' } });
      expect(patched.statusCode).toBe(200);
      expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(401);
    }
  });

  it('holds when many changes answer at once (their waits share round trips)', async () => {
    const staff = await createUser(ctx, 'staff');
    const asStaff = await injectAs(ctx, staff);
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser(ctx, 'partner')));
    const injectors = await Promise.all(people.map((p) => injectAs(ctx, p)));
    for (const inject of injectors) expect((await inject({ method: 'GET', url: LIST })).statusCode).toBe(200);
    const patched = await Promise.all(people.map((p) => asStaff({ method: 'PATCH', url: `/api/users/${p.id}`, payload: { status: 'disabled' } })));
    expect(patched.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    const after = await Promise.all(injectors.map((inject) => inject({ method: 'GET', url: LIST })));
    expect(after.map((r) => r.statusCode)).toEqual(people.map(() => 401));
  });

  it('a log-in revoked by log-out is refused at the next request', async () => {
    const user = await createUser(ctx, 'partner');
    const asUser = await injectAs(ctx, user);
    expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(200);
    expect((await asUser({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(401);
  });

  it('a change made directly in the database is seen at the next request', async () => {
    const user = await createUser(ctx, 'partner', { name: 'Avant' });
    const asUser = await injectAs(ctx, user);
    expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(200);
    await ctx.db.update(logins).set({ revokedAt: new Date() }).where(eq(logins.userId, user.id));
    expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(401);

    const other = await createUser(ctx, 'partner');
    const asOther = await injectAs(ctx, other);
    expect((await asOther({ method: 'GET', url: LIST })).statusCode).toBe(200);
    await ctx.db.update(users).set({ role: 'staff', officeId: 'bit-ganges' }).where(eq(users.id, other.id));
    // The staff-only list answers at once with the new role.
    expect((await asOther({ method: 'GET', url: '/api/trainings/staff/sessions' })).statusCode).toBe(200);
  });

  it('a disabled account is refused at once on every route', async () => {
    const user = await createUser(ctx, 'partner');
    const asUser = await injectAs(ctx, user);
    expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(200);
    await ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    expect((await asUser({ method: 'GET', url: LIST })).statusCode).toBe(401);
    expect((await asUser({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});
