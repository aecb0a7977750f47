import { Type, type Static } from 'typebox';
import { AudienceSchema } from './audience';
import { DateTime, MULTILINE, OneOf, Uuid } from './common';
import { placeInputFields, placeShownFields } from './places';
import { SEARCH_MAX_LENGTH } from '../../common/limits';
import {
  NEWS_COMMENT_STATUSES, NEWS_LIMITS as L, NEWS_POST_STATES, NEWS_MAIL_FREQUENCIES, NEWS_PLACE_KINDS, NEWS_POST_STATUSES, NEWS_REPORT_STATUSES, NEWS_SHEET_STATUSES,
} from '../../common/news';

/**
 * Network news and participation API schemas (issue 12), for the whole
 * feature: posts, feed, agenda, search, categories, preferences (the news
 * server core) AND comments, reports, reactions and experience sheets (the
 * participation routes). The client imports the `Static` types (import type only).
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** One line of text, not blank. */
const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) });
/** The same, on several lines. */
const Lines = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}), ...MULTILINE });
export const CategoryId = Type.String({ minLength: 1, maxLength: L.categoryId, pattern: '^[a-z0-9-]+$' });
const Month = Type.Integer({ minimum: 1, maximum: 12 });
const Person = Type.Object({ id: Uuid, name: Type.String() });
const Page = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: L.pageSizeMax, default: L.pageSize })),
};
const PageOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const NewsPostStatusSchema = OneOf(NEWS_POST_STATUSES);
export const NewsPlaceKindSchema = OneOf(NEWS_PLACE_KINDS);
export const NewsMailFrequencySchema = OneOf(NEWS_MAIL_FREQUENCIES);
export const NewsCommentStatusSchema = OneOf(NEWS_COMMENT_STATUSES);
export const NewsReportStatusSchema = OneOf(NEWS_REPORT_STATUSES);
export const NewsSheetStatusSchema = OneOf(NEWS_SHEET_STATUSES);
export const NewsPostStateSchema = OneOf(NEWS_POST_STATES);
export type NewsPostState = Static<typeof NewsPostStateSchema>;

/** Highlighted passages of a search hit: plain segments, never HTML (the client marks the `mark` ones). */
export const NewsSnippetSchema = Type.Array(Type.Object({ text: Type.String(), mark: Type.Boolean() }));
export type NewsSnippet = Static<typeof NewsSnippetSchema>;

// ---------- categories ----------

export const NewsCategorySchema = Type.Object({
  id: Type.String(),
  labelFr: Type.String(),
  labelEn: Type.String(),
  position: Type.Integer(),
  /** Posts filed under it (a category in use cannot be deleted). */
  postCount: Type.Integer(),
});
export type NewsCategory = Static<typeof NewsCategorySchema>;
export const NewsCategoryListSchema = Type.Object({ items: Type.Array(NewsCategorySchema) });

export const NewsCategoryCreateBody = Type.Object(
  { id: CategoryId, labelFr: Str(L.categoryLabel), labelEn: Str(L.categoryLabel), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false },
);
export type NewsCategoryCreateBody = Static<typeof NewsCategoryCreateBody>;
export const NewsCategoryUpdateBody = Type.Object(
  { labelFr: Type.Optional(Str(L.categoryLabel)), labelEn: Type.Optional(Str(L.categoryLabel)), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type NewsCategoryUpdateBody = Static<typeof NewsCategoryUpdateBody>;
export const NewsCategoryParams = Type.Object({ id: CategoryId }, { additionalProperties: false });

// ---------- events and places ----------

export const NewsPlaceSchema = Type.Object({ kind: NewsPlaceKindSchema, ...placeShownFields, postalCode: Nullable(Type.String()) });
export type NewsPlace = Static<typeof NewsPlaceSchema>;

export const NewsEventSchema = Type.Object({
  start: Type.String(),
  /** Null: a moment, not a range. */
  end: Nullable(Type.String()),
  /** Null: no place given. */
  place: Nullable(NewsPlaceSchema),
});
export type NewsEvent = Static<typeof NewsEventSchema>;

export const NewsPlaceInput = Type.Object({ kind: NewsPlaceKindSchema, ...placeInputFields(L) }, { additionalProperties: false });
export type NewsPlaceInput = Static<typeof NewsPlaceInput>;

export const NewsEventInput = Type.Object(
  { start: DateTime, end: Type.Optional(Nullable(DateTime)), place: Type.Optional(Nullable(NewsPlaceInput)) },
  { additionalProperties: false },
);
export type NewsEventInput = Static<typeof NewsEventInput>;

// ---------- posts ----------

export const NewsCoverSchema = Type.Object({
  /** The resized image, served by GET /api/news/posts/:id/cover (audience checked). */
  url: Type.String(),
  alt: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
});
export type NewsCover = Static<typeof NewsCoverSchema>;

/** Share of a post's audience that opened it (staff only). `audienceSize` counts active partners the audience includes. */
export const NewsReadShareSchema = Type.Object({ readers: Type.Integer(), audienceSize: Type.Integer(), share: Type.Number() });
export type NewsReadShare = Static<typeof NewsReadShareSchema>;

const postListFields = {
  id: Uuid,
  title: Type.String(),
  summary: Type.String(),
  categoryId: Type.String(),
  status: NewsPostStatusSchema,
  state: NewsPostStateSchema,
  publishAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  pinnedUntil: Nullable(Type.String()),
  /** Pinned now (pinnedUntil in the future): shown first. */
  pinned: Type.Boolean(),
  important: Type.Boolean(),
  cover: Nullable(NewsCoverSchema),
  event: Nullable(NewsEventSchema),
  author: Nullable(Person),
  /** Not yet opened by the reader. */
  unread: Type.Boolean(),
  /** Shown comments (neither hidden nor deleted). */
  commentCount: Type.Integer(),
  /** Staff only: how much of the audience read it. */
  readShare: Type.Optional(NewsReadShareSchema),
  updatedAt: Type.String(),
};
export const NewsPostListItemSchema = Type.Object(postListFields);
export type NewsPostListItem = Static<typeof NewsPostListItemSchema>;

export const NewsAttachmentSchema = Type.Object({
  documentId: Uuid,
  title: Type.String(),
  mediaType: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  /** The library's download route (its own audience check applies). */
  downloadUrl: Nullable(Type.String()),
});
export type NewsAttachment = Static<typeof NewsAttachmentSchema>;

export const NewsPostDetailSchema = Type.Object({
  ...postListFields,
  /** Sanitised HTML (rendered as is). */
  bodyHtml: Type.String(),
  /** Only the attachments the reader may see (the document's own audience applies too). */
  attachments: Type.Array(NewsAttachmentSchema),
  /** Staff only. */
  audience: Type.Optional(AudienceSchema),
  reactionCount: Type.Integer(),
  myReaction: Type.Boolean(),
  /** The reader muted notifications of new comments on this post. */
  muted: Type.Boolean(),
  createdAt: Type.String(),
});
export type NewsPostDetail = Static<typeof NewsPostDetailSchema>;

const postFields = {
  title: Str(L.title),
  summary: Lines(L.summary, 0),
  /** Rich text from the editor; sanitised by the server (hostile markup removed). */
  bodyHtml: Type.String({ maxLength: L.bodyHtml, ...MULTILINE }),
  categoryId: CategoryId,
  audience: AudienceSchema,
  status: NewsPostStatusSchema,
  /** Null or absent at publication: now. In the future: scheduled. */
  publishAt: Type.Optional(Nullable(DateTime)),
  expiresAt: Type.Optional(Nullable(DateTime)),
  pinnedUntil: Type.Optional(Nullable(DateTime)),
  important: Type.Optional(Type.Boolean()),
  event: Type.Optional(Nullable(NewsEventInput)),
  /** Library documents, in order. */
  attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: L.attachments, uniqueItems: true })),
  /** Alt text of the cover already uploaded (the image itself: POST /api/news/posts/:id/cover). */
  coverAlt: Type.Optional(Str(L.coverAlt)),
};
export const NewsPostCreateBody = Type.Object(postFields, { additionalProperties: false });
export type NewsPostCreateBody = Static<typeof NewsPostCreateBody>;
export const NewsPostUpdateBody = Type.Partial(Type.Object(postFields), { additionalProperties: false, minProperties: 1 });
export type NewsPostUpdateBody = Static<typeof NewsPostUpdateBody>;

/** The cover upload's text part (multipart: `alt` then the `file`). */
export const NewsCoverFields = Type.Object({ alt: Str(L.coverAlt) }, { additionalProperties: false });

export const NewsFeedQuery = Type.Object(
  {
    categoryId: Type.Optional(CategoryId),
    unreadOnly: Type.Optional(Type.Boolean()),
    ...Page,
  },
  { additionalProperties: false },
);
export type NewsFeedQuery = Static<typeof NewsFeedQuery>;
export const NewsFeedSchema = Type.Object({ ...PageOf(NewsPostListItemSchema).properties, unreadCount: Type.Integer() });
export type NewsFeed = Static<typeof NewsFeedSchema>;

/** Staff's list of every post, by state. */
export const NewsPostsQuery = Type.Object(
  { state: Type.Optional(NewsPostStateSchema), categoryId: Type.Optional(CategoryId), ...Page },
  { additionalProperties: false },
);
export type NewsPostsQuery = Static<typeof NewsPostsQuery>;
export const NewsPostPageSchema = PageOf(NewsPostListItemSchema);
export type NewsPostPage = Static<typeof NewsPostPageSchema>;

/** Preview: the post as a partner of the given establishment would see it (none: as its audience at large). */
export const NewsPreviewQuery = Type.Object({ establishmentId: Type.Optional(Uuid) }, { additionalProperties: false });
export const NewsPreviewSchema = Type.Object({
  post: NewsPostDetailSchema,
  /** Whether that establishment's partners would see it once live (always true without an establishment). */
  visible: Type.Boolean(),
  /** Active partners the audience includes. */
  audienceSize: Type.Integer(),
});
export type NewsPreview = Static<typeof NewsPreviewSchema>;

export const NewsReadAllBody = Type.Object({ categoryId: Type.Optional(CategoryId) }, { additionalProperties: false });
export const NewsReadAllSchema = Type.Object({ marked: Type.Integer() });

// ---------- search ----------

export const NewsSearchQuery = Type.Object(
  {
    /** What people type: words, "quoted phrases", -excluded (websearch_to_tsquery); accents optional. */
    q: Type.String({ minLength: 1, maxLength: SEARCH_MAX_LENGTH, pattern: '\\S' }),
    ...Page,
  },
  { additionalProperties: false },
);
export type NewsSearchQuery = Static<typeof NewsSearchQuery>;
export const NewsSearchHitSchema = Type.Object({
  kind: Type.Union([Type.Literal('post'), Type.Literal('sheet')]),
  id: Uuid,
  title: Type.String(),
  summary: Type.String(),
  /** Category of a post; null for a sheet. */
  categoryId: Nullable(Type.String()),
  /** Establishment of a sheet; null for a post. */
  establishmentName: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  snippet: NewsSnippetSchema,
  rank: Type.Number(),
});
export type NewsSearchHit = Static<typeof NewsSearchHitSchema>;
export const NewsSearchSchema = Type.Object({
  ...PageOf(NewsSearchHitSchema).properties,
  // false where the database could not install unaccent: the interface says searches are accent-sensitive.
  accentInsensitiveSearch: Type.Boolean(),
});
export type NewsSearchResult = Static<typeof NewsSearchSchema>;

// ---------- agenda ----------

/** Upcoming events (default), or one month's (`month`), or a range (`from`/`to`). */
export const NewsAgendaQuery = Type.Object(
  {
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', maxLength: 7 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    categoryId: Type.Optional(CategoryId),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type NewsAgendaQuery = Static<typeof NewsAgendaQuery>;
export const NewsAgendaItemSchema = Type.Object({
  postId: Uuid,
  title: Type.String(),
  summary: Type.String(),
  categoryId: Type.String(),
  start: Type.String(),
  end: Nullable(Type.String()),
  place: Nullable(NewsPlaceSchema),
  unread: Type.Boolean(),
  /** The event's own .ics (GET /api/news/posts/:id/event.ics). */
  icsUrl: Type.String(),
});
export type NewsAgendaItem = Static<typeof NewsAgendaItemSchema>;
export const NewsAgendaSchema = Type.Object({ from: Type.String(), to: Nullable(Type.String()), items: Type.Array(NewsAgendaItemSchema) });
export type NewsAgenda = Static<typeof NewsAgendaSchema>;

// ---------- mail preferences ----------

export const NewsPreferencesSchema = Type.Object({
  frequency: NewsMailFrequencySchema,
  /** Quiet period (months 1–12, may wrap over the new year): digest only. Both null: none. */
  quietFromMonth: Nullable(Type.Integer()),
  quietToMonth: Nullable(Type.Integer()),
  /** Posts whose new comments are not notified. */
  mutedPostIds: Type.Array(Uuid),
  /** The account-wide consent (« Actualités du réseau » in the account's e-mail preferences): false means no news mail at all. */
  newsConsent: Type.Boolean(),
});
export type NewsPreferences = Static<typeof NewsPreferencesSchema>;
export const NewsPreferencesBody = Type.Object(
  { frequency: NewsMailFrequencySchema, quietFromMonth: Nullable(Month), quietToMonth: Nullable(Month) },
  { additionalProperties: false },
);
export type NewsPreferencesBody = Static<typeof NewsPreferencesBody>;

// ---------- participation: comments, reports, reactions ----------

export const NewsReactionSummarySchema = Type.Object({ count: Type.Integer(), mine: Type.Boolean() });
export type NewsReactionSummary = Static<typeof NewsReactionSummarySchema>;

export const NewsCommentSchema = Type.Object({
  id: Uuid,
  postId: Nullable(Uuid),
  sheetId: Nullable(Uuid),
  author: Nullable(Type.Object({ id: Uuid, name: Type.String(), establishmentName: Nullable(Type.String()), staff: Type.Boolean() })),
  /** Plain text (links made clickable by the client); empty when hidden or deleted for the reader. */
  body: Type.String(),
  createdAt: Type.String(),
  editedAt: Nullable(Type.String()),
  status: NewsCommentStatusSchema,
  deleted: Type.Boolean(),
  /** Staff only, on hidden comments. */
  hiddenReason: Type.Optional(Nullable(Type.String())),
  mine: Type.Boolean(),
  /** The author may edit until then (15 minutes after posting); null: not editable by the reader. */
  editableUntil: Nullable(Type.String()),
  reactions: NewsReactionSummarySchema,
  reportedByMe: Type.Boolean(),
});
export type NewsComment = Static<typeof NewsCommentSchema>;
export const NewsCommentPageSchema = PageOf(NewsCommentSchema);
export type NewsCommentPage = Static<typeof NewsCommentPageSchema>;
export const NewsCommentsQuery = Type.Object({ ...Page }, { additionalProperties: false });
export const NewsCommentBody = Type.Object({ body: Lines(L.comment) }, { additionalProperties: false });
export type NewsCommentBody = Static<typeof NewsCommentBody>;
export const NewsHideCommentBody = Type.Object({ reason: Lines(L.hideReason) }, { additionalProperties: false });
export type NewsHideCommentBody = Static<typeof NewsHideCommentBody>;

export const NewsReportBody = Type.Object({ reason: Lines(L.reportReason) }, { additionalProperties: false });
export type NewsReportBody = Static<typeof NewsReportBody>;
export const NewsReportSchema = Type.Object({
  id: Uuid,
  comment: NewsCommentSchema,
  /** Title of the post or sheet the comment is on (queue display). */
  targetTitle: Type.String(),
  reporter: Nullable(Person),
  reason: Type.String(),
  status: NewsReportStatusSchema,
  createdAt: Type.String(),
  handledBy: Nullable(Person),
  handledAt: Nullable(Type.String()),
});
export type NewsReport = Static<typeof NewsReportSchema>;
export const NewsReportsQuery = Type.Object({ status: Type.Optional(NewsReportStatusSchema), ...Page }, { additionalProperties: false });
export const NewsReportPageSchema = PageOf(NewsReportSchema);
export type NewsReportPage = Static<typeof NewsReportPageSchema>;
/** Uphold (hide the comment with a reason) or dismiss a report. */
export const NewsHandleReportBody = Type.Union([
  Type.Object({ decision: Type.Literal('upheld'), reason: Lines(L.hideReason) }, { additionalProperties: false }),
  Type.Object({ decision: Type.Literal('dismissed') }, { additionalProperties: false }),
]);
export type NewsHandleReportBody = Static<typeof NewsHandleReportBody>;

// ---------- participation: experience sheets ----------

export const NewsSheetFigureSchema = Type.Object(
  { label: Str(L.sheetFigureLabel), value: Str(L.sheetFigureValue) },
  { additionalProperties: false },
);
export const NewsSheetPhotoSchema = Type.Object({ id: Type.String(), url: Type.String(), alt: Type.String(), width: Type.Integer(), height: Type.Integer() });
export type NewsSheetPhoto = Static<typeof NewsSheetPhotoSchema>;

const sheetListFields = {
  id: Uuid,
  title: Type.String(),
  establishment: Type.Object({ id: Uuid, name: Type.String(), communeName: Nullable(Type.String()) }),
  author: Nullable(Person),
  status: NewsSheetStatusSchema,
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  commentCount: Type.Integer(),
  reactions: NewsReactionSummarySchema,
};
export const NewsSheetListItemSchema = Type.Object(sheetListFields);
export type NewsSheetListItem = Static<typeof NewsSheetListItemSchema>;
export const NewsSheetSchema = Type.Object({
  ...sheetListFields,
  context: Type.String(),
  actions: Type.String(),
  result: Type.String(),
  figures: Nullable(Type.Array(NewsSheetFigureSchema)),
  photos: Type.Array(NewsSheetPhotoSchema),
  /** Staff's remark when returned or declined (shown to the establishment and staff). */
  staffRemark: Nullable(Type.String()),
  /** The establishment's partners may still edit it (submitted or returned). */
  editable: Type.Boolean(),
});
export type NewsSheet = Static<typeof NewsSheetSchema>;
export const NewsSheetsQuery = Type.Object(
  { status: Type.Optional(NewsSheetStatusSchema), mine: Type.Optional(Type.Boolean()), ...Page },
  { additionalProperties: false },
);
export const NewsSheetPageSchema = PageOf(NewsSheetListItemSchema);
export type NewsSheetPage = Static<typeof NewsSheetPageSchema>;

const sheetFields = {
  title: Str(L.sheetTitle),
  context: Lines(L.sheetSection),
  actions: Lines(L.sheetSection),
  result: Lines(L.sheetSection),
  figures: Type.Optional(Nullable(Type.Array(NewsSheetFigureSchema, { maxItems: L.sheetFigures }))),
};
export const NewsSheetBody = Type.Object(sheetFields, { additionalProperties: false });
export type NewsSheetBody = Static<typeof NewsSheetBody>;
export const NewsSheetUpdateBody = Type.Partial(Type.Object(sheetFields), { additionalProperties: false, minProperties: 1 });
export type NewsSheetUpdateBody = Static<typeof NewsSheetUpdateBody>;
/** A sheet photo upload's text part (multipart: `alt` then the `file`). */
export const NewsSheetPhotoFields = Type.Object({ alt: Str(L.sheetPhotoAlt) }, { additionalProperties: false });
/** A sheet's photo: its id is the last segment (a UUID) of its storage key. */
export const NewsSheetPhotoParams = Type.Object({ id: Uuid, photoId: Uuid }, { additionalProperties: false });
/** Staff's decision: publish, send back with a remark, or decline with a remark. */
export const NewsSheetReviewBody = Type.Union([
  Type.Object({ decision: Type.Literal('publish') }, { additionalProperties: false }),
  Type.Object({ decision: Type.Union([Type.Literal('return'), Type.Literal('decline')]), remark: Lines(L.staffRemark) }, { additionalProperties: false }),
]);
export type NewsSheetReviewBody = Static<typeof NewsSheetReviewBody>;
