import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { rowsOf } from '../rows';
import { NEWSLETTER_SENDING } from '../../../common/limits';

/**
 * The sending engine's SQL. The position of a campaign is the status of its
 * recipient rows, never a cursor: listmonk advanced its cursor when it
 * FETCHED a batch, so a crash skipped every fetched-but-unsent subscriber and
 * the campaign was then marked finished (its issues #2278, #3022). Here a row
 * is `sending` only while one job holds its claim (token + time: a lease),
 * and a campaign is finished only when no row is queued or sending.
 */

export interface ClaimedRecipient {
  id: number;
  address: string;
  userId: string | null;
  language: 'fr' | 'en';
  /** For the personal fields: the account's name, and its establishment's (or the establishment whose contact address it is). */
  name: string | null;
  establishment: string | null;
}

export interface ClaimedBatch {
  token: string;
  recipients: ClaimedRecipient[];
  /** Rows of the batch skipped at claim time (unsubscribed or suppressed since launch). */
  skipped: number;
}

/**
 * Claims up to `size` due recipients of a campaign that is `sending`, in one
 * statement: rows are picked with FOR UPDATE SKIP LOCKED (two jobs never get
 * the same row), rows whose address was unsubscribed from the topic or
 * suppressed since launch become `skipped`, the others `sending` with this
 * claim's token and time. Returns null when the campaign is not sending.
 */
export async function claimBatch(db: Database, campaignId: string, size: number): Promise<ClaimedBatch | null> {
  const token = randomUUID();
  const result = await db.execute(sql`
    with c as (
      select id, topic_id from newsletter_campaigns where id = ${campaignId} and status = 'sending'
    ),
    picked as (
      select r.id, r.address, r.user_id from newsletter_recipients r
      where r.campaign_id = (select id from c) and r.status = 'queued' and (r.next_attempt_at is null or r.next_attempt_at <= now())
      order by r.id
      limit ${size}
      for update skip locked
    ),
    blocked as (
      select p.id from picked p
      where exists (select 1 from newsletter_suppressions x where x.address = lower(p.address))
         or exists (
           select 1 from newsletter_subscriptions s
           where s.topic_id = (select topic_id from c) and s.unsubscribed_at is not null
             and (lower(s.address) = lower(p.address) or s.user_id = p.user_id)
         )
    ),
    skipped as (
      update newsletter_recipients r set status = 'skipped', last_error = 'unsubscribed or suppressed before sending'
      from blocked b where r.id = b.id
      returning r.id
    ),
    claimed as (
      update newsletter_recipients r
      set status = 'sending', claim_token = ${token}, claimed_at = now(), attempts = r.attempts + 1
      from picked p
      where r.id = p.id and p.id not in (select id from blocked)
      returning r.id, r.address, r.user_id, r.language
    )
    select 'c' as k, cl.id, cl.address, cl.user_id, cl.language::text as language, u.name,
      coalesce(ue.name, (select e.name from establishments e where lower(e.email) = lower(cl.address) order by e.id limit 1)) as establishment
    from claimed cl left join users u on u.id = cl.user_id left join establishments ue on ue.id = u.establishment_id
    union all select 's', id, null, null, null, null, null from skipped
    union all select 'x', null, null, null, null, null, null where not exists (select 1 from c)
  `);
  const rows = rowsOf<{ k: string; id: string | number | null; address: string | null; user_id: string | null; language: 'fr' | 'en' | null; name: string | null; establishment: string | null }>(result);
  if (rows.some((r) => r.k === 'x')) return null;
  return {
    token,
    recipients: rows.filter((r) => r.k === 'c').map((r) => ({ id: Number(r.id), address: r.address!, userId: r.user_id, language: r.language ?? 'fr', name: r.name, establishment: r.establishment })),
    skipped: rows.filter((r) => r.k === 's').length,
  };
}

/** The campaign's status, read before each send (cheap: primary key). */
export async function campaignStatusOf(db: Database, campaignId: string): Promise<string | null> {
  const rows = rowsOf<{ status: string }>(await db.execute(sql`select status::text as status from newsletter_campaigns where id = ${campaignId}`));
  return rows[0]?.status ?? null;
}

/**
 * A claim's rows still held are `sending`, or `uncertain` when the sweeper
 * found the lease over while the holder was in fact alive (a batch slowed by
 * a loaded machine past a missed renewal): the holder's own report is then
 * the truth and wins. A re-send requested by an admin clears the token, so a
 * late report never touches rows queued again.
 */
const HELD = sql.raw(`status in ('sending', 'uncertain')`);

/**
 * Renews a claim's lease while its batch is being sent (the job calls it
 * every third of the lease): the sweeper marks « incertain » only the rows of
 * a holder that stopped renewing, i.e. died or lost the database.
 */
export async function renewClaim(db: Database, token: string): Promise<void> {
  await db.execute(sql`update newsletter_recipients set claimed_at = now() where claim_token = ${token} and status = 'sending'`);
}

/** Records the sent ones of a claim, in one statement; only rows still held by this claim change. */
export async function recordSent(db: Database, token: string, sent: { id: number; messageId: string }[]): Promise<number> {
  if (!sent.length) return 0;
  const result = await db.execute(sql`
    update newsletter_recipients r set status = 'sent', sent_at = now(), message_id = v.mid, last_error = null, claim_token = null
    from unnest(${`{${sent.map((s) => s.id).join(',')}}`}::bigint[], ${pgTextArray(sent.map((s) => s.messageId))}::text[]) as v(id, mid)
    where r.id = v.id and r.claim_token = ${token} and r.${HELD}
    returning r.id
  `);
  return rowsOf(result).length;
}

export type SendFailure = { id: number; address: string; error: string; kind: 'temporary' | 'permanent' };

/**
 * Records failures of a claim. Temporary (4xx, connection): queued again after
 * the next delay, given up (failed) after the last attempt. Permanent (5xx):
 * failed, and the address joins the suppression list (hard bounce) so that
 * no later campaign mails it.
 */
export async function recordFailures(db: Database, token: string, failures: SendFailure[]): Promise<void> {
  if (!failures.length) return;
  const delays = NEWSLETTER_SENDING.retryDelaysSeconds;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update newsletter_recipients r set
        status = case when v.kind = 'temporary' and r.attempts <= ${delays.length} then 'queued'::newsletter_recipient_status else 'failed'::newsletter_recipient_status end,
        next_attempt_at = case when v.kind = 'temporary' and r.attempts <= ${delays.length}
          then now() + make_interval(secs => (${`{${delays.join(',')}}`}::int[])[r.attempts]) else null end,
        last_error = left(v.error, 1000), claim_token = null
      from unnest(${`{${failures.map((f) => f.id).join(',')}}`}::bigint[], ${pgTextArray(failures.map((f) => f.kind))}::text[], ${pgTextArray(failures.map((f) => f.error))}::text[]) as v(id, kind, error)
      where r.id = v.id and r.claim_token = ${token} and r.${HELD}
    `);
    const bounced = failures.filter((f) => f.kind === 'permanent');
    if (bounced.length) {
      await tx.execute(sql`
        insert into newsletter_suppressions (address, reason, note)
        select lower(a), 'hard_bounce', left(e, 500) from unnest(${pgTextArray(bounced.map((b) => b.address))}::text[], ${pgTextArray(bounced.map((b) => b.error))}::text[]) as v(a, e)
        on conflict (address) do nothing
      `);
    }
  });
}

/** Gives back the rows of a claim that were not sent (paused or cancelled mid-batch): queued again, attempt not counted. */
export async function releaseClaim(db: Database, token: string, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`
    update newsletter_recipients set status = 'queued', claim_token = null, claimed_at = null, attempts = greatest(attempts - 1, 0)
    where id = any(${`{${ids.join(',')}}`}::bigint[]) and claim_token = ${token} and ${HELD}
  `);
}

/**
 * Rows claimed longer ago than the lease by a worker that never recorded them
 * (killed, or lost its database): they may have been handed to SMTP or not.
 * They become `uncertain` — never re-sent by themselves — and are counted on
 * the campaign page, where an admin may re-send them deliberately. The
 * claim token stays: should the holder still be alive, its report corrects
 * the row (see HELD).
 */
export async function markStaleUncertain(db: Database, leaseSeconds: number): Promise<number> {
  const result = await db.execute(sql`
    update newsletter_recipients set status = 'uncertain',
      last_error = 'worker stopped while sending: delivery unknown'
    where status = 'sending' and claimed_at < now() - make_interval(secs => ${leaseSeconds})
    returning id
  `);
  return rowsOf(result).length;
}

/** Campaigns marked sending: what the sweeper looks at (re-enqueue their jobs, finish them). */
export async function sendingCampaigns(db: Database): Promise<{ id: string; due: boolean; open: boolean }[]> {
  const rows = rowsOf<{ id: string; due: boolean; open: boolean }>(await db.execute(sql`
    select c.id,
      exists (select 1 from newsletter_recipients r where r.campaign_id = c.id and r.status = 'queued' and (r.next_attempt_at is null or r.next_attempt_at <= now())) as due,
      exists (select 1 from newsletter_recipients r where r.campaign_id = c.id and r.status in ('queued', 'sending')) as open
    from newsletter_campaigns c where c.status = 'sending'
  `));
  return rows;
}

/** Marks a sending campaign finished when no recipient is queued or sending (checked in the same statement). */
export async function finishIfDone(db: Database, campaignId: string): Promise<boolean> {
  const result = await db.execute(sql`
    update newsletter_campaigns c set status = 'finished', finished_at = now(), updated_at = now()
    where c.id = ${campaignId} and c.status = 'sending'
      and not exists (select 1 from newsletter_recipients r where r.campaign_id = c.id and r.status in ('queued', 'sending'))
    returning c.id
  `);
  return rowsOf(result).length > 0;
}

/** What a batch job needs to build the messages of a campaign (read once per job). */
export async function campaignForSending(db: Database, campaignId: string) {
  const rows = rowsOf<{ id: string; subject: string; preheader: string; sender: string; body_html: string; topic_id: string; name_fr: string; name_en: string; status: string }>(await db.execute(sql`
    select c.id, c.subject, c.preheader, c.sender, c.body_html, c.topic_id, t.name_fr, t.name_en, c.status::text as status
    from newsletter_campaigns c join newsletter_topics t on t.id = c.topic_id where c.id = ${campaignId}
  `));
  const r = rows[0];
  return r ? { id: r.id, subject: r.subject, preheader: r.preheader, sender: r.sender, bodyHtml: r.body_html, topicId: r.topic_id, topicName: { fr: r.name_fr, en: r.name_en }, status: r.status } : null;
}

/** A PostgreSQL text[] literal, each element quoted (addresses and error texts may hold commas and quotes). */
function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
