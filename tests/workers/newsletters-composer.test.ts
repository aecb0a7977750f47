import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { Job } from 'bullmq';
import { simpleParser } from 'mailparser';
import { mailMessages, newsletterCampaigns } from '../../db/schema';
import { createCampaign, subscribe } from '../../db/queries/newsletters';
import { queueMail } from '../../db/queries/mail';
import type { WorkerContext } from '../../workers/jobs';
import { sendMail } from '../../workers/handlers/mail/send';
import { launchScheduledCampaigns } from '../../workers/handlers/newsletters/schedule';
import { NEWSLETTER_SCHEDULE } from '../../common/limits';
import { createEstablishment, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import type { SmtpCapture } from '../helpers/smtp';
import { newTopic, recipientRows, runLane, startNewsletterWorkerEnv, subscribedPartners } from '../helpers/newsletters';
import { EVERYONE } from '../helpers/audience';

/**
 * The composer's rules in the worker, on real PostgreSQL, Redis and SMTP:
 * personal fields filled per recipient and escaped in the mail sent; the
 * test send through the outbox and the mail worker, marked [TEST]; a
 * scheduled campaign launched at its time, and one found too late (the
 * system was down) left waiting for a decision — both decisions tested.
 */
let env: Awaited<ReturnType<typeof startNewsletterWorkerEnv>>;
let smtp: SmtpCapture;
let ctx: TestContext;
let admin: TestUser;
let w: WorkerContext;

beforeAll(async () => {
  env = await startNewsletterWorkerEnv({ name: 'Claire Dupont' });
  ({ smtp, ctx, admin, worker: w } = env);
});
afterAll(async () => env?.close());

const parsedTo = async (address: string, subject: string) => {
  const [m] = await smtp.waitFor((x) => x.subject === subject && x.to.includes(address));
  return simpleParser(m!.raw);
};

async function scheduledDraft(topicId: string, subject: string, minutesAgo: number) {
  const c = await createCampaign(ctx.db, { subject, preheader: '', sender: ctx.config.MAIL_FROM, bodyHtml: '<p>Programmée</p>', topicId, audience: EVERYONE }, admin.id);
  await ctx.db.update(newsletterCampaigns).set({ status: 'scheduled', scheduledAt: sql`now() - make_interval(mins => ${minutesAgo})` }).where(eq(newsletterCampaigns.id, c.id));
  return c.id;
}
const campaign = async (id: string) => (await ctx.db.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id)))[0]!;
const runSchedule = () => launchScheduledCampaigns({}, w, new Job(w.queues.schedule, 'newsletters.schedule', {})) as Promise<{ launched: number; missed: number }>;

describe('personal fields at send time', () => {
  it('fills each recipient\'s first name and establishment, escaped (a name written <script> comes out as text), fallbacks otherwise', async () => {
    const topicId = await newTopic(ctx);
    const camping = await createEstablishment(ctx, { name: 'Camping <Les "Pins"> & Co', communeInsee: '30350' });
    const evil = await createUser(ctx, 'partner', { name: '<script>alert(1)</script> Martin', establishmentId: camping.id, email: `evil-${Date.now()}@example.test` });
    await subscribe(ctx.db, { topicId, address: evil.email, userId: evil.id, source: 'preferences' });
    const contactOnly = `contact-${Date.now()}@example.test`;
    const gite = await createEstablishment(ctx, { name: 'Gîte du Mont Aigoual', email: contactOnly });
    await subscribe(ctx.db, { topicId, address: contactOnly, establishmentId: gite.id, source: 'admin' });

    const subject = 'Lettre personnalisée';
    const c = await createCampaign(ctx.db, {
      subject, preheader: '', sender: ctx.config.MAIL_FROM, topicId, audience: EVERYONE,
      bodyHtml: '<p>Bonjour {{prenom|ami partenaire}}, de {{etablissement|votre établissement}} !</p>',
    }, admin.id);
    const asAdmin = await injectAs(ctx, admin);
    expect((await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/launch` })).statusCode).toBe(200);
    await runLane(w, c.id);

    const mail = await parsedTo(evil.email, subject);
    const html = String(mail.html);
    expect(html).toContain('Bonjour &lt;script&gt;alert(1)&lt;/script&gt;, de Camping &lt;Les &quot;Pins&quot;&gt; &amp; Co !');
    expect(html).not.toMatch(/<script/i);
    expect(mail.text).toContain('Bonjour <script>alert(1)</script>, de Camping <Les "Pins"> & Co !');

    const other = await parsedTo(contactOnly, subject);
    expect(String(other.html)).toContain('Bonjour ami partenaire, de Gîte du Mont Aigoual !');
    expect(String(other.html)).not.toContain('NLFIELD');
  });
});

describe('test send', () => {
  it('goes through the outbox and the mail worker to the author, marked [TEST], with the author\'s fields', async () => {
    const topicId = await newTopic(ctx);
    const c = await createCampaign(ctx.db, { subject: 'Essai de lettre', preheader: '', sender: ctx.config.MAIL_FROM, topicId, audience: EVERYONE, bodyHtml: '<p>Bonjour {{prenom|ami}} !</p>' }, admin.id);
    const asAdmin = await injectAs(ctx, admin);
    expect((await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${c.id}/test` })).statusCode).toBe(202);
    const [row] = await ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(sql`${mailMessages.params}->>'campaignId' = ${c.id}`);
    await sendMail({ messageId: row!.id }, w, new Job(w.queues.mail, 'mail.send', { messageId: row!.id }));
    const mail = await parsedTo(admin.email, '[TEST] Essai de lettre');
    expect(String(mail.html)).toContain('Bonjour Claire !');
    // Run twice, the outbox row is sent once.
    await sendMail({ messageId: row!.id }, w, new Job(w.queues.mail, 'mail.send', { messageId: row!.id }));
    expect(smtp.messages.filter((m) => m.subject === '[TEST] Essai de lettre')).toHaveLength(1);
    // No campaign recipient was frozen by a test.
    expect(await recipientRows(ctx, c.id)).toHaveLength(0);
    // A campaign deleted since: the mail became pointless.
    const gone = await queueMail(ctx.db, { template: 'newsletter-test', userId: admin.id, toAddress: admin.email, language: 'fr', params: { campaignId: '00000000-0000-4000-8000-000000000000' } });
    await sendMail({ messageId: gone! }, w, new Job(w.queues.mail, 'mail.send', { messageId: gone! }));
    const [skipped] = await ctx.db.select({ status: mailMessages.status }).from(mailMessages).where(eq(mailMessages.id, gone!));
    expect(skipped!.status).toBe('skipped');
  });
});

describe('schedule', () => {
  it('launches a campaign whose time just came; run twice, it launches once', async () => {
    const topicId = await newTopic(ctx);
    const people = await subscribedPartners(ctx, 2, topicId);
    const id = await scheduledDraft(topicId, 'Lettre à l’heure', 1);
    const first = await runSchedule();
    expect(first.launched).toBeGreaterThanOrEqual(1);
    expect(await campaign(id)).toMatchObject({ status: 'sending', total: 2, missedAt: null });
    const jobs = await ctx.queues.newsletters.getJobs(['waiting', 'active', 'delayed']);
    expect(jobs.map((j) => j.id)).toContain(`newsletter-${id}-0`);
    await runSchedule();
    expect(await recipientRows(ctx, id)).toHaveLength(2);
    await runLane(w, id);
    for (const p of people) await parsedTo(p.email, 'Lettre à l’heure');
  });

  it('a campaign found long after its time (system down) is not sent but asks; « envoyer maintenant » sends it', async () => {
    const topicId = await newTopic(ctx);
    const [p] = await subscribedPartners(ctx, 1, topicId);
    const id = await scheduledDraft(topicId, 'Lettre en retard, envoyée', NEWSLETTER_SCHEDULE.lateMinutes + 60);
    await runSchedule();
    const missed = await campaign(id);
    expect(missed.status).toBe('scheduled');
    expect(missed.missedAt).not.toBeNull();
    expect(await recipientRows(ctx, id)).toHaveLength(0);
    await runSchedule(); // asked once, never launched by a later pass
    expect((await campaign(id)).status).toBe('scheduled');

    const asAdmin = await injectAs(ctx, admin);
    const page = (await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${id}` })).json();
    expect(page).toMatchObject({ status: 'scheduled', missedAt: expect.any(String) });
    const now = await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${id}/launch` });
    expect(now.json()).toMatchObject({ status: 'sending', total: 1 });
    await runLane(w, id);
    await parsedTo(p!.email, 'Lettre en retard, envoyée');
  });

  it('« reprogrammer » a missed campaign clears the question; it is launched at its new time', async () => {
    const topicId = await newTopic(ctx);
    await subscribedPartners(ctx, 1, topicId);
    const id = await scheduledDraft(topicId, 'Lettre en retard, reprogrammée', NEWSLETTER_SCHEDULE.lateMinutes + 5);
    await runSchedule();
    expect((await campaign(id)).missedAt).not.toBeNull();
    const asAdmin = await injectAs(ctx, admin);
    const at = new Date(Date.now() + 3600_000).toISOString();
    const moved = await asAdmin({ method: 'PUT', url: `/api/newsletters/campaigns/${id}/schedule`, payload: { at } });
    expect(moved.json()).toMatchObject({ status: 'scheduled', scheduledAt: at, missedAt: null });
    await runSchedule();
    expect((await campaign(id)).status).toBe('scheduled'); // not yet its time
    // Its new time comes (moved back to a minute ago, as the clock would).
    await ctx.db.update(newsletterCampaigns).set({ scheduledAt: sql`now() - interval '1 minute'` }).where(eq(newsletterCampaigns.id, id));
    await runSchedule();
    expect(await campaign(id)).toMatchObject({ status: 'sending', total: 1 });
  });
});
