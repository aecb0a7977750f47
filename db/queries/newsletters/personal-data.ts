import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../client';
import { newsletterRecipients, newsletterSubscriptions } from '../../schema';

/** RGPD export: a person's topics with the consent's source and dates, and the newsletters sent to them. */
export async function exportNewsletterData(tx: Tx, userId: string) {
  const subscriptions = await tx.select({
    topicId: newsletterSubscriptions.topicId, address: newsletterSubscriptions.address, source: newsletterSubscriptions.source,
    consentedAt: newsletterSubscriptions.consentedAt, unsubscribedAt: newsletterSubscriptions.unsubscribedAt,
  }).from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, userId));
  const deliveries = await tx.select({ campaignId: newsletterRecipients.campaignId, status: newsletterRecipients.status, sentAt: newsletterRecipients.sentAt })
    .from(newsletterRecipients).where(eq(newsletterRecipients.userId, userId));
  return { subscriptions, deliveries };
}

/** RGPD erasure: the person's subscriptions go; delivery rows keep counts but lose the address. */
export async function eraseNewsletterData(tx: Tx, userId: string): Promise<void> {
  await tx.delete(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, userId));
  await tx.update(newsletterRecipients).set({ address: sql`'erased-' || ${newsletterRecipients.id}::text || '@erased.invalid'`, userId: null })
    .where(eq(newsletterRecipients.userId, userId));
}
