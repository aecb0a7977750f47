import type { FastifyInstance } from 'fastify';
import { loadAudienceViewer, type AudienceViewer } from '../../../db/queries/audience';
import * as posts from '../../../db/queries/news/posts';
import { feedPage, markAllRead, markRead, readShares } from '../../../db/queries/news/feed';
import type { FeedTotals } from './feed-totals';
import { audienceViewerOf } from '../audience-viewer';
import { isMuted } from '../../../db/queries/news/preferences';
import { enqueueEffects } from '../../../workers/jobs';
import type { Principal } from '../../plugins/auth';
import type {
  NewsFeed, NewsFeedQuery, NewsPostCreateBody, NewsPostDetail, NewsPostPage, NewsPostsQuery, NewsPostUpdateBody, NewsPreview,
} from '../../schemas/news';
import { NEWS_LIMITS } from '../../../common/news';
import { sanitizeDescription } from '../trainings/catalogue';
import { toAttachment, toPostDetail, toPostListItem } from './mapping';
import { orRefuse, refusal } from './refusals';

/** Use cases of posts: writes by staff, the reader's feed and detail (audience applied), staff's list and preview. */

export const isStaff = (p: Principal) => p.role === 'staff' || p.role === 'admin';
/** The principal's audience viewer, kept per establishment (server/services/audience-viewer.ts). */
export const viewerOf = (app: FastifyInstance, p: Principal, upToDate?: Promise<boolean>): Promise<AudienceViewer> => audienceViewerOf(app, p, upToDate);

const dateOrNull = (s: string | null | undefined) => (s ? new Date(s) : null);

/** Body -> stored values: the body's HTML sanitised (the trainings' rich-text rule), text trimmed. */
function apply(stored: posts.PostValues, b: NewsPostUpdateBody): posts.PostValues {
  const event = b.event === undefined ? stored.event : b.event === null ? null : {
    start: new Date(b.event.start), end: dateOrNull(b.event.end),
    place: b.event.place ? {
      kind: b.event.place.kind, officeId: b.event.place.officeId ?? null, communeInsee: b.event.place.communeInsee ?? null,
      address: b.event.place.address?.trim() || null, onlineUrl: b.event.place.onlineUrl ?? null,
    } : null,
  };
  return {
    title: b.title?.trim() ?? stored.title, summary: b.summary?.trim() ?? stored.summary,
    bodyHtml: b.bodyHtml !== undefined ? sanitizeDescription(b.bodyHtml) : stored.bodyHtml,
    categoryId: b.categoryId ?? stored.categoryId, audience: b.audience ?? stored.audience, status: b.status ?? stored.status,
    publishAt: b.publishAt !== undefined ? dateOrNull(b.publishAt) : stored.publishAt,
    expiresAt: b.expiresAt !== undefined ? dateOrNull(b.expiresAt) : stored.expiresAt,
    pinnedUntil: b.pinnedUntil !== undefined ? dateOrNull(b.pinnedUntil) : stored.pinnedUntil,
    important: b.important ?? stored.important, event, attachmentIds: b.attachmentIds, coverAlt: b.coverAlt?.trim(),
  };
}

const EMPTY: posts.PostValues = {
  title: '', summary: '', bodyHtml: '', categoryId: '', audience: { kind: 'staff', categories: [], subcategories: [], communes: [], communautes: [], offices: [] },
  status: 'draft', publishAt: null, expiresAt: null, pinnedUntil: null, important: false, event: null, attachmentIds: undefined, coverAlt: undefined,
};

function enqueue(app: FastifyInstance, effects: { newsPublications: posts.NewsPublication[] }) {
  return enqueueEffects(app.queues, effects, (err, name) => app.log.error({ err, job: name }, 'news: enqueue failed (the sweeper will catch up)'));
}

export async function createPost(app: FastifyInstance, principal: Principal, body: NewsPostCreateBody): Promise<NewsPostDetail> {
  const out = orRefuse(await posts.createPost(app.db, principal.userId, apply(EMPTY, body)));
  await enqueue(app, out.effects);
  return detail(app, principal, out.postId, { markRead: false });
}

export async function updatePost(app: FastifyInstance, principal: Principal, id: string, body: NewsPostUpdateBody): Promise<NewsPostDetail> {
  const out = orRefuse(await posts.updatePost(app.db, id, (stored) => apply(stored, body)));
  await enqueue(app, out.effects);
  return detail(app, principal, id, { markRead: false });
}

export async function deletePost(app: FastifyInstance, id: string): Promise<void> {
  const out = orRefuse(await posts.deletePost(app.db, id));
  if (out.coverKey) await app.storage.delete(out.coverKey).catch((err: unknown) => app.log.warn({ err }, 'news: cover left in storage'));
}

/** A post as the reader may read it; opening it marks it read. */
export async function detail(app: FastifyInstance, principal: Principal, id: string, opts: { markRead: boolean; viewer?: AudienceViewer } = { markRead: true }): Promise<NewsPostDetail> {
  const viewer = opts.viewer ?? (await viewerOf(app, principal));
  const row = await posts.getPost(app.db, id, viewer, principal.userId);
  if (!row) throw refusal('notFound');
  if (opts.markRead && row.state === 'live') await markRead(app.db, principal.userId, id);
  const staff = viewer.kind === 'staff';
  const [attachments, reactions, muted, shares] = await Promise.all([
    posts.listAttachments(app.db, id, viewer), posts.postReactions(app.db, id, principal.userId), isMuted(app.db, principal.userId, id),
    staff ? readShares(app.db, [id]) : Promise.resolve(null),
  ]);
  return toPostDetail(opts.markRead && row.state === 'live' ? { ...row, unread: false } : row, {
    attachments: attachments.map(toAttachment), staff, readShare: shares?.get(id), reactionCount: reactions.count, myReaction: reactions.mine, muted,
  });
}

/**
 * Preview for staff: the post as a partner of `establishmentId` would read it
 * (their attachments, no staff fields), whether they would see it once live,
 * and the size of its audience. Without an establishment: as its audience at large.
 */
export async function preview(app: FastifyInstance, principal: Principal, id: string, establishmentId?: string): Promise<NewsPreview> {
  const staffView = await detail(app, principal, id, { markRead: false, viewer: { kind: 'staff' } });
  const shares = await readShares(app.db, [id]);
  let visible = true;
  let post = staffView;
  if (establishmentId) {
    const viewer = await loadAudienceViewer(app.db, { role: 'partner', establishmentId });
    // As the partner will see it once live: the audience alone decides (not the status or dates).
    visible = viewer.kind !== 'staff' && (await posts.audienceIncludes(app.db, id, viewer));
    const attachments = await posts.listAttachments(app.db, id, viewer);
    post = { ...staffView, attachments: attachments.map(toAttachment) };
  }
  const { audience: _a, readShare: _r, ...partnerView } = post;
  return { post: partnerView, visible, audienceSize: shares.get(id)?.audienceSize ?? 0 };
}

/**
 * The reader's feed: the page's shared part and the totals kept in memory
 * (server/services/news/feed-pages.ts, feed-totals.ts), the reader's unread
 * marks read fresh. The unread-only feed differs per reader: read at each request.
 */
export async function feed(app: FastifyInstance, principal: Principal, q: NewsFeedQuery, totals: FeedTotals): Promise<NewsFeed> {
  // One check that the caches (viewer, page, totals) are up to date for the whole request, sent first: the
  // reader's marks and the viewer are read meanwhile, not one after another.
  const upToDate = app.changes?.caughtUp();
  const viewer = viewerOf(app, principal, upToDate);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? NEWS_LIMITS.pageSize;
  const [items, counts] = await Promise.all([
    q.unreadOnly
      ? viewer.then((v) => feedPage(app.db, { viewer: v, userId: principal.userId, categoryId: q.categoryId, unreadOnly: true, page, pageSize })).then((p) => p.items.map((r) => toPostListItem(r)))
      : totals.pages.items(viewer, principal, { categoryId: q.categoryId, page, pageSize }, upToDate),
    viewer.then((v) => totals.counts(v, principal.userId, q.categoryId, upToDate)),
  ]);
  const unread = Math.max(0, counts.total - counts.read);
  return { items, total: q.unreadOnly ? unread : counts.total, page, pageSize, unreadCount: unread };
}

export async function readAll(app: FastifyInstance, principal: Principal, categoryId?: string) {
  return { marked: await markAllRead(app.db, await viewerOf(app, principal), principal.userId, categoryId) };
}

export async function staffList(app: FastifyInstance, principal: Principal, q: NewsPostsQuery): Promise<NewsPostPage> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? NEWS_LIMITS.pageSize;
  const { items, total } = await posts.listStaffPosts(app.db, { state: q.state, categoryId: q.categoryId, page, pageSize, userId: principal.userId });
  const shares = await readShares(app.db, items.map((i) => i.id));
  return { items: items.map((r) => toPostListItem(r, shares.get(r.id))), total, page, pageSize };
}
