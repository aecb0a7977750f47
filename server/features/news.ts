import type { FastifyInstance } from 'fastify';
import newsRoutes from '../routes/news';
import newsCommentRoutes from '../routes/news-comments';
import newsSheetRoutes from '../routes/news-sheets';
import { defineServerFeature } from '../feature';
import { newsPersonalData } from '../services/news/personal-data';

/**
 * Network news and participation (issue 12): posts, feed, agenda, search,
 * categories and mail preferences (server/routes/news.ts); comments, reports,
 * reactions and experience sheets register their plugin here too
 * (server/routes/news-participation.ts).
 */
export const news = defineServerFeature({
  name: 'news',
  routes: async (app: FastifyInstance) => {
    await app.register(newsRoutes);
    await app.register(newsCommentRoutes);
    await app.register(newsSheetRoutes);
  },
  personalData: newsPersonalData,
});
