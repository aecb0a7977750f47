import newsRoutes from '../routes/news';
import newsCommentRoutes from '../routes/news-comments';
import newsSheetRoutes from '../routes/news-sheets';
import { defineServerFeature } from '../feature';
import { newsPersonalData } from '../services/news/personal-data';

/**
 * Network news and participation (issue 12): posts, feed, agenda, search,
 * categories and mail preferences (server/routes/news.ts); comments, reports
 * and reactions (news-comments.ts); experience sheets (news-sheets.ts).
 */
export const news = defineServerFeature({
  name: 'news',
  routes: [newsRoutes, newsCommentRoutes, newsSheetRoutes],
  personalData: newsPersonalData,
});
