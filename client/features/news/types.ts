/** Types of the news api (server/schemas/news.ts, types only) and the value lists the pages use (common/news.ts). */
export type {
  NewsAgenda, NewsAgendaItem, NewsAttachment, NewsCategory, NewsCategoryCreateBody, NewsCategoryUpdateBody, NewsCover, NewsEvent,
  NewsEventInput, NewsFeed, NewsPlace, NewsPlaceInput, NewsPostCreateBody, NewsPostDetail, NewsPostListItem, NewsPostPage, NewsPostState,
  NewsPostUpdateBody, NewsPreferences, NewsPreferencesBody, NewsPreview, NewsReadShare, NewsSearchHit, NewsSearchResult, NewsSnippet,
} from '../../../server/schemas/news';
export {
  NEWS_LIMITS, NEWS_MAIL_FREQUENCIES, NEWS_MAX_PINNED, NEWS_PLACE_KINDS, NEWS_POST_STATES, type NewsMailFrequency, type NewsPlaceKind,
} from '../../../common/news';
