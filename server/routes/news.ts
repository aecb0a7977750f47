import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../schemas/common';
import { NewsCategoryListSchema } from '../schemas/news';
import * as categories from '../services/news/categories';

const tags = ['news'];

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
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const anyone = app.requireUser;

  // ---------- categories ----------

  app.get('/api/news/categories', {
    preHandler: anyone,
    schema: { tags, summary: 'Catégories des actualités', response: { 200: NewsCategoryListSchema, ...problemResponses } },
  }, async () => categories.categories(app));
}
