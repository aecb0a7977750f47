import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, capturedMails, oneTimeTokens, logins } from '../../db/schema';
import { purgeAccounts } from '../../workers/handlers/accounts/purge';
import { createWorkerContext } from '../../workers/main';
import { createTestApp, createUser, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe('accounts.purge (retention)', () => {
  it('deletes spent log-ins, tokens and history past retention, keeps the rest, and is harmless twice', async () => {
    const user = await createUser(ctx, 'partner');
    const [oldLogin, liveLogin, oldRevoked] = await ctx.db.insert(logins).values([
      { userId: user.id, expiresAt: daysAgo(40) },
      { userId: user.id, expiresAt: daysAgo(-20) },
      { userId: user.id, expiresAt: daysAgo(-5), revokedAt: daysAgo(31) },
    ]).returning({ id: logins.id });
    await ctx.db.insert(oneTimeTokens).values([
      { userId: user.id, purpose: 'password_reset', tokenHash: 'old-token', expiresAt: daysAgo(45) },
      { userId: user.id, purpose: 'invitation', tokenHash: 'live-token', expiresAt: daysAgo(-3) },
    ]);
    await ctx.db.insert(auditLog).values([
      { action: 'test.old', targetType: 'user', targetId: user.id, createdAt: daysAgo(400) },
      { action: 'test.recent', targetType: 'user', targetId: user.id, createdAt: daysAgo(10) },
    ]);
    await ctx.db.insert(capturedMails).values({ toAddress: user.email, subject: 'vieux', html: '<p>x</p>', text: 'x', createdAt: daysAgo(380) });

    const workerCtx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: { info: () => {}, warn: () => {}, error: () => {} } });
    const first = await purgeAccounts({}, workerCtx, {} as never);
    const second = await purgeAccounts({}, workerCtx, {} as never);
    await workerCtx.close();

    expect(first).toMatchObject({ logins: 2, tokens: 1, audit: 1, capturedMails: 1 });
    expect(second).toMatchObject({ logins: 0, tokens: 0, audit: 0, capturedMails: 0 });
    const remaining = await ctx.db.select({ id: logins.id }).from(logins).where(eq(logins.userId, user.id));
    expect(remaining.map((r) => r.id)).toEqual([liveLogin!.id]);
    expect(remaining.map((r) => r.id)).not.toContain(oldLogin!.id);
    expect(remaining.map((r) => r.id)).not.toContain(oldRevoked!.id);
    const audit = await ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audit.map((a) => a.action)).toContain('test.recent');
    expect(audit.map((a) => a.action)).not.toContain('test.old');
    expect((await ctx.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id))).map((t) => t.tokenHash)).toEqual(['live-token']);
  });
});
