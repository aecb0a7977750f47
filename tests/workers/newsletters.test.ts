import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { newsletterCampaigns, newsletterRecipients, newsletterSuppressions } from '../../db/schema';
import { addSuppression, changeCampaignStatus, claimBatch, launchCampaign, recordSent, renewClaim, subscribe, unsubscribeAddress } from '../../db/queries/newsletters';
import { enqueueEffects, type WorkerContext } from '../../workers/jobs';
import { createWorkerContext, startWorkers } from '../../workers/main';
import { TEST_REDIS_URL } from '../helpers/env';
import { sweepNewsletters } from '../../workers/handlers/newsletters/sweep';
import { createEstablishment, createTestApp, createUser, type TestContext, type TestUser } from '../helpers/app';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp';
import { draft, launched, newTopic, recipientRows, runLane, statusCounts, subscribedPartners } from '../helpers/newsletters';
import { EVERYONE } from '../helpers/audience';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let smtp: SmtpCapture;
let ctx: TestContext;
let admin: TestUser;
const contexts: (WorkerContext & { close(): Promise<void> })[] = [];

/** A worker context whose config differs (rate limit, lease, DKIM): each has its own SMTP pool. */
function worker(overrides: Partial<TestContext['config']> = {}) {
  const w = createWorkerContext({ config: { ...ctx.config, ...overrides }, db: ctx.db, queues: ctx.queues, log: quiet });
  contexts.push(w);
  return w;
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestApp({ NEWSLETTER_RATE_PER_SECOND: 1000 }, { smtpUrl: smtp.url });
  admin = await createUser(ctx, 'admin');
});

afterAll(async () => {
  for (const w of contexts) await w.close();
  await ctx?.close();
  await smtp?.close();
});

/** Mails received per address (lower-case), for the given addresses. */
function countsFor(addresses: string[]): Record<string, number> {
  const wanted = new Set(addresses.map((a) => a.toLowerCase()));
  const counts: Record<string, number> = Object.fromEntries([...wanted].map((a) => [a, 0]));
  for (const m of smtp.messages) for (const to of m.to) if (wanted.has(to.toLowerCase())) counts[to.toLowerCase()]!++;
  return counts;
}
const once = (addresses: string[]) => Object.fromEntries(addresses.map((a) => [a.toLowerCase(), 1]));

async function campaignStatus(id: string) {
  const [c] = await ctx.db.select({ status: newsletterCampaigns.status }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id));
  return c!.status;
}

describe('launch freezes the recipients', () => {
  it('counts an address once across a person and an establishment contact, applies the audience, the suppression list and unsubscribes', async () => {
    const topicId = await newTopic(ctx);
    const vigan = await createEstablishment(ctx, { communeInsee: '30350' });
    const elsewhere = await createEstablishment(ctx, { communeInsee: '30074' });
    const jeanne = await createUser(ctx, 'partner', { establishmentId: vigan.id, email: `jeanne-${Date.now()}@example.test` });
    await subscribe(ctx.db, { topicId, address: jeanne.email, userId: jeanne.id, source: 'preferences' });
    // The same person reached a second way: her establishment's contact address, written differently (the account's address is used for the account's subscription).
    const contact = await createEstablishment(ctx, { communeInsee: '30350', email: jeanne.email.toUpperCase() });
    await subscribe(ctx.db, { topicId, address: `old-${jeanne.email}`, userId: jeanne.id, source: 'admin' });
    await subscribe(ctx.db, { topicId, address: jeanne.email.toUpperCase().replace('JEANNE', 'Jeanne'), establishmentId: contact.id, source: 'admin' });
    const far = await createUser(ctx, 'partner', { establishmentId: elsewhere.id });
    await subscribe(ctx.db, { topicId, address: far.email, userId: far.id, source: 'preferences' });
    const staff = await createUser(ctx, 'staff');
    await subscribe(ctx.db, { topicId, address: staff.email, userId: staff.id, source: 'preferences' });
    const [bounced, gone] = await subscribedPartners(ctx, 2, topicId);
    await addSuppression(ctx.db, bounced!.email, 'hard_bounce', null);
    await unsubscribeAddress(ctx.db, gone!.email, topicId);
    // Move the two to Le Vigan too, so only suppression and unsubscribe keep them out.
    await ctx.db.execute(sql`update establishments set commune_insee = '30350' where id in (${bounced!.establishmentId}, ${gone!.establishmentId})`);

    const pays = await launched(ctx, admin.id, { topicId, audience: { kind: 'partners', categories: [], subcategories: [], communes: ['30350'], communautes: [], offices: [] } });
    const rows = await recipientRows(ctx, pays);
    expect(rows.map((r) => r.address)).toEqual([jeanne.email.toLowerCase()]);
    const [c] = await ctx.db.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, pays));
    expect(c!.status).toBe('sending');
    expect(c!.total).toBe(1);
    // A second launch of the same campaign freezes nothing more.
    expect(await launchCampaign(ctx.db, pays)).toEqual({ ok: false, reason: 'notLaunchable' });

    const all = await launched(ctx, admin.id, { topicId, audience: EVERYONE });
    expect((await recipientRows(ctx, all)).map((r) => r.address).sort()).toEqual([jeanne.email, far.email, staff.email].map((a) => a.toLowerCase()).sort());
    await changeCampaignStatus(ctx.db, pays, 'cancel');
    await changeCampaignStatus(ctx.db, all, 'cancel');
  });
});

describe('sending', () => {
  it('sends each recipient exactly once with the RFC 8058 headers and a Message-ID per recipient, even when lanes run twice and at once', async () => {
    const topicId = await newTopic(ctx);
    const people = await subscribedPartners(ctx, 12, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Formations de décembre' });
    const w = worker();
    const results = await Promise.all([runLane(w, id, 0), runLane(w, id, 1), runLane(w, id, 0)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect((await runLane(w, id, 0)).sent).toBe(0); // run again once done: acts on nobody
    await sleep(300);
    expect(countsFor(people.map((p) => p.email))).toEqual(once(people.map((p) => p.email)));
    expect(await campaignStatus(id)).toBe('finished');
    expect(await statusCounts(ctx, id)).toEqual({ sent: 12 });

    const mine = smtp.messages.filter((m) => m.subject === 'Formations de décembre');
    const parsed = await Promise.all(mine.map((m) => simpleParser(m.raw)));
    const ids = new Set(parsed.map((p) => p.messageId));
    expect(ids.size).toBe(12);
    for (const [i, p] of parsed.entries()) {
      const unsub = /^List-Unsubscribe:\s*(.*)$/m.exec(mine[i]!.raw.replace(/\r?\n[ \t]+/g, ''))?.[1]?.trim() ?? '';
      expect(unsub).toMatch(new RegExp(`^<${ctx.config.PUBLIC_URL}/api/newsletters/unsubscribe/[A-Za-z0-9_.-]+>$`));
      expect(mine[i]!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(mine[i]!.raw).toMatch(new RegExp(`^Message-ID:\\s*<nl-${id}-\\d+@`, 'm'));
      expect(p.text).toContain(unsub.slice(1, -1)); // the same link in the body
      expect(p.html).not.toMatch(/<img[^>]+(width="1"|height="1")/); // no tracking pixel
    }
    const rows = await recipientRows(ctx, id);
    expect(rows.every((r) => r.messageId && r.sentAt && r.attempts === 1)).toBe(true);
  });

  it('DKIM-signs the messages when a key is configured', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const topicId = await newTopic(ctx);
    const [p] = await subscribedPartners(ctx, 1, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Lettre signée' });
    const w = worker({ DKIM_DOMAIN: 'sud-cevennes.test', DKIM_SELECTOR: 'lettres', DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    await runLane(w, id);
    const [m] = await smtp.waitFor((x) => x.subject === 'Lettre signée');
    expect(m!.to).toEqual([p!.email]);
    expect(m!.raw).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;.*d=sud-cevennes\.test;.*s=lettres;/ms);
    expect(m!.raw).toMatch(/^DKIM-Signature:[\s\S]*h=[^;]*List-Unsubscribe/im);
  });

  it('honours an unsubscribe and a suppression made between two batches of a running campaign', async () => {
    const topicId = await newTopic(ctx);
    const people = await subscribedPartners(ctx, 8, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Entre deux lots' });
    // 2 mails per second: batches of 2, so the campaign runs for about 4 seconds.
    const lane = runLane(worker({ NEWSLETTER_RATE_PER_SECOND: 2 }), id);
    await smtp.waitFor((m) => m.subject === 'Entre deux lots', 1);
    const rows = await recipientRows(ctx, id);
    const [late1, late2] = rows.slice(-2);
    await unsubscribeAddress(ctx.db, late1!.address, topicId);
    await addSuppression(ctx.db, late2!.address, 'complaint', 'plainte reçue par téléphone');
    await lane;
    await sleep(200);
    const counts = countsFor(people.map((p) => p.email));
    expect(counts[late1!.address]).toBe(0);
    expect(counts[late2!.address]).toBe(0);
    expect(Object.values(counts).filter((n) => n === 1)).toHaveLength(6);
    expect(await statusCounts(ctx, id)).toEqual({ sent: 6, skipped: 2 });
    expect(await campaignStatus(id)).toBe('finished');
  });

  it('pause stops between sends and resume sends the rest: nobody twice, nobody forgotten', async () => {
    const topicId = await newTopic(ctx);
    const people = await subscribedPartners(ctx, 10, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Pause et reprise' });
    const w = worker({ NEWSLETTER_RATE_PER_SECOND: 3 });
    const lane = runLane(w, id);
    await smtp.waitFor((m) => m.subject === 'Pause et reprise', 3);
    expect(await changeCampaignStatus(ctx.db, id, 'pause')).toMatchObject({ ok: true, status: 'paused' });
    const stopped = await lane;
    expect(stopped.stoppedBy).toBe('paused');
    await sleep(1500);
    const atPause = smtp.messages.filter((m) => m.subject === 'Pause et reprise').length;
    expect(atPause).toBeLessThan(10);
    expect((await statusCounts(ctx, id)).sending ?? 0).toBe(0);
    expect(await runLane(w, id)).toMatchObject({ sent: 0, stoppedBy: 'paused' }); // a lane of a paused campaign sends nothing
    expect(smtp.messages.filter((m) => m.subject === 'Pause et reprise').length).toBe(atPause);

    expect(await changeCampaignStatus(ctx.db, id, 'resume')).toMatchObject({ ok: true, status: 'sending' });
    await Promise.all([runLane(w, id, 0), runLane(w, id, 1)]);
    await sleep(300);
    expect(countsFor(people.map((p) => p.email))).toEqual(once(people.map((p) => p.email)));
    expect(await campaignStatus(id)).toBe('finished');
  });

  it('retries a temporary refusal later and suppresses an address refused for good', async () => {
    const topicId = await newTopic(ctx);
    const [a, b] = await subscribedPartners(ctx, 2, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Refus' });
    smtp.refuseAll(550);
    await runLane(worker(), id, 0);
    smtp.refuseAll(null);
    const rows = await recipientRows(ctx, id);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    const suppressed = await ctx.db.select().from(newsletterSuppressions).where(sql`${newsletterSuppressions.address} in (${a!.email}, ${b!.email})`);
    expect(suppressed.map((s) => s.reason)).toEqual(['hard_bounce', 'hard_bounce']);
    expect(await campaignStatus(id)).toBe('finished');

    const [c] = await subscribedPartners(ctx, 1, topicId);
    const id2 = await launched(ctx, admin.id, { topicId, subject: 'Refus temporaire' });
    expect((await recipientRows(ctx, id2)).map((r) => r.address)).toEqual([c!.email]); // the bounced ones are not frozen again
    smtp.rejectNext(1);
    await runLane(worker(), id2);
    const [r] = await recipientRows(ctx, id2);
    expect(r).toMatchObject({ status: 'queued', attempts: 1 });
    expect(r!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await campaignStatus(id2)).toBe('sending'); // not finished while a retry is pending
    await ctx.db.update(newsletterRecipients).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(newsletterRecipients.campaignId, id2));
    await runLane(worker(), id2);
    expect((await recipientRows(ctx, id2))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(countsFor([c!.email])).toEqual(once([c!.email]));
  });
});

describe('crash safety', () => {
  it('rows stuck in sending past the lease become « incertain », are counted, never re-sent by themselves, and re-sent on request', async () => {
    const topicId = await newTopic(ctx);
    const people = await subscribedPartners(ctx, 3, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Incertain' });
    // A worker claimed a batch and died before recording it.
    const claim = await claimBatch(ctx.db, id, 2);
    expect(claim!.recipients).toHaveLength(2);
    const w = worker({ NEWSLETTER_LEASE_SECONDS: 2 });
    await runLane(w, id); // sends the third one only
    expect(await statusCounts(ctx, id)).toEqual({ sending: 2, sent: 1 });
    expect(await campaignStatus(id)).toBe('sending'); // not finished while rows are sending
    await sleep(2200);
    expect(await sweepNewsletters({}, w, undefined as never)).toMatchObject({ uncertain: 2 });
    expect(await statusCounts(ctx, id)).toEqual({ uncertain: 2, sent: 1 });
    await sweepNewsletters({}, w, undefined as never);
    expect(await campaignStatus(id)).toBe('finished');
    await runLane(w, id);
    const claimed = new Set(claim!.recipients.map((r) => r.address));
    expect(countsFor(people.map((p) => p.email))).toEqual(Object.fromEntries(people.map((p) => [p.email.toLowerCase(), claimed.has(p.email.toLowerCase()) ? 0 : 1])));

    expect(await changeCampaignStatus(ctx.db, id, 'resendUncertain')).toMatchObject({ ok: true, status: 'sending', requeued: 2 });
    await runLane(w, id);
    await sleep(200);
    expect(countsFor(people.map((p) => p.email))).toEqual(once(people.map((p) => p.email)));
    expect(await campaignStatus(id)).toBe('finished');
  });

  it('a live holder renews its lease (not « incertain »), and its late report corrects rows the sweeper marked « incertain »; a re-send request is final', async () => {
    const topicId = await newTopic(ctx);
    await subscribedPartners(ctx, 3, topicId);
    const id = await launched(ctx, admin.id, { topicId, subject: 'Bail' });
    const claim = await claimBatch(ctx.db, id, 2);
    const w = worker({ NEWSLETTER_LEASE_SECONDS: 2 });
    await sleep(1500);
    await renewClaim(ctx.db, claim!.token);
    await sleep(1000); // 2.5 s after the claim, 1 s after the renewal
    expect(await sweepNewsletters({}, w, undefined as never)).toMatchObject({ uncertain: 0 });
    await sleep(2200); // no renewal: the holder looks dead
    expect(await sweepNewsletters({}, w, undefined as never)).toMatchObject({ uncertain: 2 });
    // The holder was only slow: its report is the truth.
    const [first, second] = claim!.recipients;
    expect(await recordSent(ctx.db, claim!.token, [{ id: first!.id, messageId: '<bail-1@test>' }])).toBe(1);
    expect(await statusCounts(ctx, id)).toMatchObject({ sent: 1, uncertain: 1 });
    // An admin asks to re-send the other one: a report arriving after that changes nothing.
    expect(await changeCampaignStatus(ctx.db, id, 'resendUncertain')).toMatchObject({ ok: true, requeued: 1 });
    expect(await recordSent(ctx.db, claim!.token, [{ id: second!.id, messageId: '<bail-2@test>' }])).toBe(0);
    const row = (await recipientRows(ctx, id)).find((r) => r.id === second!.id);
    expect(row).toMatchObject({ status: 'queued' });
  });

  it('the queue\'s Redis keys deleted mid-campaign: the sweeper re-enqueues the lanes from the table and everyone gets exactly one mail', async () => {
    const topicId = await newTopic(ctx);
    const people = await subscribedPartners(ctx, 30, topicId);
    const c = await draft(ctx, admin.id, { topicId, subject: 'Redis perdu' });
    const fast = { ...ctx.config, NEWSLETTER_RATE_PER_SECOND: 10 };
    const running = await startWorkers({ config: fast, db: ctx.db, redisUrl: TEST_REDIS_URL, log: quiet });
    try {
      expect(await launchCampaign(ctx.db, c.id)).toMatchObject({ ok: true, total: 30 });
      await enqueueEffects(ctx.queues, { campaigns: [c.id] });
      await smtp.waitFor((m) => m.subject === 'Redis perdu', 5);
      // Pause so the lanes stop, lose every key of the queue, then resume in the database only (as if the enqueue had been lost too).
      await changeCampaignStatus(ctx.db, c.id, 'pause');
      for (let i = 0; i < 100 && (await ctx.queues.newsletters.getActiveCount()) > 0; i++) await sleep(100);
      expect(await ctx.queues.newsletters.getActiveCount()).toBe(0);
      const keys = await ctx.redis.keys(`${ctx.config.QUEUE_PREFIX}:newsletters:*`);
      expect(keys.length).toBeGreaterThan(0);
      await ctx.redis.del(...keys);
      await changeCampaignStatus(ctx.db, c.id, 'resume');
      const before = smtp.messages.filter((m) => m.subject === 'Redis perdu').length;
      await sleep(1200);
      expect(smtp.messages.filter((m) => m.subject === 'Redis perdu').length).toBe(before); // nothing runs: the jobs are gone
      const swept = await sweepNewsletters({}, worker(), undefined as never);
      expect(swept).toMatchObject({ requeued: 4 });
      await smtp.waitFor((m) => m.subject === 'Redis perdu', 30, 20_000);
      for (let i = 0; i < 50 && (await campaignStatus(c.id)) !== 'finished'; i++) await sleep(100);
      await sleep(500);
      expect(countsFor(people.map((p) => p.email))).toEqual(once(people.map((p) => p.email)));
      expect(await campaignStatus(c.id)).toBe('finished');
    } finally {
      await running.close();
    }
  }, 40_000);
});
