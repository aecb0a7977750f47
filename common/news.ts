/**
 * Value lists and field limits of network news and participation (issue 12):
 * read by pgEnum (db/schema/news.ts), the TypeBox schemas (server/schemas/news.ts)
 * and the client. Each list is written here once.
 */
import type { Locale } from './format';

/** A post is a draft until published; a published post with `publishAt` in the future is scheduled (invisible to partners until then). */
export const NEWS_POST_STATUSES = ['draft', 'published'] as const;
export type NewsPostStatus = (typeof NEWS_POST_STATUSES)[number];

/**
 * Where a post stands, derived (never stored): a draft; published but its
 * `publishAt` to come (scheduled); live; or past its `expiresAt` (expired).
 */
export const NEWS_POST_STATES = ['draft', 'scheduled', 'live', 'expired'] as const;
export type NewsPostState = (typeof NEWS_POST_STATES)[number];

/** Where an event takes place: an office (bureau d'information), an address in one of the territory's communes, or online. */
export const NEWS_PLACE_KINDS = ['office', 'commune', 'online'] as const;
export type NewsPlaceKind = (typeof NEWS_PLACE_KINDS)[number];

/** How a person receives news by e-mail: important posts at once (and the weekly digest), the weekly digest only, or nothing. */
export const NEWS_MAIL_FREQUENCIES = ['immediate', 'weekly', 'none'] as const;
export type NewsMailFrequency = (typeof NEWS_MAIL_FREQUENCIES)[number];
export const DEFAULT_NEWS_MAIL_FREQUENCY: NewsMailFrequency = 'immediate';

/** A comment is shown, or hidden by staff with a reason (a deleted comment has `deletedAt` set and is never shown). */
export const NEWS_COMMENT_STATUSES = ['visible', 'hidden'] as const;
export type NewsCommentStatus = (typeof NEWS_COMMENT_STATUSES)[number];

/** A partner's report of a comment: waiting in the staff queue, upheld (the comment was hidden) or dismissed. */
export const NEWS_REPORT_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type NewsReportStatus = (typeof NEWS_REPORT_STATUSES)[number];

/** An experience sheet (« retour d'expérience »): submitted to staff, returned with a remark, declined, or published. */
export const NEWS_SHEET_STATUSES = ['submitted', 'returned', 'declined', 'published'] as const;
export type NewsSheetStatus = (typeof NEWS_SHEET_STATUSES)[number];

/** What a « utile » reaction or a comment is attached to. */
export const NEWS_TARGET_KINDS = ['post', 'comment', 'sheet'] as const;
export type NewsTargetKind = (typeof NEWS_TARGET_KINDS)[number];

/** The categories seeded by the migration (admins edit the list afterwards: rename, add, reorder, delete when unused). */
export const NEWS_DEFAULT_CATEGORIES: readonly { id: string; label: Record<Locale, string> }[] = [
  { id: 'vie-du-reseau', label: { fr: 'Vie du réseau', en: 'Network life' } },
  { id: 'formations', label: { fr: 'Formations', en: 'Training' } },
  { id: 'promotion-communication', label: { fr: 'Promotion et communication', en: 'Promotion and communication' } },
  { id: 'reglementation', label: { fr: 'Réglementation', en: 'Regulations' } },
  { id: 'evenements', label: { fr: 'Événements', en: 'Events' } },
  { id: 'observatoire', label: { fr: 'Observatoire', en: 'Observatory' } },
  { id: 'carte-pass', label: { fr: 'Carte PASS', en: 'Carte PASS' } },
];

/** At most this many posts are pinned at once (a fourth is refused with `news.pinnedLimit`). */
export const NEWS_MAX_PINNED = 3;

/** Field limits, shared by the server's schemas and the client's forms. */
export const NEWS_LIMITS = {
  title: 200,
  summary: 500,
  bodyHtml: 100_000,
  coverAlt: 250,
  /** Cover image upload, bytes (the stored cover is resized to `coverWidth`). */
  coverBytes: 10 * 1024 * 1024,
  coverWidth: 1600,
  attachments: 20,
  categoryId: 40,
  categoryLabel: 80,
  categories: 30,
  address: 300,
  onlineUrl: 500,
  pageSize: 20,
  pageSizeMax: 50,
  /** News events listed in a person's private calendar feed, at most. */
  calendarFeedEvents: 200,
  /** A comment, plain text (links are made clickable when shown). */
  comment: 4000,
  /** Minutes during which an author may edit their comment. */
  commentEditMinutes: 15,
  /** Comments a person may post per `commentRateWindowSeconds`. */
  commentRatePerWindow: 5,
  commentRateWindowSeconds: 60,
  hideReason: 500,
  reportReason: 500,
  sheetTitle: 200,
  sheetSection: 8000,
  /** Optional figures of a sheet: label → value pairs. */
  sheetFigures: 12,
  sheetFigureLabel: 80,
  sheetFigureValue: 80,
  sheetPhotos: 6,
  sheetPhotoAlt: 250,
  staffRemark: 2000,
  /** Posts muted by one person (notifications of new comments). */
  mutedPosts: 1000,
  searchSnippetWords: 30,
} as const;

/** Months are 1 (January) … 12 (December); a quiet period may wrap over the new year (11 → 2). */
export function inQuietPeriod(month: number, from: number | null, to: number | null): boolean {
  if (from == null || to == null) return false;
  return from <= to ? month >= from && month <= to : month >= from || month <= to;
}

/** ISO 8601 week of a date, as stored in `news_digest_sends.iso_week`: "2026-W49". */
export function isoWeek(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - dow);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
