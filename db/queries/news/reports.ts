import { aliasedTable, and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { newsCommentReports, newsComments, newsPosts, newsSheets, users } from '../../schema';
import type { NewsReportStatus } from '../../../common/news';
import { getComment, hideComment, type CommentRow } from './comments';

/** Partners' reports of comments (once per person: the unique index) and the staff's queue. */

export type ReportOutcome = { ok: true; id: string } | { ok: false; reason: 'reportExists' };

export async function reportComment(db: Database, p: { commentId: string; reporterId: string; reason: string }): Promise<ReportOutcome> {
  const [row] = await db
    .insert(newsCommentReports)
    .values({ commentId: p.commentId, reporterId: p.reporterId, reason: p.reason })
    .onConflictDoNothing()
    .returning({ id: newsCommentReports.id });
  return row ? { ok: true, id: row.id } : { ok: false, reason: 'reportExists' };
}

export type ReportRow = {
  id: string; commentId: string; reason: string; status: NewsReportStatus; createdAt: Date; handledAt: Date | null;
  reporterId: string | null; reporterName: string | null; handlerId: string | null; handlerName: string | null; targetTitle: string;
  comment: CommentRow;
};

const reporter = aliasedTable(users, 'reporter');
const handler = aliasedTable(users, 'handler');

function selectReports(db: Database) {
  return db
    .select({
      id: newsCommentReports.id, commentId: newsCommentReports.commentId, reason: newsCommentReports.reason, status: newsCommentReports.status,
      createdAt: newsCommentReports.createdAt, handledAt: newsCommentReports.handledAt,
      reporterId: reporter.id, reporterName: reporter.name, handlerId: handler.id, handlerName: handler.name,
      targetTitle: sql<string>`coalesce(${newsPosts.title}, ${newsSheets.title}, '')`,
    })
    .from(newsCommentReports)
    .innerJoin(newsComments, eq(newsComments.id, newsCommentReports.commentId))
    .leftJoin(newsPosts, eq(newsPosts.id, newsComments.postId))
    .leftJoin(newsSheets, eq(newsSheets.id, newsComments.sheetId))
    .leftJoin(reporter, eq(reporter.id, newsCommentReports.reporterId))
    .leftJoin(handler, eq(handler.id, newsCommentReports.handledBy));
}

async function withComments(db: Database, rows: Omit<ReportRow, 'comment'>[], readerId: string): Promise<ReportRow[]> {
  const out: ReportRow[] = [];
  for (const r of rows) {
    const comment = await getComment(db, r.commentId, readerId);
    if (comment) out.push({ ...r, comment });
  }
  return out;
}

/** The queue: open reports oldest first (handled ones latest first), with their comment. Reports of deleted comments are left out. */
export async function listReports(db: Database, p: { status: NewsReportStatus; readerId: string; page: number; pageSize: number }) {
  const where = and(eq(newsCommentReports.status, p.status), sql`${newsComments.deletedAt} is null`);
  const order = p.status === 'open' ? asc(newsCommentReports.createdAt) : desc(newsCommentReports.handledAt);
  const rows = await selectReports(db).where(where).orderBy(order, asc(newsCommentReports.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(newsCommentReports)
    .innerJoin(newsComments, eq(newsComments.id, newsCommentReports.commentId))
    .where(where);
  return { rows: await withComments(db, rows, p.readerId), total: count?.n ?? 0 };
}

export async function getReport(db: Database, id: string, readerId: string): Promise<ReportRow | null> {
  const rows = await selectReports(db).where(eq(newsCommentReports.id, id));
  return (await withComments(db, rows, readerId))[0] ?? null;
}

export type HandleOutcome = { ok: true } | { ok: false; reason: 'reportNotFound' | 'reportHandled' };

/** Uphold (hide the comment with the reason: every open report of it is upheld) or dismiss one open report. */
export async function handleReport(db: Database, p: { id: string; staffId: string; decision: 'upheld' | 'dismissed'; reason?: string }): Promise<HandleOutcome> {
  const [report] = await db.select({ status: newsCommentReports.status, commentId: newsCommentReports.commentId }).from(newsCommentReports).where(eq(newsCommentReports.id, p.id));
  if (!report) return { ok: false, reason: 'reportNotFound' };
  if (report.status !== 'open') return { ok: false, reason: 'reportHandled' };
  if (p.decision === 'upheld') {
    if (!(await hideComment(db, { id: report.commentId, staffId: p.staffId, reason: p.reason ?? '' }))) return { ok: false, reason: 'reportNotFound' };
    return { ok: true };
  }
  const [done] = await db
    .update(newsCommentReports)
    .set({ status: 'dismissed', handledBy: p.staffId, handledAt: sql`now()` })
    .where(and(eq(newsCommentReports.id, p.id), eq(newsCommentReports.status, 'open')))
    .returning({ id: newsCommentReports.id });
  return done ? { ok: true } : { ok: false, reason: 'reportHandled' };
}
