import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { offices, visitContacts, visitRollup, visitThemes } from '../../schema';
import { VISIT_LIMITS } from '../../../common/limits';
import type { VisitMode } from '../../../common/visits';
import { rowsOf } from './shared';

export interface ContactInput {
  id: string;
  officeId: string;
  occurredAt: Date;
  mode: VisitMode;
  partySize: number;
  origin: string;
  language: string;
  themeIds: number[];
}

export type ContactRow = typeof visitContacts.$inferSelect;
type Refused = { ok: false; reason: 'officeNotFound' | 'unknownTheme' };

const correctionOpen = () => gt(visitContacts.createdAt, sql`now() - make_interval(mins => ${VISIT_LIMITS.correctionMinutes})`);

/** The office exists and is active, the themes too (checked in one round trip before a write: no FK can check an array). */
async function checkRefs(db: Database, officeId: string, themeIds: number[]): Promise<Refused | null> {
  const wanted = [...new Set(themeIds)];
  const [row] = await db.select({
    office: sql<number>`(select count(*) from ${offices} where ${offices.id} = ${officeId} and ${offices.active})::int`,
    themes: wanted.length ? sql<number>`(select count(*) from ${visitThemes} where ${inArray(visitThemes.id, wanted)} and ${visitThemes.active})::int` : sql<number>`0`,
  }).from(sql`(select 1) as one`);
  if (!row?.office) return { ok: false, reason: 'officeNotFound' };
  if (row.themes !== wanted.length) return { ok: false, reason: 'unknownTheme' };
  return null;
}

/**
 * Records a contact under the id the browser generated, in one round trip:
 * the insert itself checks that the office and the themes are active (no FK
 * can check an array), so the counter's busy path is that one statement (the
 * reasons are read only when it stored nothing). Sending it again (an
 * offline queue retried after a lost answer) stores nothing more: `created`
 * is false and the stored row is returned.
 */
export async function recordContact(db: Database, input: ContactInput, userId: string): Promise<{ ok: true; created: boolean; row: ContactRow } | Refused> {
  const themeIds = [...new Set(input.themeIds)];
  const themes = `{${themeIds.join(',')}}`;
  const [inserted] = await rowsOf<RawContact>(db, sql`
    insert into visit_contacts (id, office_id, occurred_at, mode, party_size, origin, language, theme_ids, created_by)
    select ${input.id}::uuid, ${input.officeId}, ${input.occurredAt.toISOString()}::timestamptz, ${input.mode}::visit_mode, ${input.partySize},
      ${input.origin}, ${input.language}, ${themes}::integer[], ${userId}::uuid
    where exists (select 1 from offices where id = ${input.officeId} and active)
      and (select count(*) from visit_themes where id = any(${themes}::integer[]) and active) = ${themeIds.length}
    on conflict (id) do nothing
    returning ${RETURNING}`);
  if (inserted) return { ok: true, created: true, row: fromRaw(inserted) };
  const [existing] = await db.select().from(visitContacts).where(eq(visitContacts.id, input.id));
  if (existing) return { ok: true, created: false, row: existing };
  return (await checkRefs(db, input.officeId, input.themeIds)) ?? { ok: false, reason: 'officeNotFound' };
}

/** A contact as the raw insert returns it (timestamps as text on the postgres.js driver, Date on PGlite). */
type RawContact = Omit<ContactRow, 'occurredAt' | 'createdAt' | 'updatedAt'> & { occurredAt: string | Date; createdAt: string | Date; updatedAt: string | Date };
const RETURNING = sql.raw(`id, office_id as "officeId", occurred_at as "occurredAt", month::text as month, mode, party_size as "partySize", origin, language,
  theme_ids as "themeIds", created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"`);
const fromRaw = (r: RawContact): ContactRow => ({ ...r, occurredAt: new Date(r.occurredAt), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });

/** The caller's contacts still open to correction, newest first. */
export async function recentContacts(db: Database, userId: string): Promise<ContactRow[]> {
  return db.select().from(visitContacts).where(and(eq(visitContacts.createdBy, userId), correctionOpen())).orderBy(desc(visitContacts.createdAt)).limit(50);
}

type Correction = Partial<Omit<ContactInput, 'id' | 'officeId' | 'occurredAt'>>;
export type CorrectionOutcome = { ok: true; row: ContactRow } | Refused | { ok: false; reason: 'contactNotFound' | 'correctionClosed' };

/** Why a contact cannot be corrected by this user now, read under the row's lock. */
async function lockOwn(tx: Database, id: string, userId: string): Promise<{ ok: false; reason: 'contactNotFound' | 'correctionClosed' } | null> {
  const [row] = await tx
    .select({ createdBy: visitContacts.createdBy, open: sql<boolean>`${visitContacts.createdAt} > now() - make_interval(mins => ${VISIT_LIMITS.correctionMinutes})` })
    .from(visitContacts).where(eq(visitContacts.id, id)).for('update');
  if (!row || row.createdBy !== userId) return { ok: false, reason: 'contactNotFound' };
  if (!row.open) return { ok: false, reason: 'correctionClosed' };
  return null;
}

/** Corrects one's own contact within VISIT_LIMITS.correctionMinutes of recording it. */
export async function correctContact(db: Database, id: string, userId: string, change: Correction): Promise<CorrectionOutcome> {
  return db.transaction(async (tx) => {
    const refused = await lockOwn(tx as unknown as Database, id, userId);
    if (refused) return refused;
    if (change.themeIds) {
      const [cur] = await tx.select({ officeId: visitContacts.officeId }).from(visitContacts).where(eq(visitContacts.id, id));
      const bad = await checkRefs(tx as unknown as Database, cur!.officeId, change.themeIds);
      if (bad) return bad;
    }
    const values = { ...change, ...(change.themeIds ? { themeIds: [...new Set(change.themeIds)] } : {}), updatedAt: new Date() };
    const [row] = await tx.update(visitContacts).set(values).where(eq(visitContacts.id, id)).returning();
    return { ok: true as const, row: row! };
  });
}

/** Removes one's own contact (undo) within the correction window. */
export async function removeContact(db: Database, id: string, userId: string): Promise<{ ok: true } | { ok: false; reason: 'contactNotFound' | 'correctionClosed' }> {
  return db.transaction(async (tx) => {
    const refused = await lockOwn(tx as unknown as Database, id, userId);
    if (refused) return refused;
    await tx.delete(visitContacts).where(eq(visitContacts.id, id));
    return { ok: true as const };
  });
}

/** The office's most frequent origins over the last VISIT_LIMITS.frequentOriginsDays, read from the rollup. */
export async function frequentOrigins(db: Database, officeId: string): Promise<string[]> {
  const rows = await db
    .select({ value: visitRollup.value })
    .from(visitRollup)
    .where(and(
      eq(visitRollup.dimension, 'origin'), eq(visitRollup.officeId, officeId),
      sql`${visitRollup.month} >= date_trunc('month', now() - make_interval(days => ${VISIT_LIMITS.frequentOriginsDays}))::date`,
    ))
    .groupBy(visitRollup.value)
    .orderBy(desc(sql`sum(${visitRollup.contacts})`), visitRollup.value)
    .limit(VISIT_LIMITS.frequentOrigins);
  return rows.map((r) => r.value);
}
