import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { IdParams, NoContent, ProblemSchema } from '../schemas/common';
import { routeFile } from '../lib/route';
import { NewsSheetBody, NewsSheetPhotoParams, NewsSheetPageSchema, NewsSheetReviewBody, NewsSheetSchema, NewsSheetsQuery, NewsSheetUpdateBody } from '../schemas/news';
import * as sheets from '../services/news-participation/sheets';

/**
 * Experience sheets (« retours d'expérience », issue 12 item 5). Comments
 * and reactions on them: server/routes/news-comments.ts.
 *
 *   GET    /api/news/sheets             signed in     NewsSheetsQuery -> NewsSheetPageSchema (partners: published, or `mine`)
 *   POST   /api/news/sheets             partner       NewsSheetBody -> NewsSheetSchema (201)
 *   GET    /api/news/sheets/:id         signed in     NewsSheetSchema (unpublished: its establishment and staff only)
 *   PATCH  /api/news/sheets/:id         partner       NewsSheetUpdateBody -> NewsSheetSchema (submitted or returned: resubmits)
 *   POST   /api/news/sheets/:id/review  staff, admin  NewsSheetReviewBody -> NewsSheetSchema
 *   POST   /api/news/sheets/:id/photos            partner    multipart: alt, file -> NewsSheetSchema (while editable, 6 at most)
 *   GET    /api/news/sheets/:id/photos/:photoId   signed in  the WebP image (who may read the sheet)
 *   DELETE /api/news/sheets/:id/photos/:photoId   partner (while editable), staff, admin  204 (the stored file too)
 */
export default async function newsSheetRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, partner, staff } = routeFile(fastify, ['news']);

  await app.register(multipart, { throwFileSizeLimit: true });

  app.get('/api/news/sheets', route(anyone, 'Retours d’expérience', { 200: NewsSheetPageSchema }, { querystring: NewsSheetsQuery }),
    async (request) => sheets.sheets(app, request.principal!, request.query));

  app.post('/api/news/sheets', route(partner, 'Propose un retour d’expérience', { 201: NewsSheetSchema }, { body: NewsSheetBody }),
    async (request, reply) => reply.code(201).send(await sheets.submitSheet(app, request.principal!, request.body)));

  app.get('/api/news/sheets/:id', route(anyone, 'Un retour d’expérience', { 200: NewsSheetSchema }, { params: IdParams }),
    async (request) => sheets.sheet(app, request.principal!, request.params.id));

  app.patch('/api/news/sheets/:id', route(partner, 'Modifie et renvoie un retour d’expérience', { 200: NewsSheetSchema }, { params: IdParams, body: NewsSheetUpdateBody }),
    async (request) => sheets.updateSheet(app, request.principal!, request.params.id, request.body));

  app.post('/api/news/sheets/:id/review', route(staff, 'Publie, renvoie ou refuse un retour d’expérience', { 200: NewsSheetSchema }, { params: IdParams, body: NewsSheetReviewBody }),
    async (request) => sheets.reviewSheet(app, request.principal!, request.params.id, request.body));

  app.post('/api/news/sheets/:id/photos', {
    ...route(partner, 'Ajoute une photo (multipart : alt, file)', { 200: NewsSheetSchema, 413: ProblemSchema, 415: ProblemSchema }, { params: IdParams }),
    // Uploads are multipart; the cross-site check of every write still applies (server/plugins/security.ts).
    config: { bodyTypes: ['multipart/form-data'] },
  }, async (request) => sheets.addPhoto(app, request.principal!, request, request.params.id));

  app.get('/api/news/sheets/:id/photos/:photoId', route(anyone, 'Une photo d’un retour d’expérience', { 200: Type.String({ description: 'Image WebP' }) }, { params: NewsSheetPhotoParams }),
    async (request, reply) => sheets.sendPhoto(app, request.principal!, request.params.id, request.params.photoId, reply));

  app.delete('/api/news/sheets/:id/photos/:photoId', route(anyone, 'Retire une photo', { 204: NoContent }, { params: NewsSheetPhotoParams }), async (request, reply) => {
    await sheets.removePhoto(app, request.principal!, request.params.id, request.params.photoId);
    return reply.code(204).send();
  });
}
