import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsletterLinks } from '../../schema';
import { bodyLinks } from '../../../common/newsletter-links';
import { randomToken } from '../../../common/link-tokens';
import { rowsOf } from '../rows';

/**
 * Aggregate counts of a campaign (CNIL: privacy by default): clicks per link
 * and unsubscriptions, never who. See common/newsletter-links.ts.
 */

/** Freezes the links of the campaign's body with their tokens (at launch, in the launch's transaction). */
export async function freezeCampaignLinks(db: Database, campaignId: string, bodyHtml: string): Promise<number> {
  const urls = bodyLinks(bodyHtml);
  if (!urls.length) return 0;
  const rows = await db.insert(newsletterLinks)
    .values(urls.map((url, position) => ({ campaignId, url, position, token: randomToken(16) })))
    .onConflictDoNothing().returning({ id: newsletterLinks.id });
  return rows.length;
}

/** The campaign's frozen links, URL → token: what the sending job rewrites the body with (read once per job). */
export async function campaignLinkTokens(db: Database, campaignId: string): Promise<Map<string, string>> {
  const rows = await db.select({ url: newsletterLinks.url, token: newsletterLinks.token }).from(newsletterLinks).where(eq(newsletterLinks.campaignId, campaignId));
  return new Map(rows.map((r) => [r.url, r.token]));
}

/** One click: the count goes up by one, and the stored URL is where the person goes (null: unknown token). */
export async function countLinkClick(db: Database, token: string): Promise<string | null> {
  const [row] = await db.update(newsletterLinks).set({ clicks: sql`${newsletterLinks.clicks} + 1` }).where(eq(newsletterLinks.token, token)).returning({ url: newsletterLinks.url });
  return row?.url ?? null;
}

/** Clicks per link of a campaign, in the body's order. */
export async function campaignLinkClicks(db: Database, campaignId: string): Promise<{ url: string; clicks: number }[]> {
  return db.select({ url: newsletterLinks.url, clicks: newsletterLinks.clicks }).from(newsletterLinks)
    .where(eq(newsletterLinks.campaignId, campaignId)).orderBy(asc(newsletterLinks.position));
}

/**
 * Unsubscriptions from the campaign's topic since its launch (null before
 * launch). The unsubscribe link carries the address and the topic, not the
 * campaign, so this is the topic's count since launch — which the page says.
 */
export async function unsubscribedSinceLaunch(db: Database, campaignId: string): Promise<number | null> {
  const rows = rowsOf<{ n: string | number | null }>(await db.execute(sql`
    select (select count(*) from newsletter_subscriptions s where s.topic_id = c.topic_id and s.unsubscribed_at >= c.launched_at) as n
    from newsletter_campaigns c where c.id = ${campaignId} and c.launched_at is not null
  `));
  return rows[0] ? Number(rows[0].n) : null;
}
