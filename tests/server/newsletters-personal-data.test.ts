import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newsletterRecipients, newsletterSubscriptions } from '../../db/schema';
import { addSuppression, subscribe } from '../../db/queries/newsletters';
import { accountsPersonalData } from '../../server/services/accounts/personal-data';
import { newslettersPersonalData } from '../../server/services/newsletters/personal-data';
import { erasePersonalData, exportPersonalData, personalDataParts } from '../../server/services/personal-data';
import { createUser, injectAs, type TestUser } from '../helpers/app';
import { testAppOfFile } from '../helpers/file-app';
import { draft, newTopic } from '../helpers/newsletters';

/**
 * RGPD, newsletters part: a consent or a delivery may name the person by
 * their address only (an import before the account existed, a campaign's
 * recipient frozen from an establishment's list). The accounts part runs
 * first and rewrites the account's address, so the newsletters part must
 * match on the address as it was when the erasure began.
 */
const ctx = testAppOfFile();

/** A partner whose address was subscribed (without the account) and mailed once, and another partner subscribed with theirs. */
async function addressOnlyTrail() {
  const admin = await createUser(ctx, 'admin');
  const topicId = await newTopic(ctx);
  const leaving = await createUser(ctx, 'partner', { email: `Depart-${Date.now().toString(36)}@Example.test` });
  const staying = await createUser(ctx, 'partner');
  // Mixed case on purpose: addresses are matched without case, as the sending engine does.
  await subscribe(ctx.db, { topicId, address: leaving.email.toUpperCase(), source: 'import' });
  await subscribe(ctx.db, { topicId, address: staying.email, userId: staying.id, source: 'preferences' });
  const campaign = await draft(ctx, admin.id, { topicId });
  await ctx.db.insert(newsletterRecipients).values([
    { campaignId: campaign.id, address: leaving.email, status: 'sent', sentAt: new Date() },
    { campaignId: campaign.id, address: staying.email, userId: staying.id, status: 'sent', sentAt: new Date() },
  ]);
  return { topicId, campaignId: campaign.id, leaving, staying };
}

const rowsFor = (user: TestUser) => ({
  subscriptions: ctx.db.select().from(newsletterSubscriptions).where(sql`lower(${newsletterSubscriptions.address}) = lower(${user.email})`),
  recipients: ctx.db.select().from(newsletterRecipients).where(sql`lower(${newsletterRecipients.address}) = lower(${user.email})`),
});

describe('newsletters personal data', () => {
  it('erasure removes the consents and delivery addresses tied to the address, though the accounts part has rewritten it first', async () => {
    // The order that made the address unreadable to later parts.
    expect(personalDataParts.indexOf(accountsPersonalData)).toBeLessThan(personalDataParts.indexOf(newslettersPersonalData));
    const t = await addressOnlyTrail();
    expect(await rowsFor(t.leaving).subscriptions).toHaveLength(1);
    expect(await rowsFor(t.leaving).recipients).toHaveLength(1);

    await erasePersonalData(ctx.app, { userId: t.leaving.id, ip: null });

    expect(await rowsFor(t.leaving).subscriptions).toEqual([]);
    expect(await rowsFor(t.leaving).recipients).toEqual([]);
    // The delivery is still counted, without the address.
    const [kept] = await ctx.db.select().from(newsletterRecipients).where(eq(newsletterRecipients.campaignId, t.campaignId)).orderBy(newsletterRecipients.id);
    expect(kept).toMatchObject({ status: 'sent', userId: null, address: expect.stringMatching(/@erased\.invalid$/) });
    // The other partner's consent and delivery are untouched.
    expect(await rowsFor(t.staying).subscriptions).toEqual([expect.objectContaining({ userId: t.staying.id, unsubscribedAt: null })]);
    expect(await rowsFor(t.staying).recipients).toEqual([expect.objectContaining({ userId: t.staying.id, status: 'sent' })]);
  });

  it('the export shows the consents and deliveries held by address only, and whether the address is on the suppression list', async () => {
    const t = await addressOnlyTrail();
    const exported = async (user: TestUser) => {
      const res = await (await injectAs(ctx, user))({ method: 'GET', url: '/api/me/export' });
      expect(res.statusCode, res.body).toBe(200);
      return JSON.parse(res.body).newsletters;
    };
    const before = await exported(t.leaving);
    expect(before).toEqual({
      subscriptions: [expect.objectContaining({ topicId: t.topicId, address: t.leaving.email.toLowerCase(), source: 'import', establishmentId: null, unsubscribedAt: null })],
      deliveries: [expect.objectContaining({ campaignId: t.campaignId, status: 'sent' })],
      suppression: null,
    });
    await addSuppression(ctx.db, t.leaving.email, 'complaint', 'Plainte par téléphone');
    expect((await exported(t.leaving)).suppression).toEqual({ reason: 'complaint', note: 'Plainte par téléphone', since: expect.any(String) });
    // The other partner sees their own rows only.
    expect(await exported(t.staying)).toEqual({
      subscriptions: [expect.objectContaining({ address: t.staying.email, source: 'preferences' })],
      deliveries: [expect.objectContaining({ campaignId: t.campaignId })],
      suppression: null,
    });
    expect(JSON.stringify(await exportPersonalData(ctx.app, { userId: t.staying.id, ip: null }))).not.toContain(t.leaving.email.toLowerCase());
  });

  it('erasure skips the deliveries still queued for the person, by account or by address; what was sent, or is being sent, keeps its status', async () => {
    const t = await addressOnlyTrail();
    const admin = await createUser(ctx, 'admin');
    const next = await draft(ctx, admin.id, { topicId: t.topicId });
    const [byAddress, byAccount, inFlight, othersQueued] = await ctx.db.insert(newsletterRecipients).values([
      { campaignId: next.id, address: t.leaving.email.toLowerCase() },
      { campaignId: t.campaignId, address: `ancienne-${t.leaving.id}@example.test`, userId: t.leaving.id },
      { campaignId: (await draft(ctx, admin.id, { topicId: t.topicId })).id, address: t.leaving.email.toLowerCase(), status: 'sending', claimedAt: new Date() },
      { campaignId: next.id, address: t.staying.email, userId: t.staying.id },
    ]).returning({ id: newsletterRecipients.id });

    await erasePersonalData(ctx.app, { userId: t.leaving.id, ip: null });

    const statusOf = async (id: number) => (await ctx.db.select().from(newsletterRecipients).where(eq(newsletterRecipients.id, id)))[0]!;
    for (const row of [byAddress!, byAccount!]) {
      expect(await statusOf(row.id)).toMatchObject({ status: 'skipped', lastError: 'account erased', userId: null, address: expect.stringMatching(/@erased\.invalid$/) });
    }
    expect(await statusOf(inFlight!.id)).toMatchObject({ status: 'sending', address: expect.stringMatching(/@erased\.invalid$/) });
    expect(await statusOf(othersQueued!.id)).toMatchObject({ status: 'queued', address: t.staying.email, userId: t.staying.id });
    expect(await rowsFor(t.leaving).recipients).toEqual([]);
  });
});
