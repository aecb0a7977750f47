import type { CampaignRow, Progress } from '../../../db/queries/newsletters';
import { toAudience } from '../../../db/queries/audience';
import type { CampaignDto, ProgressDto, SuppressionDto } from '../../schemas/newsletters';
import type { SuppressionReason } from '../../../common/newsletters';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Progress as the campaign page shows it: counts, the rate of the last minute and the time left at that rate. */
export function toProgress(total: number, p: Progress): ProgressDto {
  const remaining = p.queued + p.sending;
  return {
    total, queued: p.queued, sending: p.sending, sent: p.sent, failed: p.failed, uncertain: p.uncertain, skipped: p.skipped,
    ratePerMinute: p.sentLastMinute,
    secondsLeft: remaining === 0 ? 0 : p.sentLastMinute > 0 ? Math.ceil((remaining / p.sentLastMinute) * 60) : null,
  };
}

export function toCampaign(row: CampaignRow, progress: Progress): CampaignDto {
  return {
    id: row.id, subject: row.subject, preheader: row.preheader, sender: row.sender, bodyHtml: row.bodyHtml, topicId: row.topicId,
    audience: toAudience(row), status: row.status, total: row.total,
    segmentId: row.segmentId,
    scheduledAt: iso(row.scheduledAt), missedAt: iso(row.missedAt), archived: row.archived,
    launchedAt: iso(row.launchedAt), finishedAt: iso(row.finishedAt), createdAt: row.createdAt.toISOString(),
    progress: toProgress(row.total, progress),
  };
}

export function toSuppression(row: { address: string; reason: SuppressionReason; note: string | null; createdAt: Date }): SuppressionDto {
  return { address: row.address, reason: row.reason, note: row.note, createdAt: row.createdAt.toISOString() };
}
