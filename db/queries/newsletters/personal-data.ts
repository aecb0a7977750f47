import { and, eq, isNull, or, sql } from 'drizzle-orm';
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

/**
 * RGPD erasure: the person's subscriptions go, those of their account and
 * those of their address alone (an import before the account existed); a
 * consent naming an establishment stays: it is the establishment's contact
 * address, which the establishment keeps. Delivery rows keep counts but lose
 * the address. `email` is the address before the accounts part rewrote it.
 */
export async function eraseNewsletterData(tx: Tx, userId: string, email: string): Promise<void> {
  const address = email.toLowerCase();
  await tx.delete(newsletterSubscriptions).where(or(
    eq(newsletterSubscriptions.userId, userId),
    and(isNull(newsletterSubscriptions.userId), isNull(newsletterSubscriptions.establishmentId), sql`lower(${newsletterSubscriptions.address}) = ${address}`),
  ));
  await tx.update(newsletterRecipients).set({ address: sql`'erased-' || ${newsletterRecipients.id}::text || '@erased.invalid'`, userId: null })
    .where(or(eq(newsletterRecipients.userId, userId), and(isNull(newsletterRecipients.userId), sql`lower(${newsletterRecipients.address}) = ${address}`)));
}
