import { isStaff } from '../../../common/roles';
import { NEWS_LIMITS } from '../../../common/news';
import type { CommentRow } from '../../../db/queries/news/comments';
import type { ReportRow } from '../../../db/queries/news/reports';
import type { SheetRow } from '../../../db/queries/news/sheets';
import { EDITABLE_SHEET_STATUSES, photoIdOf } from '../../../db/queries/news/sheets';
import type { Principal } from '../../plugins/auth';
import type { NewsComment, NewsReport, NewsSheet, NewsSheetListItem } from '../../schemas/news';
import { iso, isoOrNull } from '../news/mapping';

/** One `toX` per API object of news participation (routes never map). */

const EDIT_MS = NEWS_LIMITS.commentEditMinutes * 60_000;

/** A comment as this reader sees it: a hidden one is blanked for partners (staff read it and its reason). */
export function toComment(row: CommentRow, reader: Principal, now = Date.now()): NewsComment {
  const staff = isStaff(reader);
  const mine = row.authorId === reader.userId;
  const hidden = row.status === 'hidden';
  const until = row.createdAt.getTime() + EDIT_MS;
  return {
    id: row.id, postId: row.postId, sheetId: row.sheetId,
    author: row.authorId && row.authorName !== null
      ? { id: row.authorId, name: row.authorName, establishmentName: row.authorRole === 'partner' ? row.establishmentName : null, staff: row.authorRole !== 'partner' }
      : null,
    body: hidden && !staff ? '' : row.body,
    createdAt: iso(row.createdAt), editedAt: isoOrNull(row.editedAt),
    status: row.status, deleted: row.deletedAt !== null,
    ...(staff ? { hiddenReason: row.hiddenReason } : {}),
    mine,
    editableUntil: mine && !hidden && until > now ? new Date(until).toISOString() : null,
    reactions: { count: row.reactionCount, mine: row.myReaction },
    reportedByMe: row.reportedByMe,
  };
}

export function toReport(row: ReportRow, reader: Principal): NewsReport {
  return {
    id: row.id, comment: toComment(row.comment, reader), targetTitle: row.targetTitle,
    reporter: row.reporterId ? { id: row.reporterId, name: row.reporterName ?? '' } : null,
    reason: row.reason, status: row.status, createdAt: iso(row.createdAt),
    handledBy: row.handlerId ? { id: row.handlerId, name: row.handlerName ?? '' } : null, handledAt: isoOrNull(row.handledAt),
  };
}

export const sheetPhotoUrl = (sheetId: string, photoKey: string) => `/api/news/sheets/${sheetId}/photos/${encodeURIComponent(photoIdOf(photoKey))}`;

export function toSheetListItem(row: SheetRow): NewsSheetListItem {
  return {
    id: row.id, title: row.title,
    establishment: { id: row.establishmentId, name: row.establishmentName, communeName: row.communeName },
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    status: row.status, publishedAt: isoOrNull(row.publishedAt), createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
    commentCount: row.commentCount, reactions: { count: row.reactionCount, mine: row.myReaction },
  };
}

export function toSheet(row: SheetRow, reader: Principal): NewsSheet {
  const own = reader.establishmentId === row.establishmentId;
  return {
    ...toSheetListItem(row),
    context: row.context, actions: row.actions, result: row.result, figures: row.figures ?? null,
    photos: row.photos.map((p) => ({ id: photoIdOf(p.key), url: sheetPhotoUrl(row.id, p.key), alt: p.alt, width: p.width, height: p.height })),
    staffRemark: own || isStaff(reader) ? row.staffRemark : null,
    editable: own && !isStaff(reader) && EDITABLE_SHEET_STATUSES.includes(row.status),
  };
}
