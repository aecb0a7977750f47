import type { FastifyInstance, FastifyReply } from 'fastify';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { NEWS_LIMITS, type NewsReportStatus, type NewsTargetKind } from '../../../common/news';
import * as q from '../../../db/queries/news/comments';
import { handleReport as handleReportRow, getReport, listReports, reportComment as reportRow } from '../../../db/queries/news/reports';
import { setReaction } from '../../../db/queries/news/reactions';
import type { Target } from '../../../db/queries/news/targets';
import type { Principal } from '../../plugins/auth';
import type { NewsComment, NewsCommentPage, NewsHandleReportBody, NewsReactionSummary, NewsReport, NewsReportPage } from '../../schemas/news';
import { visibleTarget } from './access';
import { toComment, toReport } from './mapping';
import { orRefuse, refusal } from './refusals';

/** Comments, reports, « utile » reactions and mutes: every partner action first checks the target is visible to them. */

interface Paging { page?: number; pageSize?: number }
const paging = (p: Paging) => ({ page: p.page ?? 1, pageSize: p.pageSize ?? NEWS_LIMITS.pageSize });

const limiters = new WeakMap<FastifyInstance, RateLimiterRedis>();
/** Comments per person per window, counted in Redis (shared by every api process), like the log-in throttle. */
function commentLimiter(app: FastifyInstance): RateLimiterRedis {
  let l = limiters.get(app);
  if (!l) {
    l = new RateLimiterRedis({
      storeClient: app.redis, keyPrefix: `${app.config.QUEUE_PREFIX}:rl:news-comment`,
      points: NEWS_LIMITS.commentRatePerWindow, duration: NEWS_LIMITS.commentRateWindowSeconds,
    });
    limiters.set(app, l);
  }
  return l;
}

async function spendCommentBudget(app: FastifyInstance, principal: Principal, reply: FastifyReply): Promise<void> {
  try {
    await commentLimiter(app).consume(principal.userId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    reply.header('retry-after', Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
    throw refusal('commentRateLimited');
  }
}

async function comment(app: FastifyInstance, principal: Principal, id: string): Promise<NewsComment> {
  const row = await q.getComment(app.db, id, principal.userId);
  if (!row) throw refusal('commentNotFound');
  return toComment(row, principal);
}

/** The comment's target, checked visible to the reader (else 404 for the comment itself). */
async function visibleComment(app: FastifyInstance, principal: Principal, id: string) {
  const found = await q.commentTarget(app.db, id);
  if (!found) throw refusal('commentNotFound');
  try {
    await visibleTarget(app, principal, found.target);
  } catch {
    throw refusal('commentNotFound');
  }
  return found;
}

export async function listComments(app: FastifyInstance, principal: Principal, target: Target, p: Paging): Promise<NewsCommentPage> {
  await visibleTarget(app, principal, target, true);
  const { page, pageSize } = paging(p);
  const { rows, total } = await q.listComments(app.db, { target, readerId: principal.userId, page, pageSize });
  return { items: rows.map((r) => toComment(r, principal)), total, page, pageSize };
}

export async function postComment(app: FastifyInstance, principal: Principal, target: Target, body: string, reply: FastifyReply): Promise<NewsComment> {
  await visibleTarget(app, principal, target, true);
  await spendCommentBudget(app, principal, reply);
  const id = await q.createComment(app.db, { target, authorId: principal.userId, body });
  await app.enqueue('news.comment-notify', { commentId: id });
  return comment(app, principal, id);
}

export async function editComment(app: FastifyInstance, principal: Principal, id: string, body: string): Promise<NewsComment> {
  await visibleComment(app, principal, id);
  orRefuse(await q.editComment(app.db, { id, authorId: principal.userId, body }));
  return comment(app, principal, id);
}

export async function deleteComment(app: FastifyInstance, principal: Principal, id: string): Promise<void> {
  await visibleComment(app, principal, id);
  orRefuse(await q.deleteComment(app.db, { id, authorId: principal.userId }));
}

export async function hideComment(app: FastifyInstance, principal: Principal, id: string, reason: string): Promise<NewsComment> {
  if (!(await q.hideComment(app.db, { id, staffId: principal.userId, reason }))) throw refusal('commentNotFound');
  return comment(app, principal, id);
}

export async function unhideComment(app: FastifyInstance, principal: Principal, id: string): Promise<NewsComment> {
  if (!(await q.unhideComment(app.db, id))) throw refusal('commentNotFound');
  return comment(app, principal, id);
}

export async function hiddenComments(app: FastifyInstance, principal: Principal, p: Paging): Promise<NewsCommentPage> {
  const { page, pageSize } = paging(p);
  const { rows, total } = await q.listHiddenComments(app.db, { readerId: principal.userId, page, pageSize });
  return { items: rows.map((r) => toComment(r, principal)), total, page, pageSize };
}

export async function reportComment(app: FastifyInstance, principal: Principal, id: string, reason: string): Promise<NewsComment> {
  await visibleComment(app, principal, id);
  orRefuse(await reportRow(app.db, { commentId: id, reporterId: principal.userId, reason }));
  return comment(app, principal, id);
}

export async function reports(app: FastifyInstance, principal: Principal, p: Paging & { status?: NewsReportStatus }): Promise<NewsReportPage> {
  const { page, pageSize } = paging(p);
  const { rows, total } = await listReports(app.db, { status: p.status ?? 'open', readerId: principal.userId, page, pageSize });
  return { items: rows.map((r) => toReport(r, principal)), total, page, pageSize };
}

export async function handleReport(app: FastifyInstance, principal: Principal, id: string, body: NewsHandleReportBody): Promise<NewsReport> {
  orRefuse(await handleReportRow(app.db, { id, staffId: principal.userId, decision: body.decision, ...('reason' in body ? { reason: body.reason } : {}) }));
  const row = await getReport(app.db, id, principal.userId);
  if (!row) throw refusal('reportNotFound');
  return toReport(row, principal);
}

/** « Utile » on a post, comment or sheet the reader may see. */
export async function react(app: FastifyInstance, principal: Principal, kind: NewsTargetKind, id: string, on: boolean): Promise<NewsReactionSummary> {
  if (kind === 'comment') await visibleComment(app, principal, id);
  else await visibleTarget(app, principal, { kind, id }, kind === 'sheet');
  return setReaction(app.db, { kind, id, userId: principal.userId, on });
}
