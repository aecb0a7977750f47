import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { textRefusal } from '../../server/lib/validators';
import { until } from '../helpers/until';

/**
 * Issue 9 item 8: control characters, bidirectional overrides and names
 * made only of invisible characters are refused at validation with a clear
 * 400 (they gave a 500 with the SQL parameters in the log); a failed query
 * never logs its parameter values.
 */
let ctx: TestContext;
const logLines: string[] = [];
let partner: Injector;
let staff: Injector;

beforeAll(async () => {
  const stream = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  ctx = await createTestApp({}, { logger: { level: 'info', stream } });
  partner = await injectAs(ctx, await createUser(ctx, 'partner'));
  staff = await injectAs(ctx, await createUser(ctx, 'staff'));
});
afterAll(async () => ctx?.close());

type Problem = { detail: string; errors?: { field: string; message: string }[] };

describe('text fields refuse what cannot be shown or stored', () => {
  it.each([
    ['a NUL byte', 'nul\u0000byte', /caractère de contrôle/],
    ['an escape sequence', 'Jean \u001b[31mrouge', /caractère de contrôle/],
    ['a C1 control', 'Jean\u0085Dupont', /caractère de contrôle/],
    ['a line break in a one-line field', 'Jean\nDupont', /une seule ligne/],
    ['a tab in a one-line field', 'Jean\tDupont', /une seule ligne/],
    ['a right-to-left override', 'Jean \u202Etnopud', /sens d’écriture/],
    ['an isolate', 'Jean \u2066Dupont\u2069', /sens d’écriture/],
    ['only zero-width characters', '\u200B\u200C\u200D\uFEFF', /que des caractères invisibles/],
    ['only a Hangul filler and spaces', '\u3164 \u00A0', /que des caractères invisibles/],
    ['a lone surrogate', 'Jean \uD800', /mal encodé/],
  ])('PATCH /api/me refuses a name with %s (400 in French)', async (_label, name, message) => {
    const res = await partner({ method: 'PATCH', url: '/api/me', payload: { name } });
    expect(res.statusCode).toBe(400);
    const body = res.json<Problem>();
    expect(body.detail).toBe('Certaines informations sont invalides.');
    expect(body.errors).toEqual([{ field: 'name', message: expect.stringMatching(message) }]);
  });

  it('accepts ordinary names, accents, apostrophes and right-to-left scripts', async () => {
    for (const name of ['Élodie d’Aubigné-Laurès', 'Łukasz Erdős', 'مريم الحسيني', 'Jean\u00A0Dupont']) {
      const res = await partner({ method: 'PATCH', url: '/api/me', payload: { name } });
      expect(res.statusCode, name).toBe(200);
      expect(res.json().name).toBe(name);
    }
  });

  it('multi-line fields keep line breaks and tabs but refuse NUL', async () => {
    const e = await createEstablishment(ctx);
    const ok = await staff({ method: 'PATCH', url: `/api/establishments/${e.id}`, payload: { description: 'Ligne 1\r\nLigne 2\n\tindentée' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().description).toBe('Ligne 1\r\nLigne 2\n\tindentée');
    const bad = await staff({ method: 'PATCH', url: `/api/establishments/${e.id}`, payload: { description: 'Ligne 1\u0000' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors).toEqual([{ field: 'description', message: expect.stringMatching(/caractère de contrôle/) }]);
  });

  it('query strings too: ?search=%00 is a 400, not a 500', async () => {
    const res = await staff({ method: 'GET', url: '/api/users?search=%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors).toEqual([{ field: 'search', message: expect.stringMatching(/caractère de contrôle/) }]);
    const trainings = await partner({ method: 'GET', url: '/api/trainings?search=a%E2%80%AEb' });
    expect(trainings.statusCode).toBe(400);
  });

  it('every string of every route gets the rule (e-mail formats included)', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: 'a\u0000b@example.test' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors?.[0]?.field).toBe('email');
  });

  it('textRefusal: the rule itself', () => {
    expect(textRefusal('Gîte « Les Cévennes »', 'line', true)).toBeNull();
    expect(textRefusal('', 'line', false)).toBeNull();
    expect(textRefusal('   ', 'line', false)).toBeNull();
    expect(textRefusal('   ', 'line', true)).toBe('invisible');
    expect(textRefusal('a\nb', 'multiline', true)).toBeNull();
    expect(textRefusal('a\u000bb', 'multiline', true)).toBe('control');
    expect(textRefusal('a\u2028b', 'line', true)).toBe('lineBreak');
    expect(textRefusal('\u2800', 'line', true)).toBe('invisible');
    expect(textRefusal('😀', 'line', true)).toBeNull();
  });
});

describe('failed queries', () => {
  it('are logged without their parameter values, and answered 500 without detail', async () => {
    const e = await createEstablishment(ctx);
    // A constraint the api does not know of: the UPDATE fails inside PostgreSQL with the phone as a
    // parameter, and PostgreSQL's detail repeats the row ("Failing row contains (…)").
    await ctx.db.execute(sql`alter table establishments add constraint abuse_test_phone check (phone is null or phone <> '04 99 12 34 56') not valid`);
    try {
      logLines.length = 0;
      const res = await staff({ method: 'PATCH', url: `/api/establishments/${e.id}`, payload: { phone: '04 99 12 34 56', address: '12 rue Secrète' } });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('Secrète');
      const log = logLines.join('');
      const errorLine = logLines.find((l) => JSON.parse(l).level >= 50) ?? '';
      expect(errorLine).toContain('23514'); // check_violation: what failed is logged…
      expect(errorLine).toContain('abuse_test_phone');
      expect(errorLine).toContain('update \\"establishments\\" set'); // …and the SQL text, with placeholders
      expect(log).not.toContain('04 99 12 34 56'); // …never the values
      expect(log).not.toContain('Secrète');
    } finally {
      await ctx.db.execute(sql`alter table establishments drop constraint abuse_test_phone`);
    }
  });

  it('in a job too: the failure BullMQ keeps in Redis names the SQLSTATE and the SQL, not the values', async () => {
    const user = await createUser(ctx, 'partner', { email: `secret-address-${Date.now()}@example.test` });
    await ctx.db.execute(sql`alter table one_time_tokens add constraint abuse_test_tokens check (false) not valid`);
    const workers = await ctx.startWorkers();
    try {
      await ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: user.email } });
      let reason = '';
      let stack = '';
      expect(await until(async () => {
        const jobs = await ctx.queues.mail.getJobs(['failed', 'delayed', 'waiting', 'active']);
        const job = jobs.find((j) => j.name === 'accounts.password-reset' && j.failedReason);
        reason = job?.failedReason ?? '';
        stack = (job?.stacktrace ?? []).join('\n');
        return Boolean(job);
      }, 10_000)).toBe(true);
      expect(reason).toContain('23514');
      expect(reason).toContain('insert into "one_time_tokens"');
      expect(reason + stack).not.toContain(user.id);
      expect(reason + stack).not.toContain('secret-address');
    } finally {
      await workers.close();
      await ctx.db.execute(sql`alter table one_time_tokens drop constraint abuse_test_tokens`);
    }
  });
});
