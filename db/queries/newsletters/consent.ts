import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsletterSubscriptions, newsletterSuppressions, newsletterTopics, users } from '../../schema';
import { rowsOf } from '../rows';
import { recordAudit } from '../audit';
import { likePattern } from '../../../common/text';
import type { ConsentSource, SuppressionReason, SuppressionRemovalReason } from '../../../common/newsletters';

const topicColumns = {
  id: newsletterTopics.id, nameFr: newsletterTopics.nameFr, nameEn: newsletterTopics.nameEn, descriptionFr: newsletterTopics.descriptionFr,
  descriptionEn: newsletterTopics.descriptionEn, position: newsletterTopics.position, active: newsletterTopics.active,
};

export async function listTopics(db: Database, options: { activeOnly: boolean }) {
  return db.select(topicColumns).from(newsletterTopics)
    .where(options.activeOnly ? eq(newsletterTopics.active, true) : undefined)
    .orderBy(asc(newsletterTopics.position), asc(newsletterTopics.id));
}

export interface TopicInput { nameFr: string; nameEn: string; descriptionFr: string; descriptionEn: string; position: number; active: boolean }

/** Creates or edits a topic (admins); its id is a slug chosen at creation. */
export async function saveTopic(db: Database, id: string, input: TopicInput) {
  const [row] = await db.insert(newsletterTopics).values({ id, ...input })
    .onConflictDoUpdate({ target: newsletterTopics.id, set: input })
    .returning(topicColumns);
  return row!;
}

/** A signed-in person's topics, each with whether their address is subscribed. */
export async function preferencesOf(db: Database, userId: string) {
  const rows = rowsOf<{ id: string; name_fr: string; name_en: string; description_fr: string; description_en: string; subscribed: boolean }>(await db.execute(sql`
    select t.id, t.name_fr, t.name_en, t.description_fr, t.description_en,
      exists (
        select 1 from newsletter_subscriptions s join users u on u.id = ${userId}
        where s.topic_id = t.id and s.unsubscribed_at is null and (s.user_id = u.id or lower(s.address) = lower(u.email))
      ) as subscribed
    from newsletter_topics t where t.active order by t.position, t.id
  `));
  return rows.map((r) => ({ id: r.id, nameFr: r.name_fr, nameEn: r.name_en, descriptionFr: r.description_fr, descriptionEn: r.description_en, subscribed: r.subscribed }));
}

/**
 * Sets a person's topics: a topic turned on records a consent (source, now)
 * on their account; turned off, every subscription of their address to it is
 * ended (the rows stay as the record of consent and withdrawal).
 */
export async function setPreferences(db: Database, userId: string, choices: { topicId: string; subscribed: boolean }[], source: ConsentSource): Promise<{ ok: true } | { ok: false; reason: 'unknownTopic' }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) return { ok: true } as const;
    const known = new Set((await tx.select({ id: newsletterTopics.id }).from(newsletterTopics)).map((t) => t.id));
    if (choices.some((c) => !known.has(c.topicId))) return { ok: false, reason: 'unknownTopic' } as const;
    for (const c of choices) {
      if (c.subscribed) {
        await tx.execute(sql`
          insert into newsletter_subscriptions (topic_id, address, user_id, source)
          values (${c.topicId}, ${user.email.toLowerCase()}, ${userId}, ${source})
          on conflict (topic_id, lower(address)) do update
            set user_id = excluded.user_id, source = excluded.source, consented_at = now(), unsubscribed_at = null
            where newsletter_subscriptions.unsubscribed_at is not null or newsletter_subscriptions.user_id is distinct from excluded.user_id
        `);
      } else {
        await unsubscribeAddress(tx as unknown as Database, user.email, c.topicId, userId);
      }
    }
    return { ok: true } as const;
  });
}

/**
 * Ends the subscriptions of an address (and of the account it belongs to) to
 * a topic. Idempotent: a second call changes nothing. When the address had no
 * subscription row (it was reached another way), one is written already
 * withdrawn, so the withdrawal is on record and honoured.
 */
export async function unsubscribeAddress(db: Database, address: string, topicId: string, userId: string | null = null): Promise<{ ok: true; changed: number } | { ok: false; reason: 'unknownTopic' }> {
  if (!(await db.$count(newsletterTopics, eq(newsletterTopics.id, topicId)))) return { ok: false, reason: 'unknownTopic' };
  const lower = address.toLowerCase();
  const changed = rowsOf(await db.execute(sql`
    update newsletter_subscriptions s set unsubscribed_at = now()
    where s.topic_id = ${topicId} and s.unsubscribed_at is null
      and (lower(s.address) = ${lower} or s.user_id = ${userId} or s.user_id in (select id from users where lower(email) = ${lower}))
    returning s.id
  `)).length;
  await db.execute(sql`
    insert into newsletter_subscriptions (topic_id, address, user_id, source, unsubscribed_at)
    values (${topicId}, ${lower}, ${userId}, 'preferences', now())
    on conflict (topic_id, lower(address)) do nothing
  `);
  return { ok: true, changed };
}

/** Whether an address is still subscribed to a topic (the confirmation page says so). */
export async function isSubscribed(db: Database, address: string, topicId: string): Promise<boolean> {
  const lower = address.toLowerCase();
  const rows = rowsOf(await db.execute(sql`
    select 1 from newsletter_subscriptions s left join users u on u.id = s.user_id
    where s.topic_id = ${topicId} and s.unsubscribed_at is null and lower(coalesce(u.email, s.address)) = ${lower} limit 1
  `));
  return rows.length > 0;
}

/** Records a consent for an establishment's contact address or a person (admins, imports). */
export async function subscribe(db: Database, input: { topicId: string; address: string; userId?: string | null; establishmentId?: string | null; source: ConsentSource }) {
  await db.insert(newsletterSubscriptions).values({
    topicId: input.topicId, address: input.address.toLowerCase(), userId: input.userId ?? null, establishmentId: input.establishmentId ?? null, source: input.source,
  }).onConflictDoNothing();
}

/** Stable pseudonym of an address for the audit log, which keeps no addresses (erasure keeps audit rows): a removal can be checked against an address given later. */
export function addressDigest(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/** Adds (or re-qualifies) an address on the suppression list, audited when an admin does it. */
export async function addSuppression(db: Database, address: string, reason: SuppressionReason, note: string | null, actorId: string | null = null) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(newsletterSuppressions).values({ address: address.trim().toLowerCase(), reason, note })
      .onConflictDoUpdate({ target: newsletterSuppressions.address, set: { reason, note } })
      .returning();
    if (actorId) await recordAudit(tx, { actorId, action: 'newsletter.suppression.add', targetType: 'newsletter_suppression', targetId: addressDigest(row!.address), details: { reason } });
    return row!;
  });
}

/**
 * Takes an address off the suppression list (admins), with the reason chosen
 * from a closed list, both recorded in the audit log in the same transaction.
 * The address's topic subscriptions are left as they are: removal only lets
 * it be mailed again where it is still subscribed.
 */
export async function removeSuppression(db: Database, address: string, reason: SuppressionRemovalReason, actorId: string): Promise<{ ok: true } | { ok: false; reason: 'suppressionNotFound' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(newsletterSuppressions).where(eq(newsletterSuppressions.address, address.trim().toLowerCase()))
      .returning({ address: newsletterSuppressions.address, reason: newsletterSuppressions.reason });
    if (!row) return { ok: false, reason: 'suppressionNotFound' } as const;
    await recordAudit(tx, { actorId, action: 'newsletter.suppression.remove', targetType: 'newsletter_suppression', targetId: addressDigest(row.address), details: { reason, was: row.reason } });
    return { ok: true } as const;
  });
}

export async function listSuppressions(db: Database, options: { page: number; pageSize: number; q?: string; reason?: SuppressionReason }) {
  const where = and(
    options.q?.trim() ? ilike(newsletterSuppressions.address, likePattern(options.q.toLowerCase())) : undefined,
    options.reason ? eq(newsletterSuppressions.reason, options.reason) : undefined,
  );
  const [items, total] = await Promise.all([
    db.select().from(newsletterSuppressions).where(where).orderBy(desc(newsletterSuppressions.createdAt), asc(newsletterSuppressions.address))
      .limit(options.pageSize).offset((options.page - 1) * options.pageSize),
    db.$count(newsletterSuppressions, where),
  ]);
  return { items, total };
}
