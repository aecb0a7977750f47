import type { FastifyInstance } from 'fastify';
import { getCampaign, topicNames } from '../../../db/queries/newsletters';
import { blockingFailures, campaignChecks } from './body';
import { refusal } from './refusals';

/** A campaign with its topic's name in a language: what previews, checks and the archive render. */
export async function loaded(app: FastifyInstance, id: string) {
  const c = await getCampaign(app.db, id);
  if (!c) throw refusal('notFound');
  return { c, topic: await topicNames(app.db, c.topicId) };
}

export async function checksOf(app: FastifyInstance, id: string) {
  const { c, topic } = await loaded(app, id);
  return { items: await campaignChecks({ subject: c.subject, preheader: c.preheader, bodyHtml: c.bodyHtml, topicName: topic.fr }) };
}

/** Refuses a launch (or a schedule) while a blocking check fails: the api decides, whatever the page showed. */
export async function assertChecksPass(app: FastifyInstance, id: string) {
  if (blockingFailures((await checksOf(app, id)).items).length) throw refusal('checksFailed');
}
