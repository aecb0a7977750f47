import { and, eq, isNull, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Tx } from '../../client';
import { newsletterRecipients, newsletterSubscriptions, newsletterSuppressions } from '../../schema';

/**
 * A person's rows are those of their account and those of their address alone
 * (an import before the account existed, a recipient frozen from a list):
 * addresses are matched without case, as the sending engine does.
 */
const sameAddress = (column: AnyColumn, email: string) => sql`lower(${column}) = ${email.toLowerCase()}`;
const theirDeliveries = (userId: string, email: string) =>
  or(eq(newsletterRecipients.userId, userId), and(isNull(newsletterRecipients.userId), sameAddress(newsletterRecipients.address, email)));

/**
 * RGPD export: a person's topics with the consent's source and dates (an
 * establishment's consent for the same address included: it names it), the
 * newsletters sent or to send to them, and whether their address is on the
 * suppression list (never mailed), why and since when.
 */
export async function exportNewsletterData(tx: Tx, userId: string, email: string) {
  const subscriptions = await tx.select({
    topicId: newsletterSubscriptions.topicId, address: newsletterSubscriptions.address, source: newsletterSubscriptions.source,
    establishmentId: newsletterSubscriptions.establishmentId, consentedAt: newsletterSubscriptions.consentedAt, unsubscribedAt: newsletterSubscriptions.unsubscribedAt,
  }).from(newsletterSubscriptions)
    .where(or(eq(newsletterSubscriptions.userId, userId), sameAddress(newsletterSubscriptions.address, email)))
    .orderBy(newsletterSubscriptions.consentedAt, newsletterSubscriptions.id);
  const deliveries = await tx.select({ campaignId: newsletterRecipients.campaignId, status: newsletterRecipients.status, sentAt: newsletterRecipients.sentAt })
    .from(newsletterRecipients).where(theirDeliveries(userId, email)).orderBy(newsletterRecipients.id);
  const [suppression] = await tx.select({ reason: newsletterSuppressions.reason, note: newsletterSuppressions.note, since: newsletterSuppressions.createdAt })
    .from(newsletterSuppressions).where(eq(newsletterSuppressions.address, email.toLowerCase()));
  return { subscriptions, deliveries, suppression: suppression ?? null };
}

/**
 * RGPD erasure: the person's subscriptions go, those of their account and
 * those of their address alone; a consent naming an establishment stays: it
 * is the establishment's contact address, which the establishment keeps.
 * Deliveries still queued are skipped (the address is about to be
 * anonymised: it must not be mailed); every delivery row keeps its count but
 * loses the address. The suppression list keeps the address: it is the
 * record that it must never be mailed again, should it come back in an
 * import. `email` is the address before the accounts part rewrote it.
 */
export async function eraseNewsletterData(tx: Tx, userId: string, email: string): Promise<void> {
  await tx.delete(newsletterSubscriptions).where(or(
    eq(newsletterSubscriptions.userId, userId),
    and(isNull(newsletterSubscriptions.userId), isNull(newsletterSubscriptions.establishmentId), sameAddress(newsletterSubscriptions.address, email)),
  ));
  await tx.update(newsletterRecipients).set({ status: 'skipped', lastError: 'account erased' })
    .where(and(theirDeliveries(userId, email), eq(newsletterRecipients.status, 'queued')));
  await tx.update(newsletterRecipients).set({ address: sql`'erased-' || ${newsletterRecipients.id}::text || '@erased.invalid'`, userId: null })
    .where(theirDeliveries(userId, email));
}
