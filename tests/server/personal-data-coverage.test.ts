import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/queries/rows';
import { subscribe } from '../../db/queries/newsletters';
import { documentFolderFollows, documentFolders, idempotencyKeys, newsletterRecipients, trainingCalendarFeeds } from '../../db/schema';
import { TEST_PASSWORD, createEstablishment, createUser, injectAs, type TestUser } from '../helpers/app';
import { testAppOfFile } from '../helpers/file-app';
import { draft, newTopic } from '../helpers/newsletters';
import { createCommentRow, createLivePost } from '../helpers/news-participation';
import { makeSession, makeTraining } from '../helpers/trainings';

/**
 * Guard of the RGPD export and erasure (server/services/personal-data.ts):
 * every column that points at a person (a foreign key to users) or looks like
 * contact data (named like an e-mail, IP, phone or address) is read from
 * PostgreSQL's catalogue and must have been reviewed here, with what the
 * export and the erasure do with it. A table added without a decision fails
 * this test before it reaches anyone's data.
 */
const ctx = testAppOfFile();

/**
 * What the erasure does with the column of the erased person's rows:
 * - erased: their rows are deleted;
 * - anonymised: the column no longer holds their id or address (cleared or rewritten);
 * - kept: it stays, for the reason given (an id kept names « Compte supprimé », the anonymised account).
 */
type Erasure = 'erased' | 'anonymised' | 'kept';
interface Review { exported: boolean; erasure: Erasure; why: string }

const STAFF_MARK = 'who on the staff made or decided it: the office’s record, naming the anonymised account';

/** Authorship and decision marks of the office's own records: not the person's data to take away, kept by id. */
const STAFF_MARKS = [
  'training_session_notices.actor_id',
  'training_sessions.created_by',
  'trainings.created_by',
  'training_documents.created_by',
  'document_contributions.decided_by',
  'document_folders.created_by',
  'document_versions.uploaded_by',
  'figures_editions.published_by',
  'newsletter_campaigns.created_by',
  'newsletter_segments.created_by',
  'newsletter_images.created_by',
].map((column): [string, Review] => [column, { exported: false, erasure: 'kept', why: STAFF_MARK }]);

const REVIEWED: Record<string, Review> = {
  ...Object.fromEntries(STAFF_MARKS),
  // accounts
  'users.email': { exported: true, erasure: 'anonymised', why: 'rewritten to deleted-<id>@invalid' },
  'users.email_preferences': { exported: true, erasure: 'anonymised', why: 'every mail turned off' },
  'logins.user_id': { exported: true, erasure: 'erased', why: 'log-ins, with browser and IP' },
  'logins.ip': { exported: true, erasure: 'erased', why: 'goes with the log-in' },
  'one_time_tokens.user_id': { exported: true, erasure: 'erased', why: 'invitation and reset links' },
  'one_time_tokens.created_by': { exported: false, erasure: 'kept', why: `the staff member who sent someone else’s invitation: ${STAFF_MARK}` },
  'idempotency_keys.user_id': { exported: false, erasure: 'erased', why: 'a 24-hour replay cache of answers the person already received; not a record of its own' },
  'audit_log.actor_id': { exported: true, erasure: 'kept', why: 'the audit trail keeps who did what by id only' },
  'audit_log.ip': { exported: true, erasure: 'anonymised', why: 'cleared for what the person did and what no one signed in did about them; an administrator’s own IP stays' },
  'mail_messages.user_id': { exported: true, erasure: 'kept', why: 'the trace that a mail was sent; its address and params are rewritten, unsent ones skipped' },
  'mail_messages.to_address': { exported: true, erasure: 'anonymised', why: 'rewritten with the account’s address' },
  'captured_mails.to_address': { exported: false, erasure: 'erased', why: 'copies of the person’s mail kept for the mail admin page; the mail itself is exported' },
  'establishments.email': { exported: true, erasure: 'kept', why: 'the establishment’s business contact, which stays with its figures when one of its people leaves' },
  'establishments.phone': { exported: true, erasure: 'kept', why: 'the establishment’s business contact' },
  'establishments.address': { exported: true, erasure: 'kept', why: 'the establishment’s premises' },
  'offices.phone': { exported: true, erasure: 'kept', why: 'the tourist office’s public desk, no person' },
  'offices.address': { exported: true, erasure: 'kept', why: 'the tourist office’s public desk, no person' },
  // trainings
  'training_registrations.user_id': { exported: true, erasure: 'kept', why: 'attendance stays in the session’s figures; seats to come are freed and survey comments erased' },
  'training_registrations.registered_by': { exported: false, erasure: 'kept', why: `who signed someone else up: ${STAFF_MARK}` },
  'training_registration_events.actor_id': { exported: false, erasure: 'kept', why: 'a registration’s history, by id only' },
  'training_calendar_feeds.user_id': { exported: true, erasure: 'erased', why: 'the private calendar link' },
  'training_sessions.address': { exported: false, erasure: 'kept', why: 'where a session takes place, no person' },
  // documents
  'document_visits.user_id': { exported: true, erasure: 'erased', why: 'the « nouveau » marks of the library' },
  'document_folder_follows.user_id': { exported: true, erasure: 'erased', why: 'followed folders' },
  'document_contributions.proposed_by': { exported: true, erasure: 'erased', why: 'pending and declined proposals go; approved ones stay, credited as asked, under the licence accepted' },
  'documents.created_by': { exported: false, erasure: 'kept', why: `the library is the office’s: ${STAFF_MARK}` },
  'documents.owner_id': { exported: false, erasure: 'kept', why: `the library is the office’s: ${STAFF_MARK}` },
  // figures
  'figures_monthly.updated_by': { exported: false, erasure: 'kept', why: 'who entered the establishment’s monthly figures, which stay the establishment’s' },
  // newsletters
  'newsletter_subscriptions.user_id': { exported: true, erasure: 'erased', why: 'consents of the account' },
  'newsletter_subscriptions.address': { exported: true, erasure: 'erased', why: 'consents of the address alone go too; an establishment’s consent for it stays (its contact address)' },
  'newsletter_recipients.user_id': { exported: true, erasure: 'anonymised', why: 'deliveries stay counted without the person; queued ones are skipped' },
  'newsletter_recipients.address': { exported: true, erasure: 'anonymised', why: 'rewritten to erased-<id>@erased.invalid, by account and by address' },
  'newsletter_suppressions.address': { exported: true, erasure: 'kept', why: 'the opposition must outlive the account: an address coming back in an import is never mailed' },
  // news
  'news_comments.author_id': { exported: true, erasure: 'erased', why: 'free text in the person’s own words' },
  'news_comments.hidden_by': { exported: false, erasure: 'anonymised', why: 'moderation marks lose the name' },
  'news_comment_reports.reporter_id': { exported: true, erasure: 'erased', why: 'reports made' },
  'news_comment_reports.handled_by': { exported: false, erasure: 'anonymised', why: 'moderation marks lose the name' },
  'news_reactions.user_id': { exported: true, erasure: 'erased', why: '« utile » marks' },
  'news_reads.user_id': { exported: true, erasure: 'erased', why: 'read marks' },
  'news_mutes.user_id': { exported: true, erasure: 'erased', why: 'muted posts' },
  'news_preferences.user_id': { exported: true, erasure: 'erased', why: 'digest preferences' },
  'news_digest_sends.user_id': { exported: true, erasure: 'erased', why: 'digests sent' },
  'news_sheets.author_id': { exported: true, erasure: 'anonymised', why: 'the sheet is the establishment’s; it stays without its author' },
  'news_sheets.reviewed_by': { exported: false, erasure: 'anonymised', why: 'moderation marks lose the name' },
  'news_posts.author_id': { exported: true, erasure: 'anonymised', why: 'posts stay as the office’s, without their author' },
  'news_posts.address': { exported: false, erasure: 'kept', why: 'where an event takes place, no person' },
  // visits
  'visit_contacts.created_by': { exported: true, erasure: 'anonymised', why: 'the office’s figures stay without naming who recorded them' },
  'visit_totals.updated_by': { exported: false, erasure: 'anonymised', why: 'the office’s figures stay without naming who recorded them' },
};

/** Names that hold contact or connection data, by word of a snake_case column name. */
const CONTACT_NAME = '(^|_)(e_?mail|ip|phone|telephone|mobile|address)(_|$)';

interface Column { table: string; column: string; kind: 'user' | 'contact' }

/** From the catalogue: every column of a public table that references users, or whose name says contact data. */
async function watchedColumns(db: Database): Promise<Column[]> {
  return rowsOf<Column>(await db.execute(sql`
    select r.relname as table, a.attname as column, 'user' as kind
    from pg_constraint c
    join pg_class r on r.oid = c.conrelid
    join pg_namespace n on n.oid = r.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'public.users'::regclass and n.nspname = 'public'
    union
    select r.relname, a.attname, 'contact'
    from pg_attribute a
    join pg_class r on r.oid = a.attrelid
    join pg_namespace n on n.oid = r.relnamespace
    where n.nspname = 'public' and r.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attname ~ ${CONTACT_NAME}
    order by 1, 2
  `));
}

const keyOf = (c: Column) => `${c.table}.${c.column}`;
async function unreviewed(db: Database): Promise<string[]> {
  return [...new Set((await watchedColumns(db)).map(keyOf))].filter((k) => !(k in REVIEWED));
}

describe('personal data coverage', () => {
  it('every column pointing at a person or holding contact data has a reviewed decision, and no decision is left for a column gone', async () => {
    const columns = await watchedColumns(ctx.db);
    // Sanity: the catalogue query sees what we know is there.
    expect(columns.map(keyOf)).toEqual(expect.arrayContaining(['logins.user_id', 'users.email', 'audit_log.ip', 'newsletter_suppressions.address']));
    expect(await unreviewed(ctx.db)).toEqual([]);
    const present = new Set(columns.map(keyOf));
    expect(Object.keys(REVIEWED).filter((k) => !present.has(k))).toEqual([]);
  });

  it('flags a table added without a decision: a foreign key to users and a phone column', async () => {
    await ctx.db.execute(sql`create table rgpd_probe (id serial primary key, member_id uuid references users (id), contact_phone text, description text)`);
    try {
      expect(await unreviewed(ctx.db)).toEqual(['rgpd_probe.contact_phone', 'rgpd_probe.member_id']);
    } finally {
      await ctx.db.execute(sql`drop table rgpd_probe`);
    }
    expect(await unreviewed(ctx.db)).toEqual([]);
  });

  it('one full export and erasure of a partner leaves every row of the other partner of the same establishment as it was', async () => {
    const staff = await createUser(ctx, 'staff');
    const admin = await createUser(ctx, 'admin');
    const gite = await createEstablishment(ctx, { name: 'Gîte des Deux Vallées', email: `contact-${Date.now().toString(36)}@gite.test` });
    const leaving = await createUser(ctx, 'partner', { name: 'Léa Départ', establishmentId: gite.id });
    const staying = await createUser(ctx, 'partner', { name: 'Paul Reste', establishmentId: gite.id });
    const sessionId = await makeSession(ctx, await makeTraining(ctx, staff.id), staff.id);
    const postId = await createLivePost(ctx, { authorId: staff.id });
    const [folder] = await ctx.db.insert(documentFolders).values({ name: `Guides ${gite.id.slice(0, 8)}` }).returning({ id: documentFolders.id });
    const topicId = await newTopic(ctx);
    const importedTopicId = await newTopic(ctx);
    const campaign = await draft(ctx, admin.id, { topicId });

    /** The same trail for both: a seat, a calendar feed, library marks, consents (one by address only), a queued letter, news marks, a replayable answer. */
    async function trail(user: TestUser) {
      const as = await injectAs(ctx, user);
      expect((await as({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} })).statusCode).toBe(201);
      await ctx.db.insert(trainingCalendarFeeds).values({ userId: user.id });
      expect((await as({ method: 'POST', url: '/api/documents/visits' })).statusCode).toBe(200);
      await ctx.db.insert(documentFolderFollows).values({ userId: user.id, folderId: folder!.id });
      await subscribe(ctx.db, { topicId, address: user.email, userId: user.id, source: 'preferences' });
      await subscribe(ctx.db, { topicId: importedTopicId, address: user.email, source: 'import' });
      await ctx.db.insert(newsletterRecipients).values({ campaignId: campaign.id, address: user.email, userId: user.id });
      expect((await as({ method: 'GET', url: `/api/news/posts/${postId}` })).statusCode).toBe(200);
      expect((await as({ method: 'PUT', url: '/api/news/preferences', payload: { frequency: 'weekly', quietFromMonth: 7, quietToMonth: 8 } })).statusCode).toBe(200);
      await createCommentRow(ctx, { postId, authorId: user.id, body: `Nous viendrons. ${user.id}` });
      await ctx.db.insert(idempotencyKeys).values({ userId: user.id, key: `cle-${user.id}`, fingerprint: 'f', status: 201, body: '{}' });
      const exported = await as({ method: 'GET', url: '/api/me/export' });
      expect(exported.statusCode, exported.body).toBe(200);
      return { as, exported: exported.body };
    }
    const mine = await trail(leaving);
    const theirs = await trail(staying);
    // Each export holds its own person, never the other.
    expect(mine.exported).toContain(leaving.id);
    expect(mine.exported).not.toContain(staying.id);
    expect(mine.exported).not.toContain(staying.email);
    expect(theirs.exported).not.toContain(leaving.id);
    expect(theirs.exported).not.toContain(leaving.email);

    const columns = await watchedColumns(ctx.db);
    /** Every row that names the person, by id or by address, through any watched column; with the users and establishment rows. */
    const rowsNaming = async (user: TestUser) => {
      const out: Record<string, string[]> = {};
      for (const c of columns) {
        const match = c.kind === 'user' ? sql`${sql.identifier(c.column)} = ${user.id}` : sql`lower(${sql.identifier(c.column)}::text) = lower(${user.email})`;
        out[keyOf(c)] = rowsOf<{ row: string }>(await ctx.db.execute(sql`select to_jsonb(t)::text as row from ${sql.identifier(c.table)} t where ${match} order by 1`)).map((r) => r.row);
      }
      out.users = rowsOf<{ row: string }>(await ctx.db.execute(sql`select to_jsonb(u)::text as row from users u where id = ${user.id}`)).map((r) => r.row);
      out.establishment = rowsOf<{ row: string }>(await ctx.db.execute(sql`select to_jsonb(e)::text as row from establishments e where id = ${gite.id}`)).map((r) => r.row);
      return out;
    };
    const theirsBefore = await rowsNaming(staying);
    // The other partner has as much to lose (the comparison after the erasure is not vacuous).
    expect(Object.values(theirsBefore).filter((rows) => rows.length).length).toBeGreaterThan(15);
    const mineBefore = await rowsNaming(leaving);
    // What the erasure is to remove is really there (the checks after it are not vacuous).
    for (const k of ['logins.user_id', 'training_calendar_feeds.user_id', 'document_visits.user_id', 'document_folder_follows.user_id', 'newsletter_subscriptions.user_id',
      'newsletter_subscriptions.address', 'newsletter_recipients.user_id', 'newsletter_recipients.address', 'news_reads.user_id', 'news_preferences.user_id',
      'news_comments.author_id', 'idempotency_keys.user_id', 'mail_messages.to_address', 'audit_log.actor_id', 'users.email']) {
      expect(mineBefore[k], k).not.toEqual([]);
    }

    expect((await mine.as({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } })).statusCode).toBe(204);

    // The other partner: not one row changed, nor their establishment.
    expect(await rowsNaming(staying)).toEqual(theirsBefore);
    expect((await theirs.as({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(200);
    // The erased partner: no column whose decision is to erase or anonymise still names them.
    const mineAfter = await rowsNaming(leaving);
    const left = Object.entries(REVIEWED).filter(([k, r]) => r.erasure !== 'kept' && mineAfter[k]?.length).map(([k]) => k);
    expect(left).toEqual([]);
  });
});
