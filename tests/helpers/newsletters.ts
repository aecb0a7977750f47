import { eq, sql } from 'drizzle-orm';
import { Job } from 'bullmq';
import { newsletterRecipients } from '../../db/schema';
import { createCampaign, launchCampaign, saveTopic, subscribe } from '../../db/queries/newsletters';
import type { Audience } from '../../db/queries/audience';
import type { WorkerContext } from '../../workers/jobs';
import { sendCampaignLane, type LaneResult } from '../../workers/handlers/newsletters/send';
import { createTestApp, createUser, type TestContext } from './app';
import { createWorkerContext } from '../../workers/main';
import { startSmtpCapture } from './smtp';
import { EVERYONE } from './audience';

let n = 0;

/** A topic of its own for a test, so that subscribers of other tests stay out of its campaigns. */
export async function newTopic(ctx: TestContext): Promise<string> {
  const id = `theme-${Date.now().toString(36)}-${n++}`;
  await saveTopic(ctx.db, id, { nameFr: `Thème ${id}`, nameEn: `Topic ${id}`, descriptionFr: '', descriptionEn: '', position: 9, active: true });
  return id;
}
/** `count` partners, each subscribed to the topic with their account. */
export async function subscribedPartners(ctx: TestContext, count: number, topicId = 'lettre-du-reseau') {
  const people = [];
  for (let i = 0; i < count; i++) {
    const u = await createUser(ctx, 'partner', { email: `abonne-${Date.now().toString(36)}-${n++}@example.test` });
    await subscribe(ctx.db, { topicId, address: u.email, userId: u.id, source: 'preferences' });
    people.push(u);
  }
  return people;
}

export async function draft(ctx: TestContext, createdBy: string, values: { topicId?: string; audience?: Audience; subject?: string; bodyHtml?: string } = {}) {
  return createCampaign(ctx.db, {
    subject: values.subject ?? 'Lettre du réseau — novembre', preheader: 'Les nouvelles du mois', sender: ctx.config.MAIL_FROM,
    bodyHtml: values.bodyHtml ?? '<p>Bonjour à tous, voici les nouvelles du réseau.</p>', topicId: values.topicId ?? 'lettre-du-reseau', audience: values.audience ?? EVERYONE,
  }, createdBy);
}

export async function launched(ctx: TestContext, createdBy: string, values: Parameters<typeof draft>[2] = {}) {
  const c = await draft(ctx, createdBy, values);
  const out = await launchCampaign(ctx.db, c.id);
  if (!out.ok) throw new Error(`launch refused: ${out.reason}`);
  return c.id;
}

export const runLane = (w: WorkerContext, campaignId: string, lane = 0) =>
  sendCampaignLane({ campaignId, lane }, w, new Job(w.queues.newsletters, 'newsletters.send', { campaignId, lane })) as Promise<LaneResult>;

export async function recipientRows(ctx: TestContext, campaignId: string) {
  return ctx.db.select().from(newsletterRecipients).where(eq(newsletterRecipients.campaignId, campaignId)).orderBy(newsletterRecipients.id);
}

export async function statusCounts(ctx: TestContext, campaignId: string): Promise<Record<string, number>> {
  const rows = await ctx.db.select({ status: newsletterRecipients.status, n: sql<number>`count(*)::int` }).from(newsletterRecipients)
    .where(eq(newsletterRecipients.campaignId, campaignId)).groupBy(newsletterRecipients.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * The worker tests' setting: a captured SMTP server, an app on it with no
 * rate limit to speak of, an admin, and a worker context (its own SMTP pool).
 */
export async function startNewsletterWorkerEnv(adminValues: Parameters<typeof createUser>[2] = {}) {
  const smtp = await startSmtpCapture();
  const ctx = await createTestApp({ NEWSLETTER_RATE_PER_SECOND: 1000 }, { smtpUrl: smtp.url });
  const admin = await createUser(ctx, 'admin', adminValues);
  const worker = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: { info: () => {}, warn: () => {}, error: () => {} } });
  return {
    smtp, ctx, admin, worker,
    async close() {
      await worker.close();
      await ctx.close();
      await smtp.close();
    },
  };
}
