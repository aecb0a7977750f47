import { audienceOfKind, type Audience } from '../../components/AudiencePicker';
import { fromParisInput, toParisInput } from '../trainings/format';
import type { NewsPostCreateBody, NewsPostDetail } from './types';
import type { PostValues } from './validation';

/** The editor's values of a post (a new post: a draft for everyone, filed nowhere yet). */
export function toValues(post: NewsPostDetail | undefined): PostValues {
  const place = post?.event?.place ?? null;
  return {
    title: post?.title ?? '',
    summary: post?.summary ?? '',
    bodyHtml: post?.bodyHtml ?? '',
    categoryId: post?.categoryId ?? '',
    publication: !post || post.status === 'draft' ? 'draft' : post.state === 'scheduled' ? 'schedule' : 'now',
    publishAt: post?.state === 'scheduled' ? toParisInput(post.publishAt) : null,
    expiresAt: toParisInput(post?.expiresAt),
    pinnedUntil: toParisInput(post?.pinnedUntil),
    important: post?.important ?? false,
    hasEvent: Boolean(post?.event),
    eventStart: toParisInput(post?.event?.start),
    eventEnd: toParisInput(post?.event?.end),
    placeKind: place?.kind ?? '',
    officeId: place?.officeId ?? null,
    communeInsee: place?.communeInsee ?? null,
    address: place?.address ?? '',
    onlineUrl: place?.onlineUrl ?? '',
    attachments: (post?.attachments ?? []).map((a) => ({ id: a.documentId, title: a.title })),
    coverAlt: post?.cover?.alt ?? '',
    coverFile: null,
    hasCover: Boolean(post?.cover),
  };
}

export function initialAudience(post: NewsPostDetail | undefined): Audience {
  return post?.audience ?? audienceOfKind('everyone');
}

const orNull = (value: string | null) => (value ? fromParisInput(value) : null);

/** The api's body (the cover image itself goes separately, once the post exists). */
export function toBody(v: PostValues, audience: Audience): NewsPostCreateBody {
  const place = !v.hasEvent || !v.placeKind
    ? null
    : {
        kind: v.placeKind,
        officeId: v.placeKind === 'office' ? v.officeId : null,
        communeInsee: v.placeKind === 'commune' ? v.communeInsee : null,
        address: v.placeKind === 'commune' && v.address.trim() ? v.address.trim() : null,
        onlineUrl: v.placeKind === 'online' ? v.onlineUrl.trim() : null,
      };
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    bodyHtml: v.bodyHtml,
    categoryId: v.categoryId,
    audience,
    status: v.publication === 'draft' ? 'draft' : 'published',
    publishAt: v.publication === 'schedule' ? orNull(v.publishAt) : null,
    expiresAt: orNull(v.expiresAt),
    pinnedUntil: orNull(v.pinnedUntil),
    important: v.important,
    event: v.hasEvent && v.eventStart ? { start: fromParisInput(v.eventStart), end: orNull(v.eventEnd), place } : null,
    attachmentIds: v.attachments.map((a) => a.id),
    // The alt text of a cover already uploaded; a new image brings its own with the upload.
    ...(v.hasCover && !v.coverFile && v.coverAlt.trim() ? { coverAlt: v.coverAlt.trim() } : {}),
  };
}
