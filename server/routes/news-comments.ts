import type { FastifyInstance } from 'fastify';
import { IdParams, NoContent } from '../schemas/common';
import { routeFile } from '../lib/route';
import {
  NewsCommentBody, NewsCommentPageSchema, NewsCommentSchema, NewsCommentsQuery, NewsHandleReportBody, NewsHideCommentBody,
  NewsReactionSummarySchema, NewsReportBody, NewsReportPageSchema, NewsReportSchema, NewsReportsQuery,
} from '../schemas/news';
import * as comments from '../services/news-participation/comments';

/**
 * Participation in the news (issue 12, item 4): comments, reports, « utile »
 * reactions and mutes. A partner acts only on what they may see (the post's
 * audience: 404 otherwise, as if absent); staff moderate.
 *
 *   GET    /api/news/posts/:id/comments        signed in     NewsCommentsQuery -> NewsCommentPageSchema
 *   POST   /api/news/posts/:id/comments        signed in     NewsCommentBody -> NewsCommentSchema (201; 429 news.commentRateLimited)
 *   GET    /api/news/sheets/:id/comments       signed in     the same, on a published sheet
 *   POST   /api/news/sheets/:id/comments       signed in
 *   PATCH  /api/news/comments/:id              signed in     NewsCommentBody (own, within 15 minutes)
 *   DELETE /api/news/comments/:id              signed in     204 (own)
 *   POST   /api/news/comments/:id/hide         staff, admin  NewsHideCommentBody -> NewsCommentSchema
 *   DELETE /api/news/comments/:id/hide         staff, admin  -> NewsCommentSchema (shown again)
 *   GET    /api/news/comments/hidden           staff, admin  NewsCommentsQuery -> NewsCommentPageSchema
 *   POST   /api/news/comments/:id/report       signed in     NewsReportBody -> NewsCommentSchema (409 news.reportExists)
 *   GET    /api/news/reports                   staff, admin  NewsReportsQuery -> NewsReportPageSchema
 *   POST   /api/news/reports/:id               staff, admin  NewsHandleReportBody -> NewsReportSchema
 *   PUT    /api/news/{posts,comments,sheets}/:id/reaction   signed in  -> NewsReactionSummarySchema (DELETE: withdraw)
 *   PUT    /api/news/posts/:id/mute            signed in     204 (DELETE: unmute)
 */
export default async function newsCommentRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, staff } = routeFile(fastify, ['news']);

  for (const kind of ['post', 'sheet'] as const) {
    const base = `/api/news/${kind}s/:id/comments`;
    app.get(base, route(anyone, kind === 'post' ? 'Commentaires d’une actualité' : 'Commentaires d’un retour d’expérience', { 200: NewsCommentPageSchema }, { params: IdParams, querystring: NewsCommentsQuery }),
      async (request) => comments.listComments(app, request.principal!, { kind, id: request.params.id }, request.query));

    app.post(base, route(anyone, 'Commente', { 201: NewsCommentSchema }, { params: IdParams, body: NewsCommentBody }),
      async (request, reply) => reply.code(201).send(await comments.postComment(app, request.principal!, { kind, id: request.params.id }, request.body.body, reply)));
  }

  app.get('/api/news/comments/hidden', route(staff, 'Commentaires masqués (modération)', { 200: NewsCommentPageSchema }, { querystring: NewsCommentsQuery }),
    async (request) => comments.hiddenComments(app, request.principal!, request.query));

  app.patch('/api/news/comments/:id', route(anyone, 'Modifie mon commentaire (15 minutes)', { 200: NewsCommentSchema }, { params: IdParams, body: NewsCommentBody }),
    async (request) => comments.editComment(app, request.principal!, request.params.id, request.body.body));

  app.delete('/api/news/comments/:id', route(anyone, 'Supprime mon commentaire', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await comments.deleteComment(app, request.principal!, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/news/comments/:id/hide', route(staff, 'Masque un commentaire (avec un motif)', { 200: NewsCommentSchema }, { params: IdParams, body: NewsHideCommentBody }),
    async (request) => comments.hideComment(app, request.principal!, request.params.id, request.body.reason));

  app.delete('/api/news/comments/:id/hide', route(staff, 'Rétablit un commentaire masqué', { 200: NewsCommentSchema }, { params: IdParams }),
    async (request) => comments.unhideComment(app, request.principal!, request.params.id));

  app.post('/api/news/comments/:id/report', route(anyone, 'Signale un commentaire (une fois)', { 200: NewsCommentSchema }, { params: IdParams, body: NewsReportBody }),
    async (request) => comments.reportComment(app, request.principal!, request.params.id, request.body.reason));

  app.get('/api/news/reports', route(staff, 'File des signalements', { 200: NewsReportPageSchema }, { querystring: NewsReportsQuery }),
    async (request) => comments.reports(app, request.principal!, request.query));

  app.post('/api/news/reports/:id', route(staff, 'Traite un signalement (masquer ou classer)', { 200: NewsReportSchema }, { params: IdParams, body: NewsHandleReportBody }),
    async (request) => comments.handleReport(app, request.principal!, request.params.id, request.body));

  for (const kind of ['post', 'comment', 'sheet'] as const) {
    const url = `/api/news/${kind}s/:id/reaction`;
    app.put(url, route(anyone, '« Utile »', { 200: NewsReactionSummarySchema }, { params: IdParams }),
      async (request) => comments.react(app, request.principal!, kind, request.params.id, true));
    app.delete(url, route(anyone, 'Retire mon « utile »', { 200: NewsReactionSummarySchema }, { params: IdParams }),
      async (request) => comments.react(app, request.principal!, kind, request.params.id, false));
  }
}
