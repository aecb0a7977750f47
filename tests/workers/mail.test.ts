import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, UnrecoverableError } from 'bullmq';
import { simpleParser, type ParsedMail } from 'mailparser';
import { eq, sql } from 'drizzle-orm';
import { capturedMails, mailMessages, oneTimeTokens } from '../../db/schema';
import { queueMail } from '../../db/queries/mail';
import { consumeOneTimeToken, createOneTimeToken, peekOneTimeToken, type TokenPurpose } from '../../db/queries/tokens';
import { deriveOneTimeToken, hashToken } from '../../common/link-tokens';
import { enqueue, jobIds, type WorkerContext } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { sendMail, type SendMailResult } from '../../workers/handlers/mail/send';
import { sweepMail } from '../../workers/handlers/mail/sweep';
import { createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { useWorkerApp } from '../helpers/worker-app';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp';
import { MAIL_MAX_ATTEMPTS, MAIL_RETRY_DELAYS_SECONDS } from '../../common/mail';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let smtp: SmtpCapture;
let ctx: TestContext;
let wctx: WorkerContext & { close(): Promise<void> };
let admin: TestUser;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestApp({}, { smtpUrl: smtp.url });
  wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: quiet });
  admin = await createUser(ctx, 'admin', { name: 'Claire Dupont' });
});

afterAll(async () => {
  await wctx?.close();
  await ctx?.close();
  await smtp?.close();
});

function tokenFor(c: TestContext, purpose: TokenPurpose, userId: string, ttlMs = 7 * 24 * 3600_000, createdBy: string | null = admin.id) {
  return createOneTimeToken(c.db, {
    userId, purpose, ttlMs, createdBy,
    hashFor: (id) => hashToken(deriveOneTimeToken(c.config.JWT_SECRET, id)),
  });
}

/** What the accounts routes do: a user, a token and an outbox row in the database (the job is enqueued separately). */
async function queueInvitation(c: TestContext, language: 'fr' | 'en' = 'fr', inviterId: string | null = admin.id) {
  const user = await createUser(c, 'partner', { status: 'invited', passwordHash: null, language, name: language === 'fr' ? 'Jeanne Martin' : 'Peter Jansen' });
  const tokenId = await tokenFor(c, 'invitation', user.id, undefined, inviterId);
  const messageId = await queueMail(c.db, { template: 'invitation', userId: user.id, toAddress: user.email, language, params: { tokenId }, dedupeKey: `invitation:${tokenId}` });
  return { user, tokenId, messageId: messageId! };
}

const run = (w: WorkerContext, messageId: string) =>
  sendMail({ messageId }, w, new Job(w.queues.mail, 'mail.send', { messageId })) as Promise<SendMailResult>;

async function row(c: TestContext, id: string) {
  const [r] = await c.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return r!;
}

let workersStarted = false;
/** The real BullMQ workers of this file, started once. */
async function ensureWorkers() {
  if (!workersStarted) await ctx.startWorkers();
  workersStarted = true;
}

/** Moves time: the row's next attempt is due now. */
async function makeDue(...ids: string[]) {
  for (const id of ids) await ctx.db.update(mailMessages).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(mailMessages.id, id));
}

const to = (email: string) => (m: { to: string[] }) => m.to.includes(email);

/** Waits for `count` mails to `email`, then a little longer, and returns all of them (to catch duplicates). */
async function delivered(email: string, count = 1): Promise<ParsedMail[]> {
  await smtp.waitFor(to(email), count);
  await sleep(400);
  return Promise.all(smtp.messages.filter(to(email)).map((m) => simpleParser(m.raw)));
}

async function waitUntil<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms (last: ${JSON.stringify(v)})`);
    await sleep(50);
  }
}

describe('mail.send handler', () => {
  it('sends an invitation once even when the handler runs twice, at the same time and again later', async () => {
    const { user, tokenId, messageId } = await queueInvitation(ctx);
    const results = await Promise.all([run(wctx, messageId), run(wctx, messageId)]);
    expect(results.filter((r) => 'sent' in r)).toHaveLength(1);
    expect(results.filter((r) => 'skipped' in r)).toEqual([{ skipped: true, reason: 'not-claimable' }]);
    expect(await run(wctx, messageId)).toEqual({ skipped: true, reason: 'not-claimable' });

    const mails = await delivered(user.email);
    expect(mails).toHaveLength(1);
    const r = await row(ctx, messageId);
    expect(r).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(r.sentAt).toBeInstanceOf(Date);
    expect(r.providerMessageId).toBe(`<${messageId}@espace-pro.sud-cevennes.test>`);
    expect(mails[0]!.messageId).toBe(r.providerMessageId);

    // The link carries the token derived from the row id, and that token is the one stored (hashed).
    const token = deriveOneTimeToken(ctx.config.JWT_SECRET, tokenId);
    const link = `${ctx.config.PUBLIC_URL}/invitation/${token}`;
    expect(mails[0]!.text).toContain(link);
    expect(mails[0]!.html).toContain(link);
    expect(await peekOneTimeToken(ctx.db, hashToken(token), 'invitation')).toEqual({ id: tokenId, userId: user.id });
    expect(mails[0]!.from?.text).toContain('Espace Pro Sud Cévennes');
    expect(mails[0]!.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('through BullMQ: the same job added twice and a second job with another id send one mail', async () => {
    await ensureWorkers();
    const { user, messageId } = await queueInvitation(ctx);
    await enqueue(ctx.queues, 'mail.send', { messageId });
    await enqueue(ctx.queues, 'mail.send', { messageId }); // same deterministic id: ignored by BullMQ
    await ctx.queues.mail.add('mail.send', { messageId }, { jobId: `duplicate-${messageId}` });

    const ids = [jobIds['mail.send']({ messageId }), `duplicate-${messageId}`];
    await waitUntil(() => Promise.all(ids.map((id) => ctx.queues.mail.getJobState(id))), (s) => s.every((x) => x === 'completed'));
    const returns = await Promise.all(ids.map(async (id) => (await ctx.queues.mail.getJob(id))!.returnvalue as SendMailResult));
    expect(returns.filter((r) => 'sent' in r)).toHaveLength(1);
    expect(returns.filter((r) => 'skipped' in r)).toHaveLength(1);
    expect(await ctx.queues.mail.getJobCounts('completed')).toMatchObject({ completed: 2 });

    expect(await delivered(user.email)).toHaveLength(1);
    expect(await row(ctx, messageId)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('renders in the recipient’s language, with an HTML and a plain-text part', async () => {
    const fr = await queueInvitation(ctx, 'fr');
    const en = await queueInvitation(ctx, 'en');
    await run(wctx, fr.messageId);
    await run(wctx, en.messageId);
    const [mailFr] = await delivered(fr.user.email);
    const [mailEn] = await delivered(en.user.email);

    expect(mailFr!.subject).toBe('Votre invitation à l’Espace Pro Sud Cévennes');
    expect(mailFr!.text).toContain('Bonjour Jeanne Martin,');
    expect(mailFr!.text).toContain('Claire Dupont vous invite à rejoindre');
    expect(mailFr!.text).toContain('Choisir mon mot de passe');
    expect(mailFr!.html).toContain('lang="fr"');
    expect(mailFr!.headers.get('content-language')).toBe('fr');

    expect(mailEn!.subject).toBe('Your invitation to Espace Pro Sud Cévennes');
    expect(mailEn!.text).toContain('Hello Peter Jansen,');
    expect(mailEn!.text).toContain('Claire Dupont invites you to join');
    expect(mailEn!.text).toContain('Choose my password');
    expect(mailEn!.text).not.toContain('Bonjour');
    expect(mailEn!.html).toContain('lang="en"');

    for (const mail of [mailFr!, mailEn!]) {
      // multipart/alternative with a real text/plain part, not just HTML.
      expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
      expect(mail.text!.length).toBeGreaterThan(200);
      expect(mail.text).not.toMatch(/<[a-z]/i);
      expect(mail.html).toMatch(/^<!DOCTYPE html/i);
      // Footer: the office and why the mail was received.
      expect(mail.text).toContain('Office de Tourisme Intercommunautaire Sud Cévennes');
    }
    expect(mailFr!.text).toContain('Vous recevez ce message parce que');
    expect(mailEn!.text).toContain('You are receiving this message because');
  });

  it('sends password-reset and password-changed mails with their links', async () => {
    const user = await createUser(ctx, 'partner', { language: 'en', name: 'Ann Smith' });
    const tokenId = await tokenFor(ctx, 'password_reset', user.id, 3600_000);
    const reset = await queueMail(ctx.db, { template: 'password-reset', userId: user.id, toAddress: user.email, language: 'en', params: { tokenId } });
    const changed = await queueMail(ctx.db, { template: 'password-changed', userId: user.id, toAddress: user.email, language: 'en' });
    expect(await run(wctx, reset!)).toMatchObject({ sent: true });
    expect(await run(wctx, changed!)).toMatchObject({ sent: true });
    const mails = await delivered(user.email, 2);
    expect(mails).toHaveLength(2);
    const resetMail = mails.find((m) => m.subject === 'Reset your Espace Pro password')!;
    const changedMail = mails.find((m) => m.subject === 'Your Espace Pro password was changed')!;
    expect(resetMail.text).toContain(`${ctx.config.PUBLIC_URL}/reinitialiser/${deriveOneTimeToken(ctx.config.JWT_SECRET, tokenId)}`);
    expect(changedMail.text).toContain(`${ctx.config.PUBLIC_URL}/mot-de-passe-oublie`);
    expect(changedMail.text).toContain(user.email);
  });

  it('skips a mail that no longer applies (used or expired token, disabled account): nothing is sent', async () => {
    const used = await queueInvitation(ctx);
    expect(await consumeOneTimeToken(ctx.db, hashToken(deriveOneTimeToken(ctx.config.JWT_SECRET, used.tokenId)), 'invitation')).not.toBeNull();
    const expired = await queueInvitation(ctx);
    await ctx.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oneTimeTokens.id, expired.tokenId));
    const disabled = await createUser(ctx, 'partner', { status: 'disabled' });
    const resetToken = await tokenFor(ctx, 'password_reset', disabled.id, 3600_000);
    const reset = await queueMail(ctx.db, { template: 'password-reset', userId: disabled.id, toAddress: disabled.email, language: 'fr', params: { tokenId: resetToken } });

    for (const id of [used.messageId, expired.messageId, reset!]) {
      expect(await run(wctx, id)).toEqual({ skipped: true, reason: 'not-applicable' });
      expect(await row(ctx, id)).toMatchObject({ status: 'skipped', attempts: 1, sentAt: null });
      // Skipped is final: running the job again does nothing.
      expect(await run(wctx, id)).toEqual({ skipped: true, reason: 'not-claimable' });
    }
    await sleep(400);
    for (const email of [used.user.email, expired.user.email, disabled.email]) expect(smtp.messages.filter(to(email))).toHaveLength(0);
  });

  it('refuses bad payloads and bad params without retry', async () => {
    await expect(sendMail({ messageId: 'not-a-uuid' }, wctx, new Job(ctx.queues.mail, 'mail.send', {}))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(sendMail({} as never, wctx, new Job(ctx.queues.mail, 'mail.send', {}))).rejects.toBeInstanceOf(UnrecoverableError);
    const user = await createUser(ctx, 'partner');
    const bad = await queueMail(ctx.db, { template: 'invitation', userId: user.id, toAddress: user.email, language: 'fr', params: { tokenId: 'x' } });
    await expect(run(wctx, bad!)).rejects.toBeInstanceOf(UnrecoverableError);
    const unknown = await queueMail(ctx.db, { template: 'no-such-template', userId: user.id, toAddress: user.email, language: 'fr' });
    await expect(run(wctx, unknown!)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await row(ctx, unknown!)).toMatchObject({ status: 'failed', lastError: 'Unknown mail template "no-such-template"' });
  });

  it('marks the row failed when SMTP refuses, then the retry PostgreSQL schedules sends it once', async () => {
    await ensureWorkers();
    const { user, messageId } = await queueInvitation(ctx);
    smtp.rejectNext(1);
    await enqueue(ctx.queues, 'mail.send', { messageId });

    const failed = await waitUntil(() => row(ctx, messageId), (r) => r.status === 'failed' || r.status === 'sent');
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/451/);
    expect(failed.nextAttemptAt).not.toBeNull();

    // Not due yet: the sweeper leaves it alone. Once due, it is re-enqueued and sent.
    expect((await sweepMail({}, wctx, new Job(ctx.queues.schedule, 'mail.sweep', {}))) as { requeued: number }).toMatchObject({ requeued: 0 });
    await makeDue(messageId);
    await sweepMail({}, wctx, new Job(ctx.queues.schedule, 'mail.sweep', {}));

    const mails = await delivered(user.email);
    expect(mails).toHaveLength(1);
    const sent = await waitUntil(() => row(ctx, messageId), (r) => r.status === 'sent');
    expect(sent).toMatchObject({ attempts: 2, lastError: null, nextAttemptAt: null });
  });
});

describe('mail.sweep', () => {
  it('re-enqueues lost jobs and stale claims, and leaves recent rows to their own job', async () => {
    await ensureWorkers();
    // Lost between commit and enqueue, a while ago.
    const lost = await queueInvitation(ctx);
    await ctx.db.update(mailMessages).set({ createdAt: sql`now() - interval '2 minutes'` }).where(eq(mailMessages.id, lost.messageId));
    // Claimed by a worker that died mid-send; its BullMQ job already completed (as a skip), which the sweeper must replace.
    const stale = await queueInvitation(ctx);
    await ctx.db.update(mailMessages).set({ status: 'sending', claimedAt: sql`now()`, attempts: 1 }).where(eq(mailMessages.id, stale.messageId));
    await enqueue(ctx.queues, 'mail.send', { messageId: stale.messageId });
    const staleJob = jobIds['mail.send']({ messageId: stale.messageId });
    await waitUntil(() => ctx.queues.mail.getJobState(staleJob), (s) => s === 'completed');
    await ctx.db.update(mailMessages).set({ claimedAt: sql`now() - interval '11 minutes'`, createdAt: sql`now() - interval '12 minutes'` }).where(eq(mailMessages.id, stale.messageId));
    // Just written: its job may simply not have run yet.
    const recent = await queueInvitation(ctx);

    const first = await sweepMail({}, wctx, new Job(ctx.queues.schedule, 'mail.sweep', {}));
    const second = await sweepMail({}, wctx, new Job(ctx.queues.schedule, 'mail.sweep', {}));
    expect(first).toMatchObject({ requeued: 2 });
    // The second run finds the jobs pending or the rows sent: nothing is added twice.
    expect(second).toMatchObject({ requeued: 0 });

    expect(await delivered(lost.user.email)).toHaveLength(1);
    expect(await delivered(stale.user.email)).toHaveLength(1);
    expect(await waitUntil(() => row(ctx, lost.messageId), (r) => r.status === 'sent')).toMatchObject({ attempts: 1 });
    expect(await waitUntil(() => row(ctx, stale.messageId), (r) => r.status === 'sent')).toMatchObject({ attempts: 2 });
    expect(await row(ctx, recent.messageId)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(smtp.messages.filter(to(recent.user.email))).toHaveLength(0);
  });
});

describe('retry schedule owned by PostgreSQL', () => {
  const sweep = () => sweepMail({}, wctx, new Job(ctx.queues.schedule, 'mail.sweep', {}));
  /** Seconds until the row's next attempt. */
  async function waitSeconds(id: string): Promise<number> {
    const [r] = await ctx.db.select({ s: sql<number>`extract(epoch from ${mailMessages.nextAttemptAt} - now())::float` }).from(mailMessages).where(eq(mailMessages.id, id));
    return Number(r!.s);
  }
  async function allFailed(ids: string[], attempts: number) {
    for (const id of ids) {
      await waitUntil(() => row(ctx, id), (r) => r.status === 'failed' && r.attempts === attempts && r.nextAttemptAt !== null, 20_000);
    }
  }
  /** Moves time, then sweeps: the rows' next attempt is taken now. */
  async function retryNow(ids: string[]) {
    await makeDue(...ids);
    await sweep();
  }
  /** Five invitations sent while the SMTP server answers `code`; the server accepts again when `run` ends, however it ends. */
  async function whileRefusing(code: 451 | 550, run: (queued: Awaited<ReturnType<typeof queueInvitation>>[], ids: string[]) => Promise<void>) {
    await ensureWorkers();
    smtp.refuseAll(code);
    try {
      const queued = await Promise.all(Array.from({ length: 5 }, () => queueInvitation(ctx)));
      const ids = queued.map((q) => q.messageId);
      for (const id of ids) await enqueue(ctx.queues, 'mail.send', { messageId: id });
      await run(queued, ids);
    } finally {
      smtp.refuseAll(null);
    }
  }
  /** Deletes every Redis key of the mail queue (jobs, ids, events), as a flushed or lost Redis would. */
  async function loseMailQueueKeys() {
    const keys = await ctx.redis.keys(`${ctx.config.QUEUE_PREFIX}:${ctx.queues.mail.name}:*`);
    if (keys.length) await ctx.redis.del(...keys);
    return keys.length;
  }

  it('a 451 lasting longer than the job’s attempts backs off over hours, then every mail is delivered once', async () => {
    await whileRefusing(451, async (queued, ids) => {
      // MAIL_MAX_ATTEMPTS - 1 refusals, more than the BullMQ job's 6 attempts.
      for (let attempt = 1; attempt < MAIL_MAX_ATTEMPTS; attempt++) {
        await allFailed(ids, attempt);
        const delay = MAIL_RETRY_DELAYS_SECONDS[attempt - 1]!;
        const wait = await waitSeconds(ids[0]!);
        expect(wait).toBeGreaterThan(delay - 30);
        expect(wait).toBeLessThanOrEqual(delay + 1);
        expect((await row(ctx, ids[0]!)).lastError).toMatch(/451/);
        if (attempt < MAIL_MAX_ATTEMPTS - 1) await retryNow(ids);
      }
      expect(MAIL_MAX_ATTEMPTS).toBeGreaterThan(6);
      expect(MAIL_RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0)).toBeGreaterThan(36 * 3600);
      smtp.refuseAll(null);
      await retryNow(ids);
      for (const q of queued) expect(await delivered(q.user.email)).toHaveLength(1);
      for (const id of ids) {
        expect(await waitUntil(() => row(ctx, id), (r) => r.status === 'sent')).toMatchObject({ attempts: MAIL_MAX_ATTEMPTS, lastError: null, nextAttemptAt: null });
      }
      // Nothing is left to sweep for these rows, and nothing is sent twice.
      await sweep();
      await sleep(500);
      for (const q of queued) expect(smtp.messages.filter(to(q.user.email))).toHaveLength(1);
    });
  });

  it('the queue’s Redis keys deleted while retries wait: the mails are still delivered once', async () => {
    await whileRefusing(451, async (queued, ids) => {
      await allFailed(ids, 1);
      expect(await loseMailQueueKeys()).toBeGreaterThan(0);
      await retryNow(ids);
      await allFailed(ids, 2);
      expect(await loseMailQueueKeys()).toBeGreaterThan(0);
      smtp.refuseAll(null);
      await retryNow(ids);
      for (const q of queued) expect(await delivered(q.user.email)).toHaveLength(1);
      for (const id of ids) expect(await waitUntil(() => row(ctx, id), (r) => r.status === 'sent')).toMatchObject({ attempts: 3 });
    });
  });

  it('a 550 refusal stops at once and shows as refused', async () => {
    await ensureWorkers();
    smtp.refuseAll(550);
    try {
      const { user, messageId } = await queueInvitation(ctx);
      await enqueue(ctx.queues, 'mail.send', { messageId });
      const refused = await waitUntil(() => row(ctx, messageId), (r) => r.status !== 'queued' && r.status !== 'sending');
      expect(refused).toMatchObject({ status: 'refused', attempts: 1, nextAttemptAt: null });
      expect(refused.lastError).toMatch(/550/);
      smtp.refuseAll(null);
      await ctx.db.update(mailMessages).set({ createdAt: sql`now() - interval '1 day'` }).where(eq(mailMessages.id, messageId));
      await sweep();
      await sleep(500);
      expect(await row(ctx, messageId)).toMatchObject({ status: 'refused', attempts: 1 });
      expect(smtp.messages.filter(to(user.email))).toHaveLength(0);
      // The admin outbox API shows the refusal.
      const res = await (await injectAs(ctx, admin))({ method: 'GET', url: '/api/outbox/deliveries?pageSize=100' });
      expect(res.statusCode).toBe(200);
      const shown = (res.json() as { items: { id: string; status: string; nextAttemptAt: string | null; lastError: string | null }[] }).items.find((i) => i.id === messageId);
      expect(shown).toMatchObject({ status: 'refused', nextAttemptAt: null });
      expect(shown!.lastError).toMatch(/550/);
    } finally {
      smtp.refuseAll(null);
    }
  });
});

describe('captured outbox (no SMTP_URL)', () => {
  const captured = useWorkerApp(quiet);

  it('stores the mail in captured_mails and shows it to admins only', async () => {
    const capAdmin = await createUser(captured.ctx, 'admin');
    const { user, tokenId, messageId } = await queueInvitation(captured.ctx, 'en', capAdmin.id);
    const result = await run(captured.wctx, messageId);
    expect(result).toMatchObject({ sent: true });
    const [stored] = await captured.ctx.db.select().from(capturedMails).where(eq(capturedMails.messageId, messageId));
    expect(stored).toBeDefined();
    expect(result).toEqual({ sent: true, providerMessageId: `captured:${stored!.id}` });
    expect(stored!.headers['Message-ID']).toBe(`<${messageId}@espace-pro.sud-cevennes.test>`);
    expect(await row(captured.ctx, messageId)).toMatchObject({ status: 'sent', providerMessageId: `captured:${stored!.id}` });
    // Run twice: still one captured mail; and nothing went to the SMTP server.
    expect(await run(captured.wctx, messageId)).toEqual({ skipped: true, reason: 'not-claimable' });
    expect(await captured.ctx.db.$count(capturedMails, eq(capturedMails.messageId, messageId))).toBe(1);
    expect(smtp.messages.filter(to(user.email))).toHaveLength(0);

    const asAdmin = await injectAs(captured.ctx, capAdmin);
    const list = await asAdmin({ method: 'GET', url: '/api/outbox?page=1&pageSize=10' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 10, captureEnabled: true, items: [{ id: stored!.id, toAddress: user.email, subject: 'Your invitation to Espace Pro Sud Cévennes' }] });
    expect(list.json().items[0]).not.toHaveProperty('html');

    const one = await asAdmin({ method: 'GET', url: `/api/outbox/${stored!.id}` });
    expect(one.statusCode).toBe(200);
    const link = `${captured.ctx.config.PUBLIC_URL}/invitation/${deriveOneTimeToken(captured.ctx.config.JWT_SECRET, tokenId)}`;
    expect(one.json()).toMatchObject({ id: stored!.id, toAddress: user.email });
    expect(one.json().html).toContain(link);
    expect(one.json().text).toContain(link);
    expect(new Date(one.json().createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    expect((await asAdmin({ method: 'GET', url: '/api/outbox/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await asAdmin({ method: 'GET', url: '/api/outbox/not-a-uuid' })).statusCode).toBe(404); // an id that cannot exist is not found (issue 10 item 6)
    expect((await asAdmin({ method: 'GET', url: '/api/outbox?pageSize=1000' })).statusCode).toBe(400);
    expect((await asAdmin({ method: 'GET', url: '/api/outbox?unknown=1' })).statusCode).toBe(400);

    for (const role of ['staff', 'partner'] as const) {
      const as = await injectAs(captured.ctx, await createUser(captured.ctx, role));
      const res = await as({ method: 'GET', url: '/api/outbox' });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await as({ method: 'GET', url: `/api/outbox/${stored!.id}` })).statusCode).toBe(403);
    }
    const anonymous = await injectAs(captured.ctx, null);
    expect((await anonymous({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(401);
    expect((await anonymous({ method: 'GET', url: `/api/outbox/${stored!.id}` })).statusCode).toBe(401);
  });

  it('says capture is off when an SMTP server is configured', async () => {
    const asAdmin = await injectAs(ctx, admin);
    const res = await asAdmin({ method: 'GET', url: '/api/outbox' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ captureEnabled: false, total: 0, items: [] });
  });
});
