import { ownMessagesByStatus, refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';
import type { EditOutcome, DeleteOutcome } from '../../../db/queries/news/comments';
import type { HandleOutcome, ReportOutcome } from '../../../db/queries/news/reports';
import type { SheetEditOutcome, SheetPhotoAddOutcome, SheetPhotoRemoveOutcome, SheetReviewOutcome } from '../../../db/queries/news/sheets';

/** Every reason news participation refuses: its queries' own and the service's (visibility, partners only). */
export type Reason =
  | ReasonOf<EditOutcome | DeleteOutcome | ReportOutcome | HandleOutcome | SheetEditOutcome | SheetReviewOutcome | SheetPhotoAddOutcome | SheetPhotoRemoveOutcome>
  | 'postNotFound' | 'sheetPartnersOnly' | 'commentRateLimited';

/** Why -> HTTP problem (server/lib/refusals.ts): each reason's own `news.<reason>` message but the post's. */
const refusals = {
  ...ownMessagesByStatus('news', {
    403: ['commentNotMine', 'sheetPartnersOnly'],
    404: ['commentNotFound', 'reportNotFound', 'sheetNotFound', 'photoNotFound'],
    409: ['commentHidden', 'commentEditWindow', 'reportExists', 'reportHandled', 'sheetNotEditable', 'sheetDecided', 'sheetPhotoLimit'],
    429: ['commentRateLimited'],
  }),
  postNotFound: [404, 'news.notFound'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);
