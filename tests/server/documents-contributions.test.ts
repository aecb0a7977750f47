import { Job } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentContributions, documentVersions, mailMessages, users } from '../../db/schema';
import { handlers } from '../../workers/handlers';
import type { JobHandler, WorkerContext } from '../../workers/jobs';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { pdfWith, PNG_1PX, uploadForm } from '../helpers/documents';
import { makeSession, makeTraining } from '../helpers/trainings';
import { closeWithStorage, quietWorkerContext } from '../helpers/documents-app';
import { audienceOf, CAMPSITES, EVERYONE } from '../helpers/audience';

/**
 * Partner contributions, folder follows and training attachments on the
 * real PostgreSQL, storage and job handlers: a partner proposes, staff
 * decide, the proposer is told (honouring their preferences); followers of
 * a folder are told once of a document within their audience; training
 * pages list the library documents their reader may see.
 */


let ctx: TestContext;
let wctx: WorkerContext & { close(): Promise<void> };
let staff: TestUser;
let campsite: TestUser;
let restaurant: TestUser;
let quietPartner: TestUser;
let asStaff: Injector;
let asCampsite: Injector;
let asRestaurant: Injector;
let asQuiet: Injector;
let folderId: string;

async function objectKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of ctx.app.storage.list('documents/')) keys.push(o.key);
  return keys;
}

async function propose(inject: Injector, meta: Record<string, unknown>, file = { filename: 'vue-du-cirque.png', data: PNG_1PX }) {
  const form = uploadForm(meta, file);
  return inject({ method: 'POST', url: '/api/documents/contributions', payload: form.payload, headers: form.headers });
}
const photo = { title: 'Cirque de Navacelles au lever du jour', description: 'Vue depuis le belvédère', credit: 'Photo : Jeanne Martin', licenceAccepted: true };

const mailsFor = (template: string, userId: string) =>
  ctx.db.select({ id: mailMessages.id, params: mailMessages.params }).from(mailMessages).where(and(eq(mailMessages.template, template), eq(mailMessages.userId, userId)));

function runFollowers(documentId: string) {
  const handler = handlers['documents.followers'] as JobHandler<'documents.followers'>;
  return handler({ documentId }, wctx, new Job(ctx.queues.schedule, 'documents.followers', { documentId }));
}

beforeAll(async () => {
  ctx = await createTestApp();
  wctx = quietWorkerContext(ctx);
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
  const resto = await createEstablishment(ctx, { category: 'restauration', subcategory: 'restaurant', communeInsee: '34111' });
  campsite = await createUser(ctx, 'partner', { establishmentId: camping.id });
  restaurant = await createUser(ctx, 'partner', { establishmentId: resto.id });
  quietPartner = await createUser(ctx, 'partner', { establishmentId: camping.id, emailPreferences: { newsletter: false, news: true, trainings: true, documents: false, figures: true } });
  [asStaff, asCampsite, asRestaurant, asQuiet] = await Promise.all([injectAs(ctx, staff), injectAs(ctx, campsite), injectAs(ctx, restaurant), injectAs(ctx, quietPartner)]);
  const folder = await asStaff({ method: 'POST', url: '/api/documents/folders', payload: { name: 'Photothèque', audience: EVERYONE } });
  folderId = folder.json().id;
});
afterAll(() => closeWithStorage(ctx, wctx));

describe('partner contributions', () => {
  let proposalId: string;

  it('a partner proposes a photo with credit and the accepted licence; the file is streamed to storage', async () => {
    const res = await propose(asCampsite, photo);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    proposalId = c.id;
    expect(c).toMatchObject({ title: photo.title, credit: 'Photo : Jeanne Martin', status: 'pending', mediaType: 'image/png', size: PNG_1PX.length, documentId: null });
    expect(c.licenceVersion).toMatch(/^\d{4}-\d{2}$/);
    expect(await objectKeys()).toHaveLength(1);
  });

  it('without the licence, or with a refused type, nothing is stored; staff do not propose', async () => {
    const before = await objectKeys();
    const noLicence = await propose(asCampsite, { ...photo, licenceAccepted: false });
    expect(noLicence.statusCode).toBe(400);
    const noCredit = await propose(asCampsite, { title: 'Sans crédit', licenceAccepted: true });
    expect(noCredit.statusCode).toBe(400);
    const exe = await propose(asCampsite, photo, { filename: 'photo.svg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    expect(exe.statusCode).toBe(415);
    expect((await propose(asStaff, photo)).statusCode).toBe(403);
    expect(await objectKeys()).toEqual(before);
    expect(await ctx.db.$count(documentContributions)).toBe(1);
  });

  it('a partner sees their establishment’s proposals only; another establishment gets 404', async () => {
    expect((await asCampsite({ method: 'GET', url: '/api/documents/contributions' })).json()).toMatchObject({ total: 1, items: [{ id: proposalId }] });
    expect((await asQuiet({ method: 'GET', url: '/api/documents/contributions' })).json().total).toBe(1); // a colleague of the same campsite
    expect((await asRestaurant({ method: 'GET', url: '/api/documents/contributions' })).json()).toMatchObject({ total: 0, items: [] });
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/contributions/${proposalId}` })).statusCode).toBe(404);
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/contributions/${proposalId}/file` })).statusCode).toBe(404);
    const file = await asCampsite({ method: 'GET', url: `/api/documents/contributions/${proposalId}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PNG_1PX)).toBe(true);
    expect((await asCampsite({ method: 'POST', url: `/api/documents/contributions/${proposalId}/approve`, payload: { folderId } })).statusCode).toBe(403);
  });

  it('staff approve into a folder: a published document with the credit kept, in the library; the proposer is mailed once', async () => {
    expect((await asStaff({ method: 'GET', url: '/api/documents/contributions?status=pending' })).json().items.map((c: { id: string }) => c.id)).toEqual([proposalId]);
    const res = await asStaff({ method: 'POST', url: `/api/documents/contributions/${proposalId}/approve`, payload: { folderId, tags: ['paysage'] } });
    expect(res.statusCode, res.body).toBe(200);
    const { contribution, documentId } = res.json();
    expect(contribution).toMatchObject({ status: 'approved', documentId, folderId });
    const doc = (await asRestaurant({ method: 'GET', url: `/api/documents/${documentId}` })).json().document;
    expect(doc).toMatchObject({ title: photo.title, credit: 'Photo : Jeanne Martin', status: 'published', folderId, tags: ['paysage'] });
    expect(doc.currentVersion).toMatchObject({ mediaType: 'image/png', size: PNG_1PX.length });
    const listed = (await asRestaurant({ method: 'GET', url: `/api/documents?folderId=${folderId}` })).json();
    expect(listed.items.map((d: { id: string }) => d.id)).toContain(documentId);
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/${documentId}/download` })).rawPayload.equals(PNG_1PX)).toBe(true);
    expect(await ctx.queues.schedule.getJob(`documents-thumbnail-${doc.currentVersion.id}`)).toBeTruthy();
    const again = await asStaff({ method: 'POST', url: `/api/documents/contributions/${proposalId}/approve`, payload: { folderId } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/déjà reçu une réponse/);
    expect(await mailsFor('contribution-decided', campsite.id)).toHaveLength(1);
    // The object now belongs to the version: the sweeper's orphan check keeps it.
    expect(await objectKeys()).toHaveLength(1);
  });

  it('staff decline with a message: the file is removed, the proposer sees the status; no mail to one who turned it off', async () => {
    const c = (await propose(asQuiet, { ...photo, title: 'Doublon' })).json();
    expect(await objectKeys()).toHaveLength(2);
    const res = await asStaff({ method: 'POST', url: `/api/documents/contributions/${c.id}/decline`, payload: { message: 'Nous avons déjà cette vue, merci !' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', decisionMessage: 'Nous avons déjà cette vue, merci !' });
    expect(await objectKeys()).toHaveLength(1);
    const mine = (await asQuiet({ method: 'GET', url: `/api/documents/contributions/${c.id}` })).json();
    expect(mine).toMatchObject({ status: 'declined', decisionMessage: 'Nous avons déjà cette vue, merci !' });
    expect(mine.decidedAt).not.toBeNull();
    expect(await mailsFor('contribution-decided', quietPartner.id)).toHaveLength(0);
    expect((await asQuiet({ method: 'GET', url: `/api/documents/contributions/${c.id}/file` })).statusCode).toBe(404);
  });
});

describe('personal data of a proposer', () => {
  it('the export lists their proposals; erasure keeps the approved one with its credit, removes the others and, after commit, their files (job run twice acts once)', async () => {
    const leaving = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    const asLeaving = await injectAs(ctx, leaving);
    const approved = (await propose(asLeaving, { ...photo, title: 'Gardée', credit: 'Photo : Léa Départ' })).json();
    const pending = (await propose(asLeaving, { ...photo, title: 'En attente' })).json();
    const declined = (await propose(asLeaving, { ...photo, title: 'Refusée' })).json();
    const approval = await asStaff({ method: 'POST', url: `/api/documents/contributions/${approved.id}/approve`, payload: { folderId } });
    expect(approval.statusCode, approval.body).toBe(200);
    const documentId = approval.json().documentId as string;
    expect((await asStaff({ method: 'POST', url: `/api/documents/contributions/${declined.id}/decline`, payload: { message: 'Floue' } })).statusCode).toBe(200);
    const [pendingRow] = await ctx.db.select({ key: documentContributions.storageKey }).from(documentContributions).where(eq(documentContributions.id, pending.id));
    const pendingKey = pendingRow!.key!;

    const exported = await asLeaving({ method: 'GET', url: '/api/me/export' });
    expect(exported.statusCode, exported.body).toBe(200);
    const proposals = exported.json().documents.proposals as { id: string; title: string; status: string; credit: string; licenceVersion: string; decisionMessage: string }[];
    expect(proposals.map((x) => [x.id, x.status])).toEqual([[approved.id, 'approved'], [pending.id, 'pending'], [declined.id, 'declined']]);
    expect(proposals[0]).toMatchObject({ credit: 'Photo : Léa Départ', licenceVersion: approved.licenceVersion });
    expect(proposals[2]!.decisionMessage).toBe('Floue');
    // Another person's proposals are not theirs to export.
    expect(proposals.some((x) => x.title === photo.title)).toBe(false);

    const erased = await asLeaving({ method: 'DELETE', url: '/api/me', payload: { password: leaving.password } });
    expect(erased.statusCode, erased.body).toBe(204);
    const left = await ctx.db.select({ id: documentContributions.id }).from(documentContributions).where(eq(documentContributions.proposedBy, leaving.id));
    expect(left.map((r) => r.id)).toEqual([approved.id]);
    const doc = (await asRestaurant({ method: 'GET', url: `/api/documents/${documentId}` })).json().document;
    expect(doc).toMatchObject({ credit: 'Photo : Léa Départ', status: 'published' });
    // The pending file goes after commit, by a job with a deterministic id; the approved one's file stays.
    const job = await ctx.queues.schedule.getJob(`documents-delete-${pendingKey.replaceAll('/', '-')}`);
    expect(job?.data).toEqual({ key: pendingKey });
    expect(await objectKeys()).toContain(pendingKey);
    const handler = handlers['documents.delete-object'] as JobHandler<'documents.delete-object'>;
    const run = () => handler({ key: pendingKey }, wctx, new Job(ctx.queues.schedule, 'documents.delete-object', { key: pendingKey }));
    expect(await run()).toEqual({ deleted: true });
    expect(await run()).toEqual({ deleted: false });
    expect(await objectKeys()).not.toContain(pendingKey);
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/${documentId}/download` })).statusCode).toBe(200);
    // A key still referred to is never deleted by the job.
    const [version] = await ctx.db.select({ key: documentVersions.storageKey }).from(documentVersions).where(eq(documentVersions.documentId, documentId));
    expect(await handler({ key: version!.key }, wctx, new Job(ctx.queues.schedule, 'documents.delete-object', { key: version!.key }))).toEqual({ deleted: false });
    expect(await objectKeys()).toContain(version!.key);
  });
});

describe('following a folder', () => {
  it('followers are told of a new document within their audience, once, when their preferences allow', async () => {
    for (const inject of [asCampsite, asRestaurant, asQuiet]) {
      const res = await inject({ method: 'PUT', url: `/api/documents/folders/${folderId}/follow` });
      expect(res.json()).toEqual({ folderId, following: true });
    }
    expect((await asCampsite({ method: 'PUT', url: `/api/documents/folders/${folderId}/follow` })).statusCode).toBe(200); // twice: one follow
    expect((await asCampsite({ method: 'GET', url: '/api/documents/follows' })).json()).toEqual({ folderIds: [folderId] });

    const form = uploadForm({ title: 'Règlement des campings 2027', folderId, status: 'published', audience: CAMPSITES }, { filename: 'reglement.pdf', data: await pdfWith(['Règlement']) });
    const created = await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers });
    expect(created.statusCode).toBe(201);
    const documentId = created.json().document.id;
    expect(await ctx.queues.schedule.getJob(`documents-followers-${documentId}`)).toBeTruthy();

    expect(await runFollowers(documentId)).toEqual({ queued: 1 });
    expect(await runFollowers(documentId)).toEqual({ queued: 0 });
    expect(await mailsFor('document-published', campsite.id)).toHaveLength(1);
    expect(await mailsFor('document-published', restaurant.id)).toHaveLength(0); // not in the audience
    expect(await mailsFor('document-published', quietPartner.id)).toHaveLength(0); // preferences off
    expect(await ctx.queues.mail.getJob(`mail-${(await mailsFor('document-published', campsite.id))[0]!.id}`)).toBeTruthy();
  });

  it('a draft published later tells followers then; unfollowing stops it; a hidden folder cannot be followed', async () => {
    expect((await asRestaurant({ method: 'DELETE', url: `/api/documents/folders/${folderId}/follow` })).json()).toEqual({ folderId, following: false });
    const form = uploadForm({ title: 'Carte des randonnées', folderId, audience: EVERYONE }, { filename: 'carte.pdf', data: await pdfWith(['Carte']) });
    const documentId = (await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers })).json().document.id;
    expect(await ctx.queues.schedule.getJob(`documents-followers-${documentId}`)).toBeFalsy();
    await asStaff({ method: 'PATCH', url: `/api/documents/${documentId}`, payload: { status: 'published' } });
    expect(await runFollowers(documentId)).toEqual({ queued: 1 });
    expect(await mailsFor('document-published', restaurant.id)).toHaveLength(0);
    const staffOnly = await asStaff({ method: 'POST', url: '/api/documents/folders', payload: { name: 'Réservé', audience: audienceOf('staff') } });
    expect((await asCampsite({ method: 'PUT', url: `/api/documents/folders/${staffOnly.json().id}/follow` })).statusCode).toBe(404);
  });
});

describe('library documents on training pages', () => {
  it('staff attach documents to a training and a session; partners see those of their audience; downloads still check it', async () => {
    const trainingId = await makeTraining(ctx, staff.id, { title: 'Accueil vélo' });
    const sessionId = await makeSession(ctx, trainingId, staff.id);
    const upload = async (title: string, audience: object) => {
      const form = uploadForm({ title, status: 'published', audience }, { filename: 'support.pdf', data: await pdfWith([title]) });
      return (await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers })).json().document.id as string;
    };
    const handout = await upload('Support de formation', EVERYONE);
    const sessionSheet = await upload('Fiche de la session', EVERYONE);
    const campOnly = await upload('Annexe campings', CAMPSITES);
    const attach = (documentId: string, sid?: string) => asStaff({ method: 'POST', url: `/api/trainings/${trainingId}/documents`, payload: { documentId, ...(sid ? { sessionId: sid } : {}) } });
    expect((await attach(handout)).statusCode).toBe(201);
    expect((await attach(sessionSheet, sessionId)).statusCode).toBe(201);
    expect((await attach(campOnly)).statusCode).toBe(201);
    expect((await attach(handout)).statusCode).toBe(409);
    const otherTraining = await makeTraining(ctx, staff.id);
    expect((await asStaff({ method: 'POST', url: `/api/trainings/${otherTraining}/documents`, payload: { documentId: handout, sessionId } })).statusCode).toBe(404);

    const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);
    expect(titles(await asStaff({ method: 'GET', url: `/api/trainings/${trainingId}/documents` }))).toEqual(['Support de formation', 'Fiche de la session', 'Annexe campings']);
    expect(titles(await asRestaurant({ method: 'GET', url: `/api/trainings/${trainingId}/documents` }))).toEqual(['Support de formation']);
    expect(titles(await asCampsite({ method: 'GET', url: `/api/trainings/${trainingId}/documents` }))).toEqual(['Support de formation', 'Annexe campings']);
    expect(titles(await asRestaurant({ method: 'GET', url: `/api/trainings/sessions/${sessionId}/documents` }))).toEqual(['Support de formation', 'Fiche de la session']);
    expect((await asRestaurant({ method: 'GET', url: `/api/documents/${campOnly}/download` })).statusCode).toBe(404);
    expect((await asCampsite({ method: 'GET', url: `/api/documents/${campOnly}/download` })).statusCode).toBe(200);

    const [first] = (await asStaff({ method: 'GET', url: `/api/trainings/${trainingId}/documents` })).json().items;
    expect((await asStaff({ method: 'DELETE', url: `/api/trainings/${trainingId}/documents/${first.id}` })).statusCode).toBe(204);
    expect(titles(await asRestaurant({ method: 'GET', url: `/api/trainings/${trainingId}/documents` }))).toEqual([]);
  });
});

// The preference read in SQL defaults to "yes" for accounts saved before the key existed.
describe('mail preference default', () => {
  it('an account whose stored preferences lack the documents key is mailed', async () => {
    const old = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId, emailPreferences: { newsletter: false, news: true, trainings: true } as never });
    const [row] = await ctx.db.select({ p: users.emailPreferences }).from(users).where(eq(users.id, old.id));
    expect(row!.p).not.toHaveProperty('documents');
    const c = (await propose(await injectAs(ctx, old), { ...photo, title: 'Ancienne préférence' })).json();
    await asStaff({ method: 'POST', url: `/api/documents/contributions/${c.id}/decline`, payload: { message: '' } });
    expect(await mailsFor('contribution-decided', old.id)).toHaveLength(1);
  });
});
