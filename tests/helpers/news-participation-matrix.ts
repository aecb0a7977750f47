import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { newsCommentReports, newsSheets } from '../../db/schema';
import { newObjectKey } from '../../storage';
import type { TestContext, TestUser } from './app';
import { createCommentRow, createLivePost, createSheetRow, STAFF } from './news-participation';
import { signedIn, staffAndAdmin, staffAudience, type Row } from './matrix-rows';

/**
 * Role-matrix rows of news participation (comments, reports, reactions,
 * mutes, experience sheets), spread in tests/server/role-matrix.test.ts next
 * to `newsMatrixRows`. Callers run in order (anonymous, partner of E, partner
 * of F, staff, admin), so a row that consumes its fixture shows it.
 */

const fx = {
  post: '', staffPost: '', sheet: '', submittedSheet: '', reviewSheet: '',
  editComment: '', deleteComment: '', staffComment: '', report: '',
  submittedPhoto: '', publishedPhoto: '',
};

/** A photo stored and recorded on a sheet straight away (the upload itself: tests/server/news-sheet-photos.test.ts). */
async function addPhotoRow(ctx: TestContext, sheetId: string): Promise<string> {
  const key = newObjectKey('news-sheet-photos');
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 90, g: 140, b: 60 } } }).webp().toBuffer();
  await ctx.app.storage.put(key, Readable.from(data), { contentType: 'image/webp' });
  await ctx.db.update(newsSheets).set({ photos: [{ key, alt: 'Le potager', width: 40, height: 30 }] }).where(eq(newsSheets.id, sheetId));
  return key.split('/').pop()!;
}

export async function setupNewsParticipationMatrix(ctx: TestContext, who: { staff: TestUser; partner: TestUser }) {
  const e = who.partner.establishmentId!;
  fx.post = await createLivePost(ctx, { authorId: who.staff.id });
  fx.staffPost = await createLivePost(ctx, { audience: STAFF, title: 'Réunion interne' });
  fx.sheet = await createSheetRow(ctx, { establishmentId: e, authorId: who.partner.id, status: 'published' });
  fx.submittedSheet = await createSheetRow(ctx, { establishmentId: e, authorId: who.partner.id });
  fx.reviewSheet = await createSheetRow(ctx, { establishmentId: e, authorId: who.partner.id });
  fx.editComment = await createCommentRow(ctx, { postId: fx.post, authorId: who.partner.id });
  fx.deleteComment = await createCommentRow(ctx, { postId: fx.post, authorId: who.partner.id });
  fx.staffComment = await createCommentRow(ctx, { postId: fx.post, authorId: who.staff.id });
  const reported = await createCommentRow(ctx, { postId: fx.post, authorId: who.staff.id });
  const [r] = await ctx.db.insert(newsCommentReports).values({ commentId: reported, reporterId: who.partner.id, reason: 'Hors sujet' }).returning({ id: newsCommentReports.id });
  fx.report = r!.id;
  fx.submittedPhoto = await addPhotoRow(ctx, fx.submittedSheet);
  fx.publishedPhoto = await addPhotoRow(ctx, fx.sheet);
}

const comment = { body: 'Merci, nous y serons.' };
const sheetBody = { title: 'Accueil vélo', context: 'Beaucoup de cyclistes.', actions: 'Un abri et des outils.', result: 'Dix nuitées de plus.' };

export const newsParticipationMatrixRows: Row[] = [
  // A staff-only post: its comments are 404 for partners, as if absent.
  { method: 'GET', route: '/api/news/posts/:id/comments', request: () => ({ url: `/api/news/posts/${fx.staffPost}/comments` }), expect: staffAudience(200) },
  { method: 'POST', route: '/api/news/posts/:id/comments', request: () => ({ url: `/api/news/posts/${fx.post}/comments`, payload: comment }), expect: signedIn(201) },
  { method: 'GET', route: '/api/news/sheets/:id/comments', request: () => ({ url: `/api/news/sheets/${fx.sheet}/comments` }), expect: signedIn(200) },
  { method: 'POST', route: '/api/news/sheets/:id/comments', request: () => ({ url: `/api/news/sheets/${fx.sheet}/comments`, payload: comment }), expect: signedIn(201) },
  {
    method: 'PATCH', route: '/api/news/comments/:id', request: () => ({ url: `/api/news/comments/${fx.editComment}`, payload: comment }),
    expect: { anonymous: 401, partner: 200, otherPartner: 403, staff: 403, admin: 403 },
  },
  {
    method: 'DELETE', route: '/api/news/comments/:id', request: () => ({ url: `/api/news/comments/${fx.deleteComment}` }),
    expect: { anonymous: 401, partner: 204, otherPartner: 404, staff: 404, admin: 404 },
  },
  { method: 'POST', route: '/api/news/comments/:id/hide', request: () => ({ url: `/api/news/comments/${fx.staffComment}/hide`, payload: { reason: 'Propos hors sujet' } }), expect: staffAndAdmin(200) },
  { method: 'DELETE', route: '/api/news/comments/:id/hide', request: () => ({ url: `/api/news/comments/${fx.staffComment}/hide` }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/news/comments/hidden', expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/news/comments/:id/report', request: () => ({ url: `/api/news/comments/${fx.staffComment}/report`, payload: { reason: 'Hors sujet' } }), expect: signedIn(200) },
  { method: 'GET', route: '/api/news/reports', expect: staffAndAdmin(200) },
  {
    method: 'POST', route: '/api/news/reports/:id', request: () => ({ url: `/api/news/reports/${fx.report}`, payload: { decision: 'dismissed' } }),
    expect: { anonymous: 401, partner: 403, otherPartner: 403, staff: 200, admin: 409 },
  },
  { method: 'PUT', route: '/api/news/posts/:id/reaction', request: () => ({ url: `/api/news/posts/${fx.post}/reaction` }), expect: signedIn(200) },
  { method: 'DELETE', route: '/api/news/posts/:id/reaction', request: () => ({ url: `/api/news/posts/${fx.post}/reaction` }), expect: signedIn(200) },
  { method: 'PUT', route: '/api/news/comments/:id/reaction', request: () => ({ url: `/api/news/comments/${fx.editComment}/reaction` }), expect: signedIn(200) },
  { method: 'DELETE', route: '/api/news/comments/:id/reaction', request: () => ({ url: `/api/news/comments/${fx.editComment}/reaction` }), expect: signedIn(200) },
  { method: 'PUT', route: '/api/news/sheets/:id/reaction', request: () => ({ url: `/api/news/sheets/${fx.sheet}/reaction` }), expect: signedIn(200) },
  { method: 'DELETE', route: '/api/news/sheets/:id/reaction', request: () => ({ url: `/api/news/sheets/${fx.sheet}/reaction` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/news/sheets', expect: signedIn(200) },
  { method: 'POST', route: '/api/news/sheets', request: () => ({ payload: sheetBody }), expect: { anonymous: 401, partner: 201, otherPartner: 201, staff: 403, admin: 403 } },
  // Unpublished: its establishment (E) and staff only.
  { method: 'GET', route: '/api/news/sheets/:id', request: () => ({ url: `/api/news/sheets/${fx.submittedSheet}` }), expect: { anonymous: 401, partner: 200, otherPartner: 404, staff: 200, admin: 200 } },
  {
    method: 'PATCH', route: '/api/news/sheets/:id', request: () => ({ url: `/api/news/sheets/${fx.submittedSheet}`, payload: { result: 'Quinze nuitées de plus.' } }),
    expect: { anonymous: 401, partner: 200, otherPartner: 404, staff: 403, admin: 403 },
  },
  {
    method: 'POST', route: '/api/news/sheets/:id/review', request: () => ({ url: `/api/news/sheets/${fx.reviewSheet}/review`, payload: { decision: 'publish' } }),
    expect: { anonymous: 401, partner: 403, otherPartner: 403, staff: 200, admin: 409 },
  },
  // Not multipart: 415 once access is granted (the sheet is E's and still editable).
  { method: 'POST', route: '/api/news/sheets/:id/photos', request: () => ({ url: `/api/news/sheets/${fx.submittedSheet}/photos`, payload: {} }), expect: { anonymous: 401, partner: 415, otherPartner: 404, staff: 403, admin: 403 } },
  // In review: its establishment (E) and staff only.
  { method: 'GET', route: '/api/news/sheets/:id/photos/:photoId', request: () => ({ url: `/api/news/sheets/${fx.submittedSheet}/photos/${fx.submittedPhoto}` }), expect: { anonymous: 401, partner: 200, otherPartner: 404, staff: 200, admin: 200 } },
  // Published: no longer E's to change; staff remove it (then it is gone for admin).
  {
    method: 'DELETE', route: '/api/news/sheets/:id/photos/:photoId', request: () => ({ url: `/api/news/sheets/${fx.sheet}/photos/${fx.publishedPhoto}` }),
    expect: { anonymous: 401, partner: 409, otherPartner: 404, staff: 204, admin: 404 },
  },
];
