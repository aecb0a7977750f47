import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, problemResponses } from '../schemas/common';
import { routeOptions } from '../lib/route';
import { NewsSheetBody, NewsSheetPageSchema, NewsSheetReviewBody, NewsSheetSchema, NewsSheetsQuery, NewsSheetUpdateBody } from '../schemas/news';
import * as sheets from '../services/news-participation/sheets';

const tags = ['news'];
const route = routeOptions(tags);

/**
 * Experience sheets (« retours d'expérience », issue 12 item 5). Comments
 * and reactions on them: server/routes/news-comments.ts.
 *
 *   GET    /api/news/sheets             signed in     NewsSheetsQuery -> NewsSheetPageSchema (partners: published, or `mine`)
 *   POST   /api/news/sheets             partner       NewsSheetBody -> NewsSheetSchema (201)
 *   GET    /api/news/sheets/:id         signed in     NewsSheetSchema (unpublished: its establishment and staff only)
 *   PATCH  /api/news/sheets/:id         partner       NewsSheetUpdateBody -> NewsSheetSchema (submitted or returned: resubmits)
 *   POST   /api/news/sheets/:id/review  staff, admin  NewsSheetReviewBody -> NewsSheetSchema
 */
export default async function newsSheetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const anyone = app.requireUser;

  app.get('/api/news/sheets', route(anyone, 'Retours d’expérience', { 200: NewsSheetPageSchema }, { querystring: NewsSheetsQuery }),
    async (request) => sheets.sheets(app, request.principal!, request.query));

  app.post('/api/news/sheets', {
    preHandler: app.requireRole('partner'),
    schema: { tags, summary: 'Propose un retour d’expérience', body: NewsSheetBody, response: { 201: NewsSheetSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await sheets.submitSheet(app, request.principal!, request.body)));

  app.get('/api/news/sheets/:id', route(anyone, 'Un retour d’expérience', { 200: NewsSheetSchema }, { params: IdParams }),
    async (request) => sheets.sheet(app, request.principal!, request.params.id));

  app.patch('/api/news/sheets/:id', {
    preHandler: app.requireRole('partner'),
    schema: { tags, summary: 'Modifie et renvoie un retour d’expérience', params: IdParams, body: NewsSheetUpdateBody, response: { 200: NewsSheetSchema, ...problemResponses } },
  }, async (request) => sheets.updateSheet(app, request.principal!, request.params.id, request.body));

  app.post('/api/news/sheets/:id/review', {
    preHandler: app.requireRole('staff', 'admin'),
    schema: { tags, summary: 'Publie, renvoie ou refuse un retour d’expérience', params: IdParams, body: NewsSheetReviewBody, response: { 200: NewsSheetSchema, ...problemResponses } },
  }, async (request) => sheets.reviewSheet(app, request.principal!, request.params.id, request.body));
}
