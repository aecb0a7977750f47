import type { CategoryRow } from '../../../db/queries/news/categories';
import type { PostDetailRow, PostRow } from '../../../db/queries/news/posts';
import type { SearchHitRow } from '../../../db/queries/news/search';
import type { PreferencesRow } from '../../../db/queries/news/preferences';
import { toAudience } from '../../../db/queries/audience';
import { mapUrl } from '../../../common/places';
import type {
  NewsAgendaItem, NewsAttachment, NewsCategory, NewsEvent, NewsPlace, NewsPostDetail, NewsPostListItem, NewsPreferences, NewsReadShare, NewsSearchHit,
} from '../../schemas/news';

/** One `toX` per API object of the news feature (routes never map). */

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export function toCategory(row: CategoryRow): NewsCategory {
  return { id: row.id, labelFr: row.labelFr, labelEn: row.labelEn, position: row.position, postCount: row.postCount };
}

export function toPlace(row: PostRow): NewsPlace | null {
  if (!row.placeKind) return null;
  const info = {
    kind: row.placeKind === 'commune' ? 'address' as const : row.placeKind, officeName: row.officeName, address: row.address,
    communeName: row.communeName, postalCode: row.postalCode, lat: row.lat, lon: row.lon,
  };
  return {
    kind: row.placeKind, officeId: row.officeId, officeName: row.officeName, communeInsee: row.communeInsee, communeName: row.communeName,
    postalCode: row.postalCode, address: row.address, onlineUrl: row.onlineUrl, mapUrl: mapUrl(info),
  };
}

export function toEvent(row: PostRow): NewsEvent | null {
  return row.eventStart ? { start: iso(row.eventStart), end: isoOrNull(row.eventEnd), place: toPlace(row) } : null;
}

export const toReadShare = (s: { readers: number; audienceSize: number }): NewsReadShare =>
  ({ readers: s.readers, audienceSize: s.audienceSize, share: s.audienceSize ? Math.round((s.readers / s.audienceSize) * 1000) / 1000 : 0 });

export function toPostListItem(row: PostRow, readShare?: { readers: number; audienceSize: number }): NewsPostListItem {
  return {
    id: row.id, title: row.title, summary: row.summary, categoryId: row.categoryId, status: row.status, state: row.state,
    publishAt: isoOrNull(row.publishAt), expiresAt: isoOrNull(row.expiresAt), pinnedUntil: isoOrNull(row.pinnedUntil), pinned: row.pinned === true,
    important: row.important,
    cover: row.coverKey ? { url: `/api/news/posts/${row.id}/cover`, alt: row.coverAlt ?? '', width: row.coverWidth ?? 0, height: row.coverHeight ?? 0 } : null,
    event: toEvent(row), author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    unread: row.unread === true, commentCount: row.commentCount, updatedAt: iso(row.updatedAt),
    ...(readShare ? { readShare: toReadShare(readShare) } : {}),
  };
}

export function toAttachment(a: { documentId: string; title: string; mediaType: string | null; size: number | null }): NewsAttachment {
  return { documentId: a.documentId, title: a.title, mediaType: a.mediaType, size: a.size, downloadUrl: a.mediaType ? `/api/documents/${a.documentId}/download` : null };
}

export function toPostDetail(
  row: PostDetailRow,
  extra: { attachments: NewsAttachment[]; staff: boolean; readShare?: { readers: number; audienceSize: number }; reactionCount: number; myReaction: boolean; muted: boolean },
): NewsPostDetail {
  return {
    ...toPostListItem(row, extra.staff ? extra.readShare : undefined), bodyHtml: row.bodyHtml, attachments: extra.attachments,
    ...(extra.staff ? { audience: toAudience(row) } : {}), reactionCount: extra.reactionCount, myReaction: extra.myReaction, muted: extra.muted,
    createdAt: iso(row.createdAt),
  };
}

export function toAgendaItem(row: PostRow): NewsAgendaItem {
  return {
    postId: row.id, title: row.title, summary: row.summary, categoryId: row.categoryId, start: iso(row.eventStart!), end: isoOrNull(row.eventEnd),
    place: toPlace(row), unread: row.unread === true, icsUrl: `/api/news/posts/${row.id}/event.ics`,
  };
}

export function toSearchHit(h: SearchHitRow): NewsSearchHit {
  return {
    kind: h.kind, id: h.id, title: h.title, summary: h.summary, categoryId: h.categoryId, establishmentName: h.establishmentName,
    publishedAt: isoOrNull(h.publishedAt), snippet: h.snippet, rank: h.rank,
  };
}

export const toPreferences = (p: PreferencesRow): NewsPreferences => ({ ...p });
