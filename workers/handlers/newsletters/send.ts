import {
  campaignForSending, campaignLinkTokens, campaignStatusOf, claimBatch, finishIfDone, recordFailures, recordSent, releaseClaim, renewClaim, type SendFailure,
} from '../../../db/queries/newsletters';
import { NEWSLETTER_SENDING } from '../../../common/limits';
import type { JobHandler, WorkerContext } from '../../jobs';
import { classifyMailError } from '../mail/errors';
import { campaignMessages } from './message';
import { takeSendTokens } from './rate';

export interface LaneResult {
  sent: number;
  failed: number;
  skipped: number;
  released: number;
  stoppedBy?: string;
}

/** The campaign's status, re-read at most every statusCheckMs: checked before each send without a query per mail. */
function statusWatch(ctx: WorkerContext, campaignId: string) {
  let status: string | null = 'sending';
  let readAt = 0;
  return async () => {
    if (Date.now() - readAt >= NEWSLETTER_SENDING.statusCheckMs) {
      status = await campaignStatusOf(ctx.db, campaignId);
      readAt = Date.now();
    }
    return status;
  };
}

/**
 * One lane of a campaign (newsletters.send). Loop: take send tokens from the
 * shared rate limit, claim that many due recipients (FOR UPDATE SKIP LOCKED,
 * unsubscribed and suppressed ones skipped in the same statement), send them
 * through the process's SMTP pool — the campaign's status checked before each
 * send — then record the batch in one statement. Ends when nothing is due or
 * the campaign is no longer `sending`. Run twice (or four lanes at once), the
 * claims are disjoint: nobody is mailed twice.
 */
export const sendCampaignLane: JobHandler<'newsletters.send'> = async ({ campaignId }, ctx): Promise<LaneResult> => {
  const result: LaneResult = { sent: 0, failed: 0, skipped: 0, released: 0 };
  const campaign = await campaignForSending(ctx.db, campaignId);
  if (!campaign || campaign.status !== 'sending') return { ...result, stoppedBy: campaign?.status ?? 'missing' };
  const build = campaignMessages(ctx.config, campaign, await campaignLinkTokens(ctx.db, campaignId));
  const status = statusWatch(ctx, campaignId);
  const transport = ctx.mailTransport();
  const renewEveryMs = Math.max(500, (ctx.config.NEWSLETTER_LEASE_SECONDS * 1000) / 3);

  for (;;) {
    const current = await status();
    if (current !== 'sending') { result.stoppedBy = current ?? 'missing'; break; }
    const tokens = await takeSendTokens(ctx.queues, ctx.config.QUEUE_PREFIX, ctx.config.NEWSLETTER_RATE_PER_SECOND, NEWSLETTER_SENDING.batchSize);
    const batch = await claimBatch(ctx.db, campaignId, tokens);
    if (!batch) { result.stoppedBy = (await campaignStatusOf(ctx.db, campaignId)) ?? 'missing'; break; }
    result.skipped += batch.skipped;
    if (!batch.recipients.length) {
      if (batch.skipped) continue;
      break;
    }

    const sent: { id: number; messageId: string }[] = [];
    const failures: SendFailure[] = [];
    const unsent: number[] = [];
    const sends: Promise<void>[] = [];
    for (const r of batch.recipients) {
      if ((await status()) !== 'sending') { unsent.push(r.id); continue; }
      sends.push((async () => {
        try {
          const { messageId } = await transport.send(await build(r));
          sent.push({ id: r.id, messageId });
        } catch (err) {
          const kind = classifyMailError(err) === 'refused' ? 'permanent' : 'temporary';
          failures.push({ id: r.id, address: r.address, error: err instanceof Error ? err.message : String(err), kind });
        }
      })());
    }
    // The lease is renewed while the batch is out: only a holder that stopped (killed, cut off) lets its rows become « incertain ».
    const renewal = setInterval(() => { renewClaim(ctx.db, batch.token).catch((err) => ctx.log.warn({ err }, 'newsletters.send: lease renewal failed')); }, renewEveryMs);
    try {
      await Promise.all(sends);
    } finally {
      clearInterval(renewal);
    }
    // Recorded in one statement per outcome: a crash before this line leaves the batch 'sending', and the sweeper marks it « incertain » once the lease is over.
    await recordSent(ctx.db, batch.token, sent);
    await recordFailures(ctx.db, batch.token, failures);
    await releaseClaim(ctx.db, batch.token, unsent);
    result.sent += sent.length;
    result.failed += failures.filter((f) => f.kind === 'permanent').length;
    result.released += unsent.length;
  }
  await finishIfDone(ctx.db, campaignId);
  return result;
};
