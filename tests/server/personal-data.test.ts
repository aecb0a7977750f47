import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, documentFolderFollows, documentFolders, documentVisits, idempotencyKeys, mailMessages, logins, trainingCalendarFeeds, trainingRegistrations, users } from '../../db/schema';
import { recordAudit } from '../../db/queries/audit';
import type { PersonalDataPart } from '../../server/feature';
import { erasePersonalData, exportPersonalData, personalDataParts } from '../../server/services/personal-data';
import { jobIds, jobQueue } from '../../workers/jobs';
import { TEST_PASSWORD, createUser, injectAs, type TestUser } from '../helpers/app';
import { testAppOfFile } from '../helpers/file-app';
import { makeSession, makeTraining, seatCounts } from '../helpers/trainings';

/**
 * RGPD export and erasure run every feature's part (server/features.ts) in one
 * transaction (server/services/personal-data.ts): a failure in a later part
 * leaves everything the earlier parts changed as it was, and the jobs the
 * erasure calls for are enqueued only once it has committed.
 */
const ctx = testAppOfFile();

/** A person holding the only seat of a session, someone waiting behind, a calendar feed, a library visit and a followed folder. */
async function leaverWithSeat() {
  const staff = await createUser(ctx, 'staff');
  const sessionId = await makeSession(ctx, await makeTraining(ctx, staff.id, { title: 'Photographier les Cévennes' }), staff.id, { capacity: 1 });
  const leaving = await createUser(ctx, 'partner', { name: 'Léa Départ' });
  const waiting = await createUser(ctx, 'partner', { name: 'Walter Attente' });
  const asLeaving = await injectAs(ctx, leaving);
  expect((await asLeaving({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} })).statusCode).toBe(201);
  expect((await (await injectAs(ctx, waiting))({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} })).json()).toMatchObject({ status: 'waiting' });
  await ctx.db.insert(trainingCalendarFeeds).values({ userId: leaving.id });
  expect((await asLeaving({ method: 'POST', url: '/api/documents/visits' })).statusCode).toBe(200);
  const [folder] = await ctx.db.insert(documentFolders).values({ name: `Guides ${leaving.id.slice(0, 8)}` }).returning({ id: documentFolders.id });
  await ctx.db.insert(documentFolderFollows).values({ userId: leaving.id, folderId: folder!.id });
  return { sessionId, leaving, waiting, asLeaving, folderId: folder!.id };
}

async function statusOf(user: TestUser, sessionId: string) {
  const [row] = await ctx.db.select({ id: trainingRegistrations.id, status: trainingRegistrations.status }).from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.userId, user.id), eq(trainingRegistrations.sessionId, sessionId)));
  return row!;
}

/** Everything a rolled-back erasure must have left in place. */
async function expectUntouched(p: Awaited<ReturnType<typeof leaverWithSeat>>) {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, p.leaving.id));
  expect(row).toMatchObject({ name: 'Léa Départ', email: p.leaving.email, status: 'active', erasedAt: null });
  expect(row!.passwordHash).not.toBeNull();
  expect((await statusOf(p.leaving, p.sessionId)).status).toBe('confirmed');
  expect((await statusOf(p.waiting, p.sessionId)).status).toBe('waiting');
  const counts = await seatCounts(ctx, p.sessionId);
  expect(counts.rows).toEqual({ confirmed: 1, offered: 0, waiting: 1 });
  expect(counts.counters).toEqual(counts.rows);
  expect(await ctx.db.select().from(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, p.leaving.id))).toHaveLength(1);
  expect(await ctx.db.select().from(documentVisits).where(eq(documentVisits.userId, p.leaving.id))).toHaveLength(1);
  expect(await ctx.db.select().from(documentFolderFollows).where(eq(documentFolderFollows.userId, p.leaving.id))).toHaveLength(1);
  expect(await ctx.db.select().from(mailMessages).where(and(eq(mailMessages.userId, p.waiting.id), eq(mailMessages.template, 'training-offer')))).toHaveLength(0);
}

describe('personal data', () => {
  it('exports one section per feature in one JSON file', async () => {
    const p = await leaverWithSeat();
    const res = await p.asLeaving({ method: 'GET', url: '/api/me/export' });
    expect(res.statusCode, res.body).toBe(200);
    const data = JSON.parse(res.body);
    // The date, then each feature's sections in the order of server/features.ts (a feature added later adds its own after these).
    expect(Object.keys(data).slice(0, 10)).toEqual(['exportedAt', 'profile', 'establishment', 'office', 'logins', 'oneTimeTokens', 'auditLog', 'mails', 'trainings', 'documents']);
    expect(data.profile).toMatchObject({ id: p.leaving.id, name: 'Léa Départ' });
    expect(data.trainings.registrations).toEqual([expect.objectContaining({ training: 'Photographier les Cévennes', status: 'confirmed' })]);
    expect(data.trainings.calendarFeedCreatedAt).toEqual(expect.any(String));
    expect(data.documents).toMatchObject({ lastVisitAt: expect.any(String), followedFolders: [{ folderId: p.folderId, folder: expect.stringMatching(/^Guides /) }] });
  });

  it('a later feature failing rolls back what the earlier ones erased', async () => {
    const p = await leaverWithSeat();
    const failing: PersonalDataPart = {
      export: async () => ({}),
      erase: async () => {
        throw new Error('disk full');
      },
    };
    await expect(erasePersonalData(ctx.app, { userId: p.leaving.id, ip: null }, [...personalDataParts, failing])).rejects.toThrow('disk full');
    await expectUntouched(p);
    expect(await ctx.db.select().from(logins).where(eq(logins.userId, p.leaving.id))).toHaveLength(1);
  });

  it('through the api: a database failure in the last part answers 500 and erases nothing; once it is gone, the erasure goes through and the seat is offered after commit', async () => {
    const p = await leaverWithSeat();
    // The documents part runs last (server/features.ts): PostgreSQL refuses its delete.
    await ctx.db.execute(sql`create function refuse_visit_delete() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await ctx.db.execute(sql`create trigger refuse_visit_delete before delete on document_visits for each row execute function refuse_visit_delete()`);
    try {
      const failed = await p.asLeaving({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } });
      expect(failed.statusCode).toBe(500);
      await expectUntouched(p);
    } finally {
      await ctx.db.execute(sql`drop trigger refuse_visit_delete on document_visits`);
      await ctx.db.execute(sql`drop function refuse_visit_delete()`);
    }

    const erased = await p.asLeaving({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } });
    expect(erased.statusCode, erased.body).toBe(204);
    expect((await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, p.leaving.id)))[0]!.name).toBe('Compte supprimé');
    expect((await statusOf(p.leaving, p.sessionId)).status).toBe('cancelled');
    const offered = await statusOf(p.waiting, p.sessionId);
    expect(offered.status).toBe('offered');
    expect(await ctx.db.select().from(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, p.leaving.id))).toHaveLength(0);
    expect(await ctx.db.select().from(documentVisits).where(eq(documentVisits.userId, p.leaving.id))).toHaveLength(0);
    expect(await ctx.db.select().from(documentFolderFollows).where(eq(documentFolderFollows.userId, p.leaving.id))).toHaveLength(0);
    // The effects of the committed erasure: the offer's mail and its expiry are queued.
    const [mail] = await ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(and(eq(mailMessages.userId, p.waiting.id), eq(mailMessages.template, 'training-offer')));
    expect(await ctx.queues[jobQueue['mail.send']].getJob(jobIds['mail.send']({ messageId: mail!.id }))).toBeDefined();
    const offerJob = await ctx.queues[jobQueue['trainings.offer-expire']].getJob(jobIds['trainings.offer-expire']({ registrationId: offered.id, round: 1, expiresAt: '' }));
    expect(offerJob?.name).toBe('trainings.offer-expire');
  });

  it('after the erasure, the erased account’s cookie no longer reaches the export, and the service refuses an erased subject', async () => {
    const p = await leaverWithSeat();
    expect((await p.asLeaving({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(200);
    expect((await p.asLeaving({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } })).statusCode).toBe(204);
    const after = await p.asLeaving({ method: 'GET', url: '/api/me/export' });
    expect(after.statusCode).toBe(401);
    expect(after.body).not.toContain(p.leaving.id);
    // Whoever calls the service with an erased account's id gets no export of the anonymised row either.
    await expect(exportPersonalData(ctx.app, { userId: p.leaving.id, ip: null })).rejects.toMatchObject({ status: 401 });
  });

  it('erasure deletes the person’s idempotency keys and the IP of audit rows about them that no person did; another person’s IP and keys stay', async () => {
    const admin = await createUser(ctx, 'admin');
    const leaving = await createUser(ctx, 'partner');
    const other = await createUser(ctx, 'partner');
    for (const u of [leaving, other]) await ctx.db.insert(idempotencyKeys).values({ userId: u.id, key: `cle-${u.id}`, fingerprint: 'f', status: 201, body: '{"name":"Léa"}' });
    const about = (actorId: string | null, action: string, ip: string) => recordAudit(ctx.db, { actorId, action, targetType: 'user', targetId: leaving.id, ip });
    await about(null, 'password.resetRequest', '198.51.100.7'); // asked from the person's own connection, signed out
    await about(admin.id, 'user.update', '203.0.113.9'); // the administrator's connection, not the person's
    await about(leaving.id, 'password.change', '198.51.100.8');

    await erasePersonalData(ctx.app, { userId: leaving.id, ip: null });

    expect(await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, leaving.id))).toEqual([]);
    expect(await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, other.id))).toHaveLength(1);
    const rows = await ctx.db.select({ action: auditLog.action, ip: auditLog.ip }).from(auditLog)
      .where(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, leaving.id))).orderBy(auditLog.id);
    expect(rows).toEqual([
      { action: 'password.resetRequest', ip: null },
      { action: 'user.update', ip: '203.0.113.9' },
      { action: 'password.change', ip: null },
      { action: 'me.erase', ip: null },
    ]);
  });
});
