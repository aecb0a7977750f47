import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, newsletterCampaigns, newsletterSegments, newsletterTopics } from '../../schema';
import { segmentMatches } from '../newsletter-segments/filter';
import type { SegmentFilter } from '../../../common/newsletter-segments';
import { audienceReachesEstablishment, audienceValues, type Audience } from '../audience';
import { firstOrNull, rowsOf } from '../rows';
import { freezeCampaignLinks } from './links';
import type { CampaignStatus, RecipientStatus } from '../../../common/newsletters';

export interface CampaignInput {
  subject: string;
  preheader: string;
  sender: string;
  bodyHtml: string;
  topicId: string;
  audience: Audience;
  /** When set, the recipients are this segment's (the audience is then not read). */
  segmentId?: string | null;
}

const campaignColumns = {
  id: newsletterCampaigns.id, subject: newsletterCampaigns.subject, preheader: newsletterCampaigns.preheader, sender: newsletterCampaigns.sender,
  bodyHtml: newsletterCampaigns.bodyHtml, topicId: newsletterCampaigns.topicId, status: newsletterCampaigns.status, total: newsletterCampaigns.total,
  scheduledAt: newsletterCampaigns.scheduledAt, missedAt: newsletterCampaigns.missedAt, archived: newsletterCampaigns.archived, createdBy: newsletterCampaigns.createdBy, launchedAt: newsletterCampaigns.launchedAt, finishedAt: newsletterCampaigns.finishedAt,
  createdAt: newsletterCampaigns.createdAt, updatedAt: newsletterCampaigns.updatedAt,
  segmentId: newsletterCampaigns.segmentId,
  audienceKind: newsletterCampaigns.audienceKind, audienceCategories: newsletterCampaigns.audienceCategories, audienceSubcategories: newsletterCampaigns.audienceSubcategories,
  audienceCommunes: newsletterCampaigns.audienceCommunes, audienceCommunautes: newsletterCampaigns.audienceCommunautes, audienceOffices: newsletterCampaigns.audienceOffices,
};
export type CampaignRow = Awaited<ReturnType<typeof getCampaign>> & object;

export async function createCampaign(db: Database, input: CampaignInput, createdBy: string) {
  const [row] = await db.insert(newsletterCampaigns).values({
    subject: input.subject, preheader: input.preheader, sender: input.sender, bodyHtml: input.bodyHtml, topicId: input.topicId,
    ...audienceValues(input.audience), createdBy,
    segmentId: input.segmentId ?? null,
  }).returning(campaignColumns);
  return row!;
}

/** Edits a draft; refused once launched (the recipients and the content are frozen). */
export async function updateCampaign(db: Database, id: string, input: CampaignInput): Promise<{ ok: true; campaign: NonNullable<Awaited<ReturnType<typeof getCampaign>>> } | { ok: false; reason: 'notFound' | 'notDraft' }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: newsletterCampaigns.status }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id)).for('update');
    if (!current) return { ok: false, reason: 'notFound' } as const;
    if (current.status !== 'draft') return { ok: false, reason: 'notDraft' } as const;
    const [row] = await tx.update(newsletterCampaigns).set({
      subject: input.subject, preheader: input.preheader, sender: input.sender, bodyHtml: input.bodyHtml, topicId: input.topicId,
      ...audienceValues(input.audience), updatedAt: sql`now()`,
      segmentId: input.segmentId ?? null,
    }).where(eq(newsletterCampaigns.id, id)).returning(campaignColumns);
    return { ok: true, campaign: row! } as const;
  });
}

export async function getCampaign(db: Database, id: string) {
  return firstOrNull(db.select(campaignColumns).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id)));
}

export async function listCampaigns(db: Database, options: { page: number; pageSize: number }) {
  const [items, total] = await Promise.all([
    db.select(campaignColumns).from(newsletterCampaigns).orderBy(desc(newsletterCampaigns.createdAt), desc(newsletterCampaigns.id))
      .limit(options.pageSize).offset((options.page - 1) * options.pageSize),
    db.$count(newsletterCampaigns),
  ]);
  return { items, total };
}

export type Progress = Record<RecipientStatus, number> & { sentLastMinute: number };

/** Counts per recipient status (one index scan per campaign) and the sends of the last minute (the rate shown). */
export async function campaignProgress(db: Database, id: string): Promise<Progress> {
  const rows = rowsOf<{ status: RecipientStatus; n: string | number }>(await db.execute(sql`
    select status::text as status, count(*) as n from newsletter_recipients where campaign_id = ${id} group by status
    union all
    select 'recent', count(*) from newsletter_recipients where campaign_id = ${id} and status = 'sent' and sent_at > now() - interval '1 minute'
  `));
  const p: Progress = { queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, skipped: 0, sentLastMinute: 0 };
  for (const r of rows) {
    if ((r.status as string) === 'recent') p.sentLastMinute = Number(r.n);
    else p[r.status] = Number(r.n);
  }
  return p;
}

/**
 * The recipients of a topic now: active subscriptions to it, each at its
 * effective address (a person's current account address, or an
 * establishment's contact address), of active people and establishments,
 * whose holder `narrowing` keeps (it reads `s`, `u`, `establishments`,
 * `communes`, and whatever `join` adds), minus the suppression list. Several
 * subscriptions of one address count once. Also gives what a sample shows
 * (name, establishment, commune).
 */
export function topicRecipients(topicId: SQL, narrowing: SQL, join: SQL = sql``) {
  return sql`
    select distinct on (lower(a.address)) lower(a.address) as address, a.user_id, a.language, a.name, a.establishment, a.commune
    from (
      select case when s.user_id is null then s.address else u.email end as address, u.id as user_id, coalesce(u.language, 'fr'::language) as language,
        coalesce(u.name, ${establishments.name}) as name, ${establishments.name} as establishment, ${communes.name} as commune
      from newsletter_subscriptions s
      ${join}
      left join users u on u.id = s.user_id
      left join ${establishments} on ${establishments.id} = coalesce(s.establishment_id, u.establishment_id)
      left join ${communes} on ${communes.inseeCode} = ${establishments.communeInsee}
      where s.topic_id = ${topicId} and s.unsubscribed_at is null
        and (s.user_id is null or (u.status = 'active' and u.erased_at is null))
        and (${establishments.id} is null or ${establishments.status} = 'active')
        and ${narrowing}
    ) a
    where not exists (select 1 from newsletter_suppressions x where x.address = lower(a.address))
    order by lower(a.address), a.user_id nulls last
  `;
}

/**
 * The recipients a campaign reaches now: its topic's, narrowed by its segment
 * when it has one (db/queries/newsletter-segments/filter.ts), otherwise by
 * its audience (staff only for staff-only or everyone; an establishment — a
 * partner's, or the one whose contact address it is — through the shared
 * audience rule).
 */
function reachedRecipients(campaignId: string, segment: SegmentFilter | null) {
  const c = newsletterCampaigns;
  const reaches = audienceReachesEstablishment(c, { category: establishments.category, subcategory: establishments.subcategory, commune: establishments.communeInsee, communaute: communes.communauteId });
  const byAudience = sql`case
          when u.role in ('staff', 'admin') then ${c.audienceKind} in ('everyone', 'staff')
          when ${establishments.id} is not null then ${reaches}
          else false end`;
  return topicRecipients(sql`${c.topicId}`, segment ? segmentMatches(segment) : byAudience, sql`join ${c} on ${c.id} = ${campaignId}`);
}

/** The filter of the campaign's segment, or null when it has none (or no campaign: its callers refuse that first). */
async function segmentOfCampaign(db: Database, campaignId: string): Promise<SegmentFilter | null> {
  const [row] = await db.select({ filter: newsletterSegments.filter }).from(newsletterCampaigns)
    .innerJoin(newsletterSegments, eq(newsletterSegments.id, newsletterCampaigns.segmentId)).where(eq(newsletterCampaigns.id, campaignId));
  return row?.filter ?? null;
}

/** How many recipients a launch would freeze now (shown before launching). */
export async function countReachable(db: Database, campaignId: string): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from (${reachedRecipients(campaignId, await segmentOfCampaign(db, campaignId))}) q`));
  return Number(rows[0]?.n ?? 0);
}

export type LaunchResult = { ok: true; total: number } | { ok: false; reason: 'notFound' | 'notLaunchable' | 'noRecipients' };

/**
 * Launch: freezes the recipients into newsletter_recipients and marks the
 * campaign sending, in one transaction (the campaign row locked first, so two
 * launches cannot both freeze). The caller enqueues the batch jobs after
 * commit; if that fails, the sweeper enqueues them from the table.
 */
export async function launchCampaign(db: Database, campaignId: string): Promise<LaunchResult> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ status: newsletterCampaigns.status, bodyHtml: newsletterCampaigns.bodyHtml }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaignId)).for('update');
    if (!c) return { ok: false, reason: 'notFound' } as const;
    if (c.status !== 'draft' && c.status !== 'scheduled') return { ok: false, reason: 'notLaunchable' } as const;
    const segment = await segmentOfCampaign(tx, campaignId);
    const inserted = rowsOf(await tx.execute(sql`
      insert into newsletter_recipients (campaign_id, address, user_id, language)
      select ${campaignId}, q.address, q.user_id, q.language from (${reachedRecipients(campaignId, segment)}) q
      on conflict do nothing
      returning id
    `)).length;
    if (inserted === 0) return { ok: false, reason: 'noRecipients' } as const;
    // The body is frozen from here: its links get their click counters (aggregate, no identity).
    await freezeCampaignLinks(tx, campaignId, c.bodyHtml);
    await tx.update(newsletterCampaigns).set({ status: 'sending', total: inserted, launchedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(newsletterCampaigns.id, campaignId));
    return { ok: true, total: inserted } as const;
  });
}

type Transition = 'pause' | 'resume' | 'cancel' | 'resendUncertain';
const FROM: Record<Transition, readonly CampaignStatus[]> = {
  pause: ['sending'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
  resendUncertain: ['sending', 'paused', 'finished'],
};

export type TransitionResult = { ok: true; status: CampaignStatus; requeued: number } | { ok: false; reason: 'notFound' | 'wrongStatus' | 'nothingUncertain' };

/**
 * Pause, resume, cancel, and the deliberate re-send of « incertain » rows.
 * Batch jobs read the status between batches and before each send, so pause
 * and cancel take effect within one send; cancel skips what was still queued.
 */
export async function changeCampaignStatus(db: Database, campaignId: string, action: Transition): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ status: newsletterCampaigns.status }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaignId)).for('update');
    if (!c) return { ok: false, reason: 'notFound' } as const;
    if (!FROM[action].includes(c.status)) return { ok: false, reason: 'wrongStatus' } as const;
    let status: CampaignStatus = c.status;
    let requeued = 0;
    if (action === 'pause') status = 'paused';
    if (action === 'resume') status = 'sending';
    if (action === 'cancel') {
      status = 'cancelled';
      await tx.execute(sql`update newsletter_recipients set status = 'skipped', last_error = 'campaign cancelled' where campaign_id = ${campaignId} and status = 'queued'`);
    }
    if (action === 'resendUncertain') {
      requeued = rowsOf(await tx.execute(sql`
        update newsletter_recipients set status = 'queued', last_error = 'sent again at an administrator''s request (delivery was unknown)', next_attempt_at = null, claim_token = null
        where campaign_id = ${campaignId} and status = 'uncertain' returning id
      `)).length;
      if (requeued === 0) return { ok: false, reason: 'nothingUncertain' } as const;
      status = c.status === 'paused' ? 'paused' : 'sending';
    }
    await tx.update(newsletterCampaigns).set({ status, updatedAt: sql`now()`, ...(status === 'sending' ? { finishedAt: null } : {}) }).where(eq(newsletterCampaigns.id, campaignId));
    return { ok: true, status, requeued } as const;
  });
}

export async function topicExists(db: Database, topicId: string): Promise<boolean> {
  return (await db.$count(newsletterTopics, eq(newsletterTopics.id, topicId))) > 0;
}
