import type { PostRefusal } from '../../../db/queries/news/posts';
import type { CategoryRefusal } from '../../../db/queries/news/categories';
import { audienceRefusalEntries, ownMessagesByStatus, refusalsOf, type RefusalEntry } from '../../lib/refusals';

/** Every reason the news core refuses: its queries' own and the service's. */
export type Reason = PostRefusal | CategoryRefusal | 'noEvent' | 'coverMissing' | 'coverType' | 'coverNone' | 'quietPeriodIncomplete' | 'monthRange';

const refusals = {
  ...ownMessagesByStatus('news', { 404: ['notFound', 'noEvent', 'coverNone'], 409: ['categoryInUse'] }),
  categoryNotFound: [400, 'news.categoryNotFound', 'categoryId'],
  categoryTaken: [409, 'news.categoryTaken', 'id'],
  pinnedLimit: [409, 'news.pinnedLimit', 'pinnedUntil'],
  pinnedInPast: [400, 'news.pinnedInPast', 'pinnedUntil'],
  expiresBeforePublish: [400, 'news.expiresBeforePublish', 'expiresAt'],
  eventRange: [400, 'news.eventRange', 'event.end'],
  placeIncomplete: [400, 'news.placeIncomplete', 'event.place'],
  unknownPlaceOffice: [400, 'news.unknownOffice', 'event.place.officeId'],
  unknownPlaceCommune: [400, 'news.unknownCommune', 'event.place.communeInsee'],
  attachmentNotFound: [400, 'news.attachmentNotFound', 'attachmentIds'],
  coverAltWithoutCover: [400, 'news.coverNone', 'coverAlt'],
  ...audienceRefusalEntries('audience'),
  coverMissing: [400, 'news.coverMissing', 'file'],
  coverType: [415, 'news.coverType', 'file'],
  quietPeriodIncomplete: [400, 'news.quietPeriodIncomplete', 'quietToMonth'],
  monthRange: [400, 'news.monthRange', 'month'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);
