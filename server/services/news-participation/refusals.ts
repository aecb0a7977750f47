import { refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';
import type { EditOutcome, DeleteOutcome } from '../../../db/queries/news/comments';
import type { HandleOutcome, ReportOutcome } from '../../../db/queries/news/reports';
import type { SheetEditOutcome, SheetPhotoAddOutcome, SheetPhotoRemoveOutcome, SheetReviewOutcome } from '../../../db/queries/news/sheets';

/** Every reason news participation refuses: its queries' own and the service's (visibility, partners only). */
export type Reason =
  | ReasonOf<EditOutcome | DeleteOutcome | ReportOutcome | HandleOutcome | SheetEditOutcome | SheetReviewOutcome | SheetPhotoAddOutcome | SheetPhotoRemoveOutcome>
  | 'postNotFound' | 'sheetPartnersOnly' | 'commentRateLimited';

const refusals = {
  postNotFound: [404, 'news.notFound'],
  commentNotFound: [404, 'news.commentNotFound'],
  commentNotMine: [403, 'news.commentNotMine'],
  commentHidden: [409, 'news.commentHidden'],
  commentEditWindow: [409, 'news.commentEditWindow'],
  commentRateLimited: [429, 'news.commentRateLimited'],
  reportExists: [409, 'news.reportExists'],
  reportNotFound: [404, 'news.reportNotFound'],
  reportHandled: [409, 'news.reportHandled'],
  sheetNotFound: [404, 'news.sheetNotFound'],
  sheetNotEditable: [409, 'news.sheetNotEditable'],
  sheetPartnersOnly: [403, 'news.sheetPartnersOnly'],
  sheetDecided: [409, 'news.sheetDecided'],
  sheetPhotoLimit: [409, 'news.sheetPhotoLimit'],
  photoNotFound: [404, 'news.photoNotFound'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);
