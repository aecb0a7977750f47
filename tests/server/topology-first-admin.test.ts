import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { eq, sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { oneTimeTokens, users } from '../../db/schema';
import { bootstrap } from '../../server/services/bootstrap';
import { createTestApp, createUser, type TestContext } from '../helpers/app';
import { TEST_PG_URL, dbUrl } from '../helpers/env';

/**
 * The first administrator's link is created once: by one of several api
 * processes starting at once on an empty database, never again at a later
 * start (which would void the printed link); `npm run admin:invite EMAIL`
 * prints a fresh one on purpose.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'https://espace-pro.example.org', ADMIN_EMAIL: 'premier.admin@example.org' });
});
afterAll(async () => ctx?.close());

const tokenOf = (link: string) => {
  const m = /^https:\/\/espace-pro\.example\.org\/(invitation|reinitialiser)\/([\w-]+)$/.exec(link);
  expect(m, link).not.toBeNull();
  return m![2]!;
};
/** `name` null: none sent. */
const accept = (token: string, name: string | null = 'Sylvie Teissier') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'Aigoual-Observatoire-1894', ...(name === null ? {} : { name }) } });

/** An api process starting: its own connections, then the start-up bootstrap. */
async function start() {
  const handle = await createDb({ url: ctx.database.url, poolSize: 2 });
  try {
    await handle.migrate();
    return await bootstrap(handle.db, ctx.config);
  } finally {
    await handle.close();
  }
}

/** `npm run admin:invite …` against the test database, as an operator types it. */
function adminInvite(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'production', DATABASE_URL: ctx.database.url, JWT_SECRET: ctx.config.JWT_SECRET,
    PUBLIC_URL: 'https://espace-pro.example.org', DATA_DIR: `/tmp/ep-test-data/${ctx.config.QUEUE_PREFIX}-cli`,
  };
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'admin:invite', '--', ...args], { env, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe('first administrator', () => {
  it('three api processes starting at once on an empty database create one administrator and one link, which a later start leaves working', async () => {
    expect(await ctx.db.$count(users)).toBe(0);
    const starts = await Promise.all([start(), start(), start()]);
    const links = starts.map((s) => s.adminLink).filter((l): l is string => l !== null);
    expect(links).toHaveLength(1);
    expect(starts.filter((s) => s.pendingAdmin === 'premier.admin@example.org')).toHaveLength(2);
    expect(await ctx.db.$count(users)).toBe(1);
    expect(await ctx.db.$count(oneTimeTokens, sql`${oneTimeTokens.usedAt} is null`)).toBe(1);

    // Restarted before anyone used the link: no new link, the printed one still works.
    const again = await start();
    expect(again).toEqual({ adminLink: null, pendingAdmin: 'premier.admin@example.org' });
    // The link names no one yet: the administrator gives a real name, so mails are not signed « Administrateur ».
    const info = await ctx.app.inject({ method: 'GET', url: `/api/auth/tokens/${tokenOf(links[0]!)}?purpose=invitation` });
    expect(info.json()).toEqual({ purpose: 'invitation', email: 'premier.admin@example.org', name: '' });
    for (const name of [null, ' Administrateur ', 'administrateur']) {
      const refused = await accept(tokenOf(links[0]!), name);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors).toEqual([{ field: 'name', message: 'Indiquez votre nom\u00a0: il signe les e-mails que vous envoyez depuis l’Espace Pro.' }]);
    }
    const res = await accept(tokenOf(links[0]!));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'admin', name: 'Sylvie Teissier' });
    expect(await start()).toEqual({ adminLink: null, pendingAdmin: null });
  }, 30_000);

  it('processes starting at once on a database without tables migrate it one at a time', async () => {
    const name = `ep_t_blank_${randomBytes(5).toString('hex')}`;
    const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    try {
      const handles = await Promise.all([1, 2, 3].map(() => createDb({ url: dbUrl(name), poolSize: 2 })));
      try {
        await Promise.all(handles.map((h) => h.migrate()));
        const starts = await Promise.all(handles.map((h) => bootstrap(h.db, ctx.config)));
        expect(starts.filter((s) => s.adminLink)).toHaveLength(1);
        const [{ n }] = (await handles[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as [{ n: number }];
        expect(n).toBe((await import('../../db/migrations/meta/_journal.json')).default.entries.length);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});

describe('npm run admin:invite EMAIL', () => {
  it('prints a fresh invitation for a pending administrator and voids the previous link', async () => {
    const email = `pending-${randomBytes(3).toString('hex')}@example.org`;
    const first = await adminInvite(email);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Administrator ${email} (new account): set the password with this one-time link, valid 168 h`);
    const oldToken = tokenOf(first.stdout.trim().split('\n').pop()!.trim());
    const [row] = await ctx.db.select({ role: users.role, status: users.status }).from(users).where(eq(users.email, email));
    expect(row).toEqual({ role: 'admin', status: 'invited' });

    const second = await adminInvite(email.toUpperCase());
    expect(second.code, second.stderr).toBe(0);
    const newToken = tokenOf(second.stdout.trim().split('\n').pop()!.trim());
    expect(newToken).not.toBe(oldToken);
    expect([400, 404, 410]).toContain((await accept(oldToken)).statusCode);
    expect((await accept(newToken)).statusCode).toBe(200);
  }, 60_000);

  it('prints a password-reset link for an active administrator, and refuses other accounts and bad usage', async () => {
    const admin = await createUser(ctx, 'admin');
    const reset = await adminInvite(admin.email);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain(`Administrator ${admin.email}: choose a new password with this one-time link`);
    const token = tokenOf(reset.stdout.trim().split('\n').pop()!.trim());
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token, password: 'Lingas-Mont-Aigoual-2026' } });
    expect(res.statusCode, res.body).toBe(204);

    const partner = await createUser(ctx, 'partner');
    const refused = await adminInvite(partner.email);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${partner.email} is a partner account, not an administrator`);
    const [row] = await ctx.db.select({ role: users.role }).from(users).where(eq(users.id, partner.id));
    expect(row!.role).toBe('partner');

    const usage = await adminInvite();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run admin:invite EMAIL');
  }, 60_000);
});
