import type { FastifyInstance } from 'fastify';
import {
  campaignProgress, changeCampaignStatus, countReachable, createCampaign, getCampaign, launchCampaign, listCampaigns, topicExists, updateCampaign,
} from '../../../db/queries/newsletters';
import { segmentExists } from '../../../db/queries/newsletter-segments';
import { enqueueEffects } from '../../../workers/jobs';
import type { Config } from '../../../common/config';
import type { CampaignBodyDto, CampaignDto } from '../../schemas/newsletters';
import { assertAudience } from '../documents';
import { toCampaign } from './mapping';
import { sanitizeNewsletterBody } from './body';
import { assertChecksPass } from './checks';
import { orRefuse, refusal } from './refusals';

/** The senders an admin may pick: NEWSLETTER_SENDERS (« ; »-separated), or MAIL_FROM alone. */
export function configuredSenders(config: Pick<Config, 'NEWSLETTER_SENDERS' | 'MAIL_FROM'>): string[] {
  const list = (config.NEWSLETTER_SENDERS ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  return list.length ? list : [config.MAIL_FROM];
}

/** Checks and cleans a campaign's content: known sender and topic, audience ids that exist, sanitised body (the trainings' rich-text rule). */
async function validInput(app: FastifyInstance, body: CampaignBodyDto) {
  if (!configuredSenders(app.config).includes(body.sender)) throw refusal('unknownSender');
  if (!(await topicExists(app.db, body.topicId))) throw refusal('unknownTopic');
  await assertAudience(app, body.audience);
  if (body.segmentId && !(await segmentExists(app.db, body.segmentId))) throw refusal('unknownSegment');
  const bodyHtml = sanitizeNewsletterBody(body.bodyHtml, app.config.PUBLIC_URL);
  if (!bodyHtml) throw refusal('emptyBody');
  return { subject: body.subject.trim(), preheader: body.preheader.trim(), sender: body.sender, bodyHtml, topicId: body.topicId, audience: body.audience, segmentId: body.segmentId ?? null };
}

export async function campaignDto(app: FastifyInstance, id: string): Promise<CampaignDto> {
  const row = await getCampaign(app.db, id);
  if (!row) throw refusal('notFound');
  return toCampaign(row, await campaignProgress(app.db, id));
}

export async function campaignPage(app: FastifyInstance, query: { page?: number; pageSize?: number }) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await listCampaigns(app.db, { page, pageSize });
  const withProgress = await Promise.all(items.map(async (row) => {
    const { bodyHtml: _body, ...rest } = toCampaign(row, await campaignProgress(app.db, row.id));
    return rest;
  }));
  return { items: withProgress, total, page, pageSize };
}

export async function newCampaign(app: FastifyInstance, body: CampaignBodyDto, userId: string) {
  const row = await createCampaign(app.db, await validInput(app, body), userId);
  return campaignDto(app, row.id);
}

export async function editCampaign(app: FastifyInstance, id: string, body: CampaignBodyDto) {
  orRefuse(await updateCampaign(app.db, id, await validInput(app, body)));
  return campaignDto(app, id);
}

export async function reach(app: FastifyInstance, id: string) {
  if (!(await getCampaign(app.db, id))) throw refusal('notFound');
  return { count: await countReachable(app.db, id) };
}

/**
 * Launch, pause, resume, cancel, re-send the « incertain » ones. After a
 * launch, a resume or a re-send, every lane is enqueued after commit; a lost
 * enqueue is re-derived by the sweeper from the campaign's rows.
 */
export async function campaignAction(app: FastifyInstance, id: string, action: 'launch' | 'pause' | 'resume' | 'cancel' | 'resend-uncertain') {
  let run = false;
  if (action === 'launch') {
    await assertChecksPass(app, id);
    orRefuse(await launchCampaign(app.db, id));
    run = true;
  } else {
    const out = orRefuse(await changeCampaignStatus(app.db, id, action === 'resend-uncertain' ? 'resendUncertain' : action));
    run = out.status === 'sending' && action !== 'pause';
  }
  if (run) await enqueueEffects(app.queues, { campaigns: [id] }, (err) => app.log.warn({ err, campaignId: id }, 'newsletter lanes not enqueued; the sweeper will'));
  return campaignDto(app, id);
}
