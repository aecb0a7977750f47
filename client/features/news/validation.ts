import { dayjs, TIME_ZONE } from '../../lib/format';
import type catalogue from './locales/fr.json';
import { NEWS_LIMITS as L, type NewsPlaceKind } from './types';

/** The editor's values: dates as Paris wall-clock strings ("YYYY-MM-DD HH:mm:ss", @mantine/dates), empty = none. */
export interface PostValues {
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string;
  publication: 'draft' | 'now' | 'schedule';
  publishAt: string | null;
  expiresAt: string | null;
  pinnedUntil: string | null;
  important: boolean;
  hasEvent: boolean;
  eventStart: string | null;
  eventEnd: string | null;
  placeKind: NewsPlaceKind | '';
  officeId: string | null;
  communeInsee: string | null;
  address: string;
  onlineUrl: string;
  attachments: { id: string; title: string }[];
  coverAlt: string;
  /** A new cover image chosen in the form (uploaded after the post is saved). */
  coverFile: File | null;
  /** The post already has a cover (its alt text is then required too). */
  hasCover: boolean;
}

/** Message keys (news namespace, `validation.*`) by field: the same rules as the server's, checked before sending. */
export type PostErrors = Partial<Record<keyof PostValues, `validation.${keyof (typeof catalogue)['validation']}`>>;

const paris = (value: string) => dayjs.tz(value, TIME_ZONE);

/**
 * What is wrong with the editor's values, field by field (an empty object: nothing).
 * `now` is passed in so that tests pin the clock.
 */
export function validatePost(v: PostValues, now: Date = new Date()): PostErrors {
  const errors: PostErrors = {};
  if (!v.title.trim()) errors.title = 'validation.required';
  else if (v.title.length > L.title) errors.title = 'validation.tooLong';
  if (v.summary.length > L.summary) errors.summary = 'validation.tooLong';
  if (v.bodyHtml.length > L.bodyHtml) errors.bodyHtml = 'validation.tooLong';
  if (!v.categoryId) errors.categoryId = 'validation.required';
  if (v.publication === 'schedule') {
    if (!v.publishAt) errors.publishAt = 'validation.required';
    else if (!paris(v.publishAt).isAfter(now)) errors.publishAt = 'validation.scheduleInPast';
  }
  const publishedAt = v.publication === 'schedule' && v.publishAt ? paris(v.publishAt) : dayjs(now);
  if (v.expiresAt && !paris(v.expiresAt).isAfter(publishedAt)) errors.expiresAt = 'validation.expiresBeforePublish';
  if (v.pinnedUntil && !paris(v.pinnedUntil).isAfter(now)) errors.pinnedUntil = 'validation.pinnedInPast';
  if ((v.coverFile || v.hasCover) && !v.coverAlt.trim()) errors.coverAlt = 'validation.coverAlt';
  if (v.coverAlt.length > L.coverAlt) errors.coverAlt = 'validation.tooLong';
  if (v.coverFile) {
    if (!['image/jpeg', 'image/png', 'image/webp'].includes(v.coverFile.type)) errors.coverFile = 'validation.coverType';
    else if (v.coverFile.size > L.coverBytes) errors.coverFile = 'validation.coverTooLarge';
  }
  if (v.attachments.length > L.attachments) errors.attachments = 'validation.tooMany';
  if (v.hasEvent) {
    if (!v.eventStart) errors.eventStart = 'validation.required';
    else if (v.eventEnd && !paris(v.eventEnd).isAfter(paris(v.eventStart))) errors.eventEnd = 'validation.eventRange';
    if (v.placeKind === 'office' && !v.officeId) errors.officeId = 'validation.required';
    if (v.placeKind === 'commune' && !v.communeInsee) errors.communeInsee = 'validation.required';
    if (v.address.length > L.address) errors.address = 'validation.tooLong';
    if (v.placeKind === 'online') {
      if (!v.onlineUrl.trim()) errors.onlineUrl = 'validation.required';
      else if (!/^https:\/\/\S+\.\S+/.test(v.onlineUrl.trim()) || v.onlineUrl.length > L.onlineUrl) errors.onlineUrl = 'validation.httpsUrl';
    }
  }
  return errors;
}
