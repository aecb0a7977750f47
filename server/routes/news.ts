import { createFeedTotals } from '../services/news/feed-totals';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { IdParams, NoContent, ProblemSchema } from '../schemas/common';
import { routeFile } from '../lib/route';
import {
  NewsAgendaQuery, NewsAgendaSchema, NewsCategoryCreateBody, NewsCategoryListSchema, NewsCategoryParams, NewsCategorySchema, NewsCategoryUpdateBody,
  NewsFeedQuery, NewsFeedSchema, NewsPostCreateBody, NewsPostDetailSchema, NewsPostPageSchema, NewsPostsQuery, NewsPostUpdateBody, NewsPreferencesBody,
  NewsPreferencesSchema, NewsPreviewQuery, NewsPreviewSchema, NewsReadAllBody, NewsReadAllSchema, NewsSearchQuery, NewsSearchSchema,
} from '../schemas/news';
import * as categories from '../services/news/categories';
import * as cover from '../services/news/cover';
import * as posts from '../services/news/posts';
import * as reading from '../services/news/reading';

/**
 * Network news (issue 12): posts with audiences, feed, agenda, search,
 * categories, mail preferences. Every partner read applies the audience
 * (db/queries/audience.ts); hidden and absent posts both answer 404.
 * Comments, reports, reactions and experience sheets: server/routes/news-participation.ts.
 *
 * Routes (schemas in server/schemas/news.ts):
 *   GET    /api/news/categories                 everyone signed in   NewsCategoryListSchema
 *   POST   /api/news/categories                 admin                NewsCategoryCreateBody -> NewsCategorySchema
 *   PATCH  /api/news/categories/:id             admin                NewsCategoryUpdateBody -> NewsCategorySchema
 *   DELETE /api/news/categories/:id             admin                204 (409 news.categoryInUse)
 *   GET    /api/news/feed                       signed in            NewsFeedQuery -> NewsFeedSchema (audience applied, pinned first)
 *   POST   /api/news/feed/read-all              signed in            NewsReadAllBody -> NewsReadAllSchema
 *   GET    /api/news/posts                      staff, admin         NewsPostsQuery -> NewsPostPageSchema (with readShare)
 *   POST   /api/news/posts                      staff, admin         NewsPostCreateBody -> NewsPostDetailSchema (201)
 *   GET    /api/news/posts/:id                  signed in            NewsPostDetailSchema (marks it read for the reader)
 *   PATCH  /api/news/posts/:id                  staff, admin         NewsPostUpdateBody -> NewsPostDetailSchema
 *   DELETE /api/news/posts/:id                  staff, admin         204
 *   GET    /api/news/posts/:id/preview          staff, admin         NewsPreviewQuery -> NewsPreviewSchema
 *   POST   /api/news/posts/:id/cover            staff, admin         multipart: alt, file -> NewsPostDetailSchema
 *   DELETE /api/news/posts/:id/cover            staff, admin         204
 *   GET    /api/news/posts/:id/cover            signed in            the image (audience applied)
 *   GET    /api/news/posts/:id/event.ics        signed in            text/calendar
 *   PUT    /api/news/posts/:id/mute             signed in            204 (DELETE: unmute)
 *   GET    /api/news/search                     signed in            NewsSearchQuery -> NewsSearchSchema
 *   GET    /api/news/agenda                     signed in            NewsAgendaQuery -> NewsAgendaSchema
 *   GET    /api/news/preferences                signed in            NewsPreferencesSchema
 *   PUT    /api/news/preferences                signed in            NewsPreferencesBody -> NewsPreferencesSchema
 */
export default async function newsRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, staff, admin } = routeFile(fastify, ['news']);
  const File = (description: string) => Type.String({ description });
  const feedTotals = createFeedTotals(app.db, app.changes);

  await app.register(multipart, { throwFileSizeLimit: true });

  // ---------- categories ----------

  app.get('/api/news/categories', route(anyone, 'Catégories des actualités', { 200: NewsCategoryListSchema }),
    async () => categories.categories(app));

  app.post('/api/news/categories', route(admin, 'Ajouter une catégorie', { 201: NewsCategorySchema }, { body: NewsCategoryCreateBody }),
    async (request, reply) => reply.code(201).send(await categories.create(app, request.body)));

  app.patch('/api/news/categories/:id', route(admin, 'Modifier une catégorie', { 200: NewsCategorySchema }, { params: NewsCategoryParams, body: NewsCategoryUpdateBody }),
    async (request) => categories.update(app, request.params.id, request.body));

  app.delete('/api/news/categories/:id', route(admin, 'Supprimer une catégorie inutilisée', { 204: NoContent }, { params: NewsCategoryParams }), async (request, reply) => {
    await categories.remove(app, request.params.id);
    return reply.code(204).send();
  });

  // ---------- feed ----------

  app.get('/api/news/feed', route(anyone, 'Fil d’actualités du lecteur (épinglées d’abord)', { 200: NewsFeedSchema }, { querystring: NewsFeedQuery }),
    async (request) => posts.feed(app, request.principal!, request.query, feedTotals));

  app.post('/api/news/feed/read-all', route(anyone, 'Tout marquer comme lu', { 200: NewsReadAllSchema }, { body: NewsReadAllBody }),
    async (request) => posts.readAll(app, request.principal!, request.body.categoryId));

  // ---------- posts ----------

  app.get('/api/news/posts', route(staff, 'Toutes les actualités (personnel)', { 200: NewsPostPageSchema }, { querystring: NewsPostsQuery }),
    async (request) => posts.staffList(app, request.principal!, request.query));

  app.post('/api/news/posts', route(staff, 'Rédiger une actualité', { 201: NewsPostDetailSchema }, { body: NewsPostCreateBody }),
    async (request, reply) => reply.code(201).send(await posts.createPost(app, request.principal!, request.body)));

  app.get('/api/news/posts/:id', route(anyone, 'Une actualité (la marque comme lue)', { 200: NewsPostDetailSchema }, { params: IdParams }),
    async (request) => posts.detail(app, request.principal!, request.params.id));

  app.patch('/api/news/posts/:id', route(staff, 'Modifier une actualité', { 200: NewsPostDetailSchema }, { params: IdParams, body: NewsPostUpdateBody }),
    async (request) => posts.updatePost(app, request.principal!, request.params.id, request.body));

  app.delete('/api/news/posts/:id', route(staff, 'Supprimer une actualité', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await posts.deletePost(app, request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/news/posts/:id/preview', route(staff, 'Aperçu comme un partenaire', { 200: NewsPreviewSchema }, { params: IdParams, querystring: NewsPreviewQuery }),
    async (request) => posts.preview(app, request.principal!, request.params.id, request.query.establishmentId));

  app.post('/api/news/posts/:id/cover', {
    ...route(staff, 'Image de couverture (multipart : alt, file)', { 200: NewsPostDetailSchema, 413: ProblemSchema, 415: ProblemSchema }, { params: IdParams }),
    // Uploads are multipart; the cross-site check of every write still applies (server/plugins/security.ts).
    config: { bodyTypes: ['multipart/form-data'] },
  }, async (request) => {
    await cover.uploadCover(app, request, request.params.id);
    return posts.detail(app, request.principal!, request.params.id, { markRead: false });
  });

  app.delete('/api/news/posts/:id/cover', route(staff, 'Retirer l’image de couverture', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await cover.removeCover(app, request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/news/posts/:id/cover', route(anyone, 'L’image de couverture', { 200: File('Image WebP') }, { params: IdParams }),
    async (request, reply) => cover.sendCover(app, request.principal!, request.params.id, reply));

  app.get('/api/news/posts/:id/event.ics', route(anyone, 'L’événement au format iCalendar', { 200: File('Fichier iCalendar') }, { params: IdParams }), async (request, reply) => {
    const file = await reading.eventIcs(app, request.principal!, request.params.id);
    return reply.header('content-type', file.type).header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'private, no-store').send(file.body);
  });

  app.put('/api/news/posts/:id/mute', route(anyone, 'Ne plus être prévenu des commentaires', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await reading.mute(app, request.principal!, request.params.id, true);
    return reply.code(204).send();
  });

  app.delete('/api/news/posts/:id/mute', route(anyone, 'Être de nouveau prévenu des commentaires', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await reading.mute(app, request.principal!, request.params.id, false);
    return reply.code(204).send();
  });

  // ---------- search, agenda, preferences ----------

  app.get('/api/news/search', route(anyone, 'Recherche dans les actualités et retours d’expérience', { 200: NewsSearchSchema }, { querystring: NewsSearchQuery }),
    async (request) => reading.search(app, request.principal!, request.query));

  app.get('/api/news/agenda', route(anyone, 'Agenda du réseau', { 200: NewsAgendaSchema }, { querystring: NewsAgendaQuery }),
    async (request) => reading.agenda(app, request.principal!, request.query));

  app.get('/api/news/preferences', route(anyone, 'Mes préférences d’e-mails des actualités', { 200: NewsPreferencesSchema }),
    async (request) => reading.preferences(app, request.principal!));

  app.put('/api/news/preferences', route(anyone, 'Changer mes préférences d’e-mails des actualités', { 200: NewsPreferencesSchema }, { body: NewsPreferencesBody }),
    async (request) => reading.savePreferences(app, request.principal!, request.body));
}
