import { eq, or, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  newsCommentReports, newsComments, newsDigestSends, newsMutes, newsPosts, newsPreferences, newsReactions, newsReads, newsSheets,
} from '../../db/schema';
import { TEST_PASSWORD, createEstablishment, createUser, injectAs } from '../helpers/app';
import { testAppOfFile } from '../helpers/file-app';
import { createCommentRow, createLivePost, createSheetRow } from '../helpers/news-participation';

/**
 * RGPD, news part, through the api (/api/me/export, DELETE /api/me): the
 * export lists the person's comments, sheets, read marks, mail preferences,
 * mutes, reactions, reports made and digests; erasure removes their comments
 * (and what hangs on them) and every per-person row, keeps their sheets and
 * posts without an author, and leaves other people's data alone.
 */

const ctx = testAppOfFile();

async function leaverWithNews() {
  const staff = await createUser(ctx, 'staff');
  const camping = await createEstablishment(ctx, { name: 'Camping des Cigales', category: 'hebergement', subcategory: 'camping' });
  const leaving = await createUser(ctx, 'partner', { name: 'Hélène Départ', establishmentId: camping.id });
  const other = await createUser(ctx, 'partner', { name: 'Marc Reste' });
  const postId = await createLivePost(ctx, { title: 'Fête de la châtaigne', authorId: staff.id });
  const sheetId = await createSheetRow(ctx, { establishmentId: camping.id, authorId: leaving.id, status: 'published', title: 'Accueil vélo au camping' });
  const mine = await createCommentRow(ctx, { postId, authorId: leaving.id, body: 'Nous y serons avec notre stand, Hélène du camping des Cigales.' });
  const theirs = await createCommentRow(ctx, { postId, authorId: other.id, body: 'Très bonne idée.' });
  const asLeaving = await injectAs(ctx, leaving);
  const asOther = await injectAs(ctx, other);
  expect((await asLeaving({ method: 'GET', url: `/api/news/posts/${postId}` })).statusCode).toBe(200); // read mark
  expect((await asLeaving({ method: 'PUT', url: '/api/news/preferences', payload: { frequency: 'weekly', quietFromMonth: 7, quietToMonth: 8 } })).statusCode).toBe(200);
  expect((await asLeaving({ method: 'PUT', url: `/api/news/posts/${postId}/mute` })).statusCode).toBe(204);
  expect((await asLeaving({ method: 'PUT', url: `/api/news/comments/${theirs}/reaction` })).statusCode).toBe(200);
  expect((await asLeaving({ method: 'POST', url: `/api/news/comments/${theirs}/report`, payload: { reason: 'Publicité déguisée' } })).statusCode).toBe(200);
  // Someone else reacts to and reports the leaver's comment: those go with it.
  expect((await asOther({ method: 'PUT', url: `/api/news/comments/${mine}/reaction` })).statusCode).toBe(200);
  expect((await asOther({ method: 'POST', url: `/api/news/comments/${mine}/report`, payload: { reason: 'Hors sujet' } })).statusCode).toBe(200);
  await ctx.db.insert(newsDigestSends).values({ userId: leaving.id, isoWeek: '2026-W48', postCount: 3 });
  return { staff, leaving, other, postId, sheetId, mine, theirs, asLeaving, asOther };
}

describe('news personal data', () => {
  it('the export holds comments, sheets, read marks, mail preferences, mutes, reactions, reports made and digests', async () => {
    const p = await leaverWithNews();
    const res = await p.asLeaving({ method: 'GET', url: '/api/me/export' });
    expect(res.statusCode, res.body).toBe(200);
    const news = JSON.parse(res.body).news;
    expect(news.mailPreferences).toMatchObject({ frequency: 'weekly', quietFromMonth: 7, quietToMonth: 8 });
    expect(news.comments).toEqual([expect.objectContaining({ id: p.mine, postId: p.postId, on: 'Fête de la châtaigne', body: expect.stringContaining('Hélène'), status: 'visible' })]);
    expect(news.sheets).toEqual([expect.objectContaining({ id: p.sheetId, title: 'Accueil vélo au camping', establishment: 'Camping des Cigales', status: 'published' })]);
    expect(news.reads).toEqual([expect.objectContaining({ postId: p.postId, title: 'Fête de la châtaigne', readAt: expect.any(String) })]);
    expect(news.mutedPosts).toEqual([expect.objectContaining({ postId: p.postId })]);
    expect(news.reactions).toEqual([expect.objectContaining({ commentId: p.theirs })]);
    expect(news.reportsMade).toEqual([expect.objectContaining({ commentId: p.theirs, reason: 'Publicité déguisée', status: 'open' })]);
    expect(news.digests).toEqual([expect.objectContaining({ isoWeek: '2026-W48', postCount: 3 })]);
    expect(news.postsWritten).toEqual([]);
    // The other person's comment is not theirs to export.
    expect(JSON.stringify(news)).not.toContain('Très bonne idée');
  });

  it('erasure removes the comments and every per-person row, keeps sheets and posts without their author, and spares the others', async () => {
    const p = await leaverWithNews();
    expect((await p.asLeaving({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } })).statusCode).toBe(204);
    const id = p.leaving.id;
    expect(await ctx.db.select().from(newsComments).where(eq(newsComments.authorId, id))).toEqual([]);
    expect(await ctx.db.select().from(newsComments).where(eq(newsComments.id, p.mine))).toEqual([]);
    // Reactions to and reports on the removed comment went with it; the leaver's own reaction and report went too.
    expect(await ctx.db.select().from(newsReactions).where(or(eq(newsReactions.userId, id), eq(newsReactions.commentId, p.mine)))).toEqual([]);
    expect(await ctx.db.select().from(newsCommentReports).where(or(eq(newsCommentReports.reporterId, id), eq(newsCommentReports.commentId, p.mine)))).toEqual([]);
    expect(await ctx.db.select().from(newsReads).where(eq(newsReads.userId, id))).toEqual([]);
    expect(await ctx.db.select().from(newsPreferences).where(eq(newsPreferences.userId, id))).toEqual([]);
    expect(await ctx.db.select().from(newsMutes).where(eq(newsMutes.userId, id))).toEqual([]);
    expect(await ctx.db.select().from(newsDigestSends).where(eq(newsDigestSends.userId, id))).toEqual([]);
    const [sheet] = await ctx.db.select({ authorId: newsSheets.authorId, status: newsSheets.status }).from(newsSheets).where(eq(newsSheets.id, p.sheetId));
    expect(sheet).toEqual({ authorId: null, status: 'published' });
    expect(await ctx.db.select().from(newsSheets).where(eq(newsSheets.authorId, id))).toEqual([]);
    // Nothing else of them anywhere in the news tables, in any column.
    for (const table of ['news_posts', 'news_sheets', 'news_comments', 'news_comment_reports', 'news_reactions', 'news_reads', 'news_mutes', 'news_preferences', 'news_digest_sends']) {
      const rows = (await ctx.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text like ${`%${id}%`}`)) as unknown as { n: number }[];
      expect(rows[0]!.n, table).toBe(0);
    }
    // The other person's comment, and the post, stay.
    expect(await ctx.db.select({ id: newsComments.id }).from(newsComments).where(eq(newsComments.id, p.theirs))).toHaveLength(1);
    expect(await ctx.db.select({ id: newsPosts.id }).from(newsPosts).where(eq(newsPosts.id, p.postId))).toHaveLength(1);
  });

  it('erasing a member of staff keeps their posts as the office’s, without the author', async () => {
    const writer = await createUser(ctx, 'staff');
    const postId = await createLivePost(ctx, { title: 'Calendrier de la taxe de séjour', authorId: writer.id });
    const asWriter = await injectAs(ctx, writer);
    const exported = JSON.parse((await asWriter({ method: 'GET', url: '/api/me/export' })).body);
    expect(exported.news.postsWritten).toEqual([expect.objectContaining({ id: postId, title: 'Calendrier de la taxe de séjour' })]);
    expect((await asWriter({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } })).statusCode).toBe(204);
    const [post] = await ctx.db.select({ authorId: newsPosts.authorId, title: newsPosts.title }).from(newsPosts).where(eq(newsPosts.id, postId));
    expect(post).toEqual({ authorId: null, title: 'Calendrier de la taxe de séjour' });
  });
});
