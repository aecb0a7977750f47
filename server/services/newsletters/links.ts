import type { FastifyInstance } from 'fastify';
import { campaignLinkClicks, countLinkClick, getCampaign, unsubscribedSinceLaunch } from '../../../db/queries/newsletters';
import type { CampaignCountsDto } from '../../schemas/newsletters';
import { refusal } from './refusals';

/** A click on a counted link: one more on its count, and the stored URL to redirect to (never one taken from the request). */
export async function followLink(app: FastifyInstance, token: string): Promise<string> {
  const url = await countLinkClick(app.db, token);
  if (!url) throw refusal('linkNotFound');
  return url;
}

/** The campaign page's aggregate counts (admins). */
export async function campaignCounts(app: FastifyInstance, id: string): Promise<CampaignCountsDto> {
  if (!(await getCampaign(app.db, id))) throw refusal('notFound');
  const [unsubscribed, links] = await Promise.all([unsubscribedSinceLaunch(app.db, id), campaignLinkClicks(app.db, id)]);
  return { unsubscribedSinceLaunch: unsubscribed, links };
}
