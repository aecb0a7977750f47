import { beforeAll, describe, expect, it } from 'vitest';
import { Job } from 'bullmq';
import { simpleParser } from 'mailparser';
import { and, eq, like } from 'drizzle-orm';
import { mailMessages, newsPreferences } from '../../db/schema';
import { fanOutImportant } from '../../db/queries/news/mail';
import { sendNewsDigest } from '../../workers/handlers/news';
import { sendMail } from '../../workers/handlers/mail/send';
import { postThroughApi } from '../helpers/news-participation';
import { createEstablishment, createUser, type TestUser } from '../helpers/app';
import { useWorkerApp } from '../helpers/worker-app';
import { CAMPSITES } from '../helpers/audience';

/**
 * News mail rules, through the real outbox and an SMTP capture: the weekly
 * digest applies the audience (a restaurant partner's digest does not list a
 * campsites-only post, a campsite partner's does), and the important-post
 * mail honours each person's quiet period (digest only), including one that
 * wraps over the new year.
 */

const app = useWorkerApp({ info: () => {}, warn: () => {}, error: console.error }, { smtp: true });
let staff: TestUser;

beforeAll(async () => {
  staff = await createUser(app.ctx, 'staff');
});

const post = (body: Record<string, unknown>) => postThroughApi(app.ctx, staff, body);

/** Sends the queued mail through the real worker handler and returns its text as received by the SMTP capture. */
async function deliveredText(userId: string, template: string): Promise<string> {
  const [message] = await app.ctx.db.select({ id: mailMessages.id, to: mailMessages.toAddress }).from(mailMessages)
    .where(and(eq(mailMessages.userId, userId), eq(mailMessages.template, template)));
  expect(message, `${template} queued for ${userId}`).toBeDefined();
  await sendMail({ messageId: message!.id }, app.wctx, new Job(app.ctx.queues.mail, 'mail.send', { messageId: message!.id }));
  const [raw] = await app.smtp.waitFor((m) => m.to.includes(message!.to), 1);
  return (await simpleParser(raw!.raw)).text ?? '';
}

describe('news mail rules', () => {
  it('the weekly digest applies the audience: a campsites-only post is in the campsite partner’s digest, not the restaurant partner’s', async () => {
    const camping = await createEstablishment(app.ctx, { name: 'Camping de la Rivière', category: 'hebergement', subcategory: 'camping' });
    const restaurant = await createEstablishment(app.ctx, { name: 'Restaurant de la Place', category: 'restauration', subcategory: 'restaurant' });
    const camper = await createUser(app.ctx, 'partner', { establishmentId: camping.id });
    const cook = await createUser(app.ctx, 'partner', { establishmentId: restaurant.id });
    await app.ctx.db.insert(newsPreferences).values([{ userId: camper.id, frequency: 'weekly' }, { userId: cook.id, frequency: 'weekly' }]);
    await post({ title: 'Ouverture des aires de camping-car', audience: CAMPSITES });
    await post({ title: 'Fête de l’oignon doux' });

    await sendNewsDigest({}, app.wctx, undefined as never);
    const camperText = await deliveredText(camper.id, 'news-digest');
    expect(camperText).toContain('Ouverture des aires de camping-car');
    expect(camperText).toContain('Fête de l’oignon doux');
    const cookText = await deliveredText(cook.id, 'news-digest');
    expect(cookText).toContain('Fête de l’oignon doux');
    expect(cookText).not.toContain('camping-car');
  });

  it('an important post is not mailed at once to someone in their quiet period (it waits for the digest); outside it, it is', async () => {
    const e = await createEstablishment(app.ctx, { name: 'Gîte des Châtaigniers', category: 'hebergement', subcategory: 'gite' });
    const summer = await createUser(app.ctx, 'partner', { establishmentId: e.id }); // quiet July–August
    const winter = await createUser(app.ctx, 'partner', { establishmentId: e.id }); // quiet November–February (wraps over the new year)
    const always = await createUser(app.ctx, 'partner', { establishmentId: e.id }); // no quiet period
    await app.ctx.db.insert(newsPreferences).values([
      { userId: summer.id, frequency: 'immediate', quietFromMonth: 7, quietToMonth: 8 },
      { userId: winter.id, frequency: 'immediate', quietFromMonth: 11, quietToMonth: 2 },
      { userId: always.id, frequency: 'immediate' },
    ]);
    const mailedTo = async (postId: string, at: Date) => {
      await fanOutImportant(app.ctx.db, postId, at);
      const rows = await app.ctx.db.select({ userId: mailMessages.userId }).from(mailMessages).where(like(mailMessages.dedupeKey, `news-important:${postId}:%`));
      return rows.map((r) => r.userId);
    };
    // Mid-July in Paris: the summer-quiet person gets nothing at once.
    const july = await mailedTo(await post({ title: 'Important : contrôle des meublés', important: true }), new Date('2026-07-15T10:00:00Z'));
    expect(july).toEqual(expect.arrayContaining([winter.id, always.id]));
    expect(july).not.toContain(summer.id);
    // 1 January 00:30 in Paris (still 31 December in UTC): the winter-quiet person gets nothing at once.
    const newYear = await mailedTo(await post({ title: 'Important : nouvelle grille de taxe de séjour', important: true }), new Date('2025-12-31T23:30:00Z'));
    expect(newYear).toEqual(expect.arrayContaining([summer.id, always.id]));
    expect(newYear).not.toContain(winter.id);
    // Both posts, unread, are in the quiet people's digest instead.
    await sendNewsDigest({}, app.wctx, undefined as never);
    expect(await deliveredText(summer.id, 'news-digest')).toContain('contrôle des meublés');
    expect(await deliveredText(winter.id, 'news-digest')).toContain('nouvelle grille de taxe de séjour');
  });
});
