import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { establishments, newsletterCampaigns, newsletterImages, newsletterTopics, users } from '../../schema';
import { audienceVisible, type AudienceViewer } from '../audience';
import { getCampaign, launchCampaign } from './campaigns';
import { firstOrNull } from '../rows';

/**
 * The composer's writes and reads beside the sending engine: images, a copy of
 * a campaign, its schedule (and the worker's launch of due ones), the web
 * archive.
 */

export async function insertImage(db: Database, image: { token: string; storageKey: string; contentType: string; alt: string; width: number; height: number; createdBy: string }) {
  const [row] = await db.insert(newsletterImages).values(image).returning({ token: newsletterImages.token });
  return row!;
}

export async function imageByToken(db: Database, token: string) {
  return firstOrNull(db.select({ storageKey: newsletterImages.storageKey, contentType: newsletterImages.contentType })
    .from(newsletterImages).where(eq(newsletterImages.token, token)));
}

/** A new draft with the content, topic and audience of another campaign (whatever its state); the subject marked as a copy by the caller. */
export async function duplicateCampaign(db: Database, id: string, subject: string, createdBy: string): Promise<{ ok: true; id: string } | { ok: false; reason: 'notFound' }> {
  const source = await getCampaign(db, id);
  if (!source) return { ok: false, reason: 'notFound' };
  const c = newsletterCampaigns;
  const [row] = await db.insert(c).values({
    subject, preheader: source.preheader, sender: source.sender, bodyHtml: source.bodyHtml, topicId: source.topicId,
    audienceKind: source.audienceKind, audienceCategories: source.audienceCategories, audienceSubcategories: source.audienceSubcategories,
    audienceCommunes: source.audienceCommunes, audienceCommunautes: source.audienceCommunautes, audienceOffices: source.audienceOffices,
    segmentId: source.segmentId, createdBy,
  }).returning({ id: c.id });
  return { ok: true, id: row!.id };
}

export type ScheduleResult = { ok: true } | { ok: false; reason: 'notFound' | 'notDraft' };

/**
 * Schedules a draft (or moves a scheduled campaign, « reprogrammer » after a
 * missed time included: the missed mark is cleared), or, with `at` null,
 * takes it back to a draft. The row is locked first.
 */
export async function scheduleCampaign(db: Database, id: string, at: Date | null): Promise<ScheduleResult> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ status: newsletterCampaigns.status }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id)).for('update');
    if (!c) return { ok: false, reason: 'notFound' } as const;
    if (c.status !== 'draft' && c.status !== 'scheduled') return { ok: false, reason: 'notDraft' } as const;
    await tx.update(newsletterCampaigns).set({ status: at ? 'scheduled' : 'draft', scheduledAt: at, missedAt: null, updatedAt: sql`now()` })
      .where(eq(newsletterCampaigns.id, id));
    return { ok: true } as const;
  });
}

/**
 * The worker's pass over scheduled campaigns whose time came: launched when
 * found within `lateMinutes` of their time; later than that (the system was
 * down at their time) they are NOT sent but marked missed, and an admin
 * decides (send now, or reschedule). Each campaign is decided under its row
 * lock (launchCampaign locks it; the missed mark is one conditional update),
 * so two workers act once.
 */
export async function launchDueCampaigns(db: Database, lateMinutes: number): Promise<{ launched: string[]; missed: string[]; empty: string[] }> {
  const c = newsletterCampaigns;
  const due = await db.select({ id: c.id, late: sql<boolean>`${c.scheduledAt} < now() - make_interval(mins => ${lateMinutes})` })
    .from(c).where(and(eq(c.status, 'scheduled'), isNull(c.missedAt), lte(c.scheduledAt, sql`now()`)));
  const out = { launched: [] as string[], missed: [] as string[], empty: [] as string[] };
  for (const d of due) {
    if (d.late) {
      const marked = await db.update(c).set({ missedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(c.id, d.id), eq(c.status, 'scheduled'), isNull(c.missedAt))).returning({ id: c.id });
      if (marked.length) out.missed.push(d.id);
      continue;
    }
    const launched = await launchCampaign(db, d.id);
    if (launched.ok) out.launched.push(d.id);
    else if (launched.reason === 'noRecipients') {
      // Nobody to mail at its time: asked like a missed one rather than retried every minute.
      await db.update(c).set({ missedAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(c.id, d.id), eq(c.status, 'scheduled')));
      out.empty.push(d.id);
    }
  }
  return out;
}

export type ArchiveResult = { ok: true } | { ok: false; reason: 'notFound' | 'notFinished' };

/** Shows a finished campaign in the partners' web archive, or withdraws it. */
export async function setArchived(db: Database, id: string, archived: boolean): Promise<ArchiveResult> {
  const c = newsletterCampaigns;
  const [row] = await db.update(c).set({ archived, updatedAt: sql`now()` }).where(and(eq(c.id, id), eq(c.status, 'finished'))).returning({ id: c.id });
  if (row) return { ok: true };
  return (await getCampaign(db, id)) ? { ok: false, reason: 'notFinished' } : { ok: false, reason: 'notFound' };
}

const archiveColumns = {
  id: newsletterCampaigns.id, subject: newsletterCampaigns.subject, preheader: newsletterCampaigns.preheader, finishedAt: newsletterCampaigns.finishedAt,
  topicNameFr: newsletterTopics.nameFr, topicNameEn: newsletterTopics.nameEn,
};

/** Finished campaigns flagged for the archive whose audience the viewer is in (the shared audience rule), the latest first. */
export async function listArchive(db: Database, viewer: AudienceViewer, options: { page: number; pageSize: number }) {
  const c = newsletterCampaigns;
  const where = and(eq(c.status, 'finished'), eq(c.archived, true), audienceVisible(c, viewer));
  const [items, total] = await Promise.all([
    db.select(archiveColumns).from(c).innerJoin(newsletterTopics, eq(newsletterTopics.id, c.topicId)).where(where)
      .orderBy(desc(c.finishedAt), desc(c.id)).limit(options.pageSize).offset((options.page - 1) * options.pageSize),
    db.$count(c, where),
  ]);
  return { items, total };
}

export async function getArchived(db: Database, viewer: AudienceViewer, id: string) {
  const c = newsletterCampaigns;
  return firstOrNull(db.select({ ...archiveColumns, bodyHtml: c.bodyHtml }).from(c).innerJoin(newsletterTopics, eq(newsletterTopics.id, c.topicId))
    .where(and(eq(c.id, id), eq(c.status, 'finished'), eq(c.archived, true), audienceVisible(c, viewer))));
}

/** What the composer's preview, checks and test send need besides the campaign: its topic's names, the author's name and establishment. */
export async function topicNames(db: Database, topicId: string) {
  const [row] = await db.select({ fr: newsletterTopics.nameFr, en: newsletterTopics.nameEn }).from(newsletterTopics).where(eq(newsletterTopics.id, topicId));
  return row ?? { fr: topicId, en: topicId };
}

/** A person's values for the personal fields (the author's own, for the preview and the test send). */
export async function fieldsOfUser(db: Database, userId: string) {
  return firstOrNull(db.select({ name: users.name, email: users.email, language: users.language, establishment: establishments.name })
    .from(users).leftJoin(establishments, eq(establishments.id, users.establishmentId)).where(eq(users.id, userId)));
}
