import { Job } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_LIMITS } from '../../common/news';
import { mailMessages, newsComments, newsPreferences } from '../../db/schema';
import { handlers } from '../../workers/handlers';
import type { JobHandler, WorkerContext } from '../../workers/jobs';
import { createWorkerContext } from '../../workers/main';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { createCommentRow, createLivePost, partnersOf } from '../helpers/news-participation';

/**
 * Comments, moderation, reports, reactions, mutes and the new-comment mail
 * on the real PostgreSQL and Redis: audience 404s (a campsite-only post is
 * absent for a restaurant partner), the edit window, hostile markup kept as
 * text, the rate limit, the queue, and the job run twice acting once.
 */

let ctx: TestContext;
let wctx: WorkerContext & { close(): Promise<void> };
let staff: TestUser;
let campsite: TestUser;
let campsite2: TestUser;
let restaurant: TestUser;
let asStaff: Injector;
let asCampsite: Injector;
let asCampsite2: Injector;
let asRestaurant: Injector;
let campsitePost: string;

const fr = { 'accept-language': 'fr-FR' };

function runNotify(commentId: string) {
  const handler = handlers['news.comment-notify'] as JobHandler<'news.comment-notify'>;
  return handler({ commentId }, wctx, new Job(ctx.queues.schedule, 'news.comment-notify', { commentId }));
}
const mailsOf = (commentId: string) =>
  ctx.db.select({ userId: mailMessages.userId }).from(mailMessages)
    .where(and(eq(mailMessages.template, 'news-comment'), sql`${mailMessages.params}->>'commentId' = ${commentId}`));

beforeAll(async () => {
  ctx = await createTestApp();
  wctx = createWorkerContext({ config: ctx.config, db: ctx.db, queues: ctx.queues, log: { info: () => {}, warn: () => {}, error: console.error } });
  staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
  const resto = await createEstablishment(ctx, { category: 'restauration', subcategory: 'restaurant', communeInsee: '34111' });
  campsite = await createUser(ctx, 'partner', { establishmentId: camping.id, name: 'Camille Camping' });
  campsite2 = await createUser(ctx, 'partner', { establishmentId: camping.id, name: 'Claude Camping' });
  restaurant = await createUser(ctx, 'partner', { establishmentId: resto.id });
  [asStaff, asCampsite, asCampsite2, asRestaurant] = await Promise.all([injectAs(ctx, staff), injectAs(ctx, campsite), injectAs(ctx, campsite2), injectAs(ctx, restaurant)]);
  campsitePost = await createLivePost(ctx, { audience: partnersOf([], ['camping']), authorId: staff.id, title: 'Réunion des campings' });
});
afterAll(async () => {
  await wctx?.close();
  await ctx?.close();
});

const post = (inject: Injector, postId: string, body: string) =>
  inject({ method: 'POST', url: `/api/news/posts/${postId}/comments`, payload: { body }, headers: fr });

describe('audience', () => {
  it('a restaurant partner gets 404 on every participation route of a campsite-only post, as if absent', async () => {
    const commentId = await createCommentRow(ctx, { postId: campsitePost, authorId: campsite.id });
    const calls = [
      { method: 'GET', url: `/api/news/posts/${campsitePost}/comments` },
      { method: 'POST', url: `/api/news/posts/${campsitePost}/comments`, payload: { body: 'Bonjour' } },
      { method: 'PUT', url: `/api/news/posts/${campsitePost}/reaction` },
      { method: 'PUT', url: `/api/news/posts/${campsitePost}/mute` },
      { method: 'PUT', url: `/api/news/comments/${commentId}/reaction` },
      { method: 'POST', url: `/api/news/comments/${commentId}/report`, payload: { reason: 'Spam' } },
    ] as const;
    for (const c of calls) {
      const res = await asRestaurant({ ...c, headers: fr });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(404);
    }
    const absent = await asRestaurant({ method: 'GET', url: `/api/news/posts/${crypto.randomUUID()}/comments`, headers: fr });
    expect(absent.json().detail).toBe((await asRestaurant({ method: 'GET', url: `/api/news/posts/${campsitePost}/comments`, headers: fr })).json().detail);
    expect((await asCampsite({ method: 'GET', url: `/api/news/posts/${campsitePost}/comments` })).statusCode).toBe(200);
  });
});

describe('comments', () => {
  it('keeps hostile HTML as plain text and names the author and establishment', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> voir https://example.org';
    const res = await post(asCampsite, campsitePost, hostile);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ body: hostile, mine: true, author: { name: 'Camille Camping', staff: false } });
    expect(res.json().author.establishmentName).toMatch(/Gîte du Test/);
    const list = await asStaff({ method: 'GET', url: `/api/news/posts/${campsitePost}/comments` });
    expect(list.json().items.some((c: { body: string }) => c.body === hostile)).toBe(true);
  });

  it('refuses a blank comment in French', async () => {
    const res = await post(asCampsite, campsitePost, '   ');
    expect(res.statusCode).toBe(400);
  });

  it('lets the author edit within 15 minutes, then refuses in French; others may not edit', async () => {
    const fresh = (await post(asCampsite, campsitePost, 'Première version')).json();
    expect(Date.parse(fresh.editableUntil) - Date.parse(fresh.createdAt)).toBe(NEWS_LIMITS.commentEditMinutes * 60_000);
    const edited = await asCampsite({ method: 'PATCH', url: `/api/news/comments/${fresh.id}`, payload: { body: 'Version corrigée' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Version corrigée' });
    expect(edited.json().editedAt).not.toBeNull();
    const other = await asCampsite2({ method: 'PATCH', url: `/api/news/comments/${fresh.id}`, payload: { body: 'Pirate' }, headers: fr });
    expect(other.statusCode).toBe(403);

    const old = await createCommentRow(ctx, { postId: campsitePost, authorId: campsite.id, createdAt: new Date(Date.now() - (NEWS_LIMITS.commentEditMinutes * 60_000 + 5_000)) });
    const late = await asCampsite({ method: 'PATCH', url: `/api/news/comments/${old}`, payload: { body: 'Trop tard' }, headers: fr });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Un commentaire ne peut plus être modifié 15 minutes après sa publication.');
    const [row] = await ctx.db.select({ body: newsComments.body }).from(newsComments).where(eq(newsComments.id, old));
    expect(row!.body).toBe('Merci pour l’information.');
    const listed = (await asCampsite({ method: 'GET', url: `/api/news/posts/${campsitePost}/comments?pageSize=50` })).json().items.find((c: { id: string }) => c.id === old);
    expect(listed.editableUntil).toBeNull();
  });

  it('lets the author delete (it leaves the list); others get 403', async () => {
    const c = (await post(asCampsite, campsitePost, 'À supprimer')).json();
    expect((await asCampsite2({ method: 'DELETE', url: `/api/news/comments/${c.id}` })).statusCode).toBe(403);
    expect((await asCampsite({ method: 'DELETE', url: `/api/news/comments/${c.id}` })).statusCode).toBe(204);
    const list = (await asStaff({ method: 'GET', url: `/api/news/posts/${campsitePost}/comments?pageSize=50` })).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await asCampsite({ method: 'DELETE', url: `/api/news/comments/${c.id}` })).statusCode).toBe(404);
  });

  it('staff hide with a reason: partners see it blanked, staff read it and the reason; the author can no longer edit', async () => {
    const c = (await post(asCampsite2, campsitePost, 'Propos déplacés')).json();
    const hidden = await asStaff({ method: 'POST', url: `/api/news/comments/${c.id}/hide`, payload: { reason: 'Propos injurieux' } });
    expect(hidden.json()).toMatchObject({ status: 'hidden', body: 'Propos déplacés', hiddenReason: 'Propos injurieux' });
    const seen = (await asCampsite({ method: 'GET', url: `/api/news/posts/${campsitePost}/comments?pageSize=50` })).json().items.find((x: { id: string }) => x.id === c.id);
    expect(seen).toMatchObject({ status: 'hidden', body: '' });
    expect(seen).not.toHaveProperty('hiddenReason');
    const edit = await asCampsite2({ method: 'PATCH', url: `/api/news/comments/${c.id}`, payload: { body: 'Autre' }, headers: fr });
    expect(edit.statusCode).toBe(409);
    const queue = (await asStaff({ method: 'GET', url: '/api/news/comments/hidden' })).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('counts « utile » once per person, and lets them withdraw it', async () => {
    const c = (await post(asStaff, campsitePost, 'Le programme est en ligne.')).json();
    const url = `/api/news/comments/${c.id}/reaction`;
    await asCampsite({ method: 'PUT', url });
    expect((await asCampsite({ method: 'PUT', url })).json()).toEqual({ count: 1, mine: true });
    expect((await asCampsite2({ method: 'PUT', url })).json()).toEqual({ count: 2, mine: true });
    expect((await asCampsite({ method: 'DELETE', url })).json()).toEqual({ count: 1, mine: false });
    expect((await asStaff({ method: 'PUT', url: `/api/news/posts/${campsitePost}/reaction` })).json()).toEqual({ count: 1, mine: true });
  });
});

describe('reports', () => {
  it('a partner reports a comment once; staff uphold (hides it) or dismiss from the queue', async () => {
    const a = (await post(asCampsite2, campsitePost, 'Publicité pour mon site')).json();
    const b = (await post(asCampsite2, campsitePost, 'Question sans rapport')).json();
    const r1 = await asCampsite({ method: 'POST', url: `/api/news/comments/${a.id}/report`, payload: { reason: 'Publicité' } });
    expect(r1.json()).toMatchObject({ reportedByMe: true });
    const again = await asCampsite({ method: 'POST', url: `/api/news/comments/${a.id}/report`, payload: { reason: 'Encore' }, headers: fr });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Vous avez déjà signalé ce commentaire.');
    await asCampsite({ method: 'POST', url: `/api/news/comments/${b.id}/report`, payload: { reason: 'Hors sujet' } });

    const queue = (await asStaff({ method: 'GET', url: '/api/news/reports' })).json();
    const ra = queue.items.find((r: { comment: { id: string } }) => r.comment.id === a.id);
    const rb = queue.items.find((r: { comment: { id: string } }) => r.comment.id === b.id);
    expect(ra).toMatchObject({ status: 'open', reason: 'Publicité', targetTitle: 'Réunion des campings', comment: { body: 'Publicité pour mon site' } });

    const upheld = await asStaff({ method: 'POST', url: `/api/news/reports/${ra.id}`, payload: { decision: 'upheld', reason: 'Publicité' } });
    expect(upheld.json()).toMatchObject({ status: 'upheld', comment: { status: 'hidden', hiddenReason: 'Publicité' } });
    const dismissed = await asStaff({ method: 'POST', url: `/api/news/reports/${rb.id}`, payload: { decision: 'dismissed' } });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', comment: { status: 'visible' } });
    expect((await asStaff({ method: 'POST', url: `/api/news/reports/${rb.id}`, payload: { decision: 'dismissed' } })).statusCode).toBe(409);

    const open = (await asStaff({ method: 'GET', url: '/api/news/reports' })).json().items.map((r: { id: string }) => r.id);
    expect(open).not.toContain(ra.id);
    expect(open).not.toContain(rb.id);
    const handled = (await asStaff({ method: 'GET', url: '/api/news/reports?status=upheld' })).json().items.map((r: { id: string }) => r.id);
    expect(handled).toContain(ra.id);
  });
});

describe('rate limit', () => {
  it(`refuses the comment after ${NEWS_LIMITS.commentRatePerWindow} in a window with a French 429 and Retry-After`, async () => {
    const hurried = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    const asHurried = await injectAs(ctx, hurried);
    for (let i = 0; i < NEWS_LIMITS.commentRatePerWindow; i++) expect((await post(asHurried, campsitePost, `Message ${i}`)).statusCode).toBe(201);
    const res = await post(asHurried, campsitePost, 'Un de trop');
    expect(res.statusCode).toBe(429);
    expect(res.json().detail).toBe('Vous commentez trop vite\u00a0: patientez un instant avant de publier un nouveau commentaire.');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else is not slowed down.
    expect((await post(asCampsite2, campsitePost, 'Moi je peux')).statusCode).toBe(201);
  });
});

describe('new-comment mail', () => {
  it('tells the post author and earlier commenters once, not the commenter, not those who muted or refuse news mail; the job id is deterministic', async () => {
    const author = await createUser(ctx, 'staff');
    const muter = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    const noMail = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    const weekly = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    const newcomer = await createUser(ctx, 'partner', { establishmentId: campsite.establishmentId });
    await ctx.db.insert(newsPreferences).values([{ userId: noMail.id, frequency: 'none' }, { userId: weekly.id, frequency: 'weekly' }]);
    const postId = await createLivePost(ctx, { audience: partnersOf([], ['camping']), authorId: author.id, title: 'Fête de la transhumance' });
    for (const u of [muter, noMail, weekly]) await createCommentRow(ctx, { postId, authorId: u.id, createdAt: new Date(Date.now() - 60_000) });
    expect((await (await injectAs(ctx, muter))({ method: 'PUT', url: `/api/news/posts/${postId}/mute` })).statusCode).toBe(204);

    const res = await post(await injectAs(ctx, newcomer), postId, 'Nous participerons !');
    const commentId = res.json().id as string;
    expect(await ctx.queues.schedule.getJob(`news-comment-${commentId}`)).toBeTruthy();

    const first = await runNotify(commentId);
    const second = await runNotify(commentId);
    expect(first).toEqual({ queued: 2 });
    expect(second).toEqual({ queued: 0 });
    const to = (await mailsOf(commentId)).map((m) => m.userId).sort();
    expect(to).toEqual([author.id, weekly.id].sort());

    // Unmuted, the next comment reaches them again.
    await (await injectAs(ctx, muter))({ method: 'DELETE', url: `/api/news/posts/${postId}/mute` });
    const next = await createCommentRow(ctx, { postId, authorId: weekly.id });
    await runNotify(next);
    expect((await mailsOf(next)).map((m) => m.userId)).toContain(muter.id);
  });
});
