import type { FastifyInstance } from 'fastify';
import { addSuppression, isSubscribed, listSuppressions, listTopics, preferencesOf, removeSuppression, saveTopic, setPreferences, unsubscribeAddress, type TopicInput } from '../../../db/queries/newsletters';
import type { SuppressionReason, SuppressionRemovalReason } from '../../../common/newsletters';
import { toSuppression } from './mapping';
import { readUnsubscribeToken } from '../../../common/link-tokens';
import { orRefuse, refusal } from './refusals';

function readToken(app: FastifyInstance, token: string) {
  const read = readUnsubscribeToken(app.config.JWT_SECRET, token);
  if (!read) throw refusal('invalidToken');
  return read;
}

/** What the confirmation page shows (GET: changes nothing, mail scanners follow links). The address is partly masked. */
export async function unsubscribeInfo(app: FastifyInstance, token: string) {
  const { address, topicId } = readToken(app, token);
  const topic = (await listTopics(app.db, { activeOnly: false })).find((t) => t.id === topicId);
  if (!topic) throw refusal('invalidToken');
  return { topicId, topicName: { fr: topic.nameFr, en: topic.nameEn }, address: maskAddress(address), subscribed: await isSubscribed(app.db, address, topicId) };
}

/** RFC 8058 one-click (and the confirmation page's button): ends the address's subscription to the token's topic, at once. */
export async function unsubscribe(app: FastifyInstance, token: string): Promise<void> {
  const { address, topicId } = readToken(app, token);
  const out = await unsubscribeAddress(app.db, address, topicId);
  if (!out.ok) throw refusal('invalidToken');
}

/** « j***@example.org »: enough to recognise one's address, not enough to harvest it from a forwarded link. */
export function maskAddress(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(local.length - 1, 6)))}@${domain}`;
}

export const preferences = async (app: FastifyInstance, userId: string) => ({ items: await preferencesOf(app.db, userId) });

export async function savePreferences(app: FastifyInstance, userId: string, topics: { topicId: string; subscribed: boolean }[]) {
  orRefuse(await setPreferences(app.db, userId, topics, 'preferences'));
  return preferences(app, userId);
}

export const topics = async (app: FastifyInstance) => ({ items: await listTopics(app.db, { activeOnly: false }) });
export const putTopic = (app: FastifyInstance, id: string, input: TopicInput) => saveTopic(app.db, id, {
  ...input, nameFr: input.nameFr.trim(), nameEn: input.nameEn.trim(), descriptionFr: input.descriptionFr.trim(), descriptionEn: input.descriptionEn.trim(),
});

export async function suppressionPage(app: FastifyInstance, query: { page?: number; pageSize?: number; search?: string; reason?: SuppressionReason }) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await listSuppressions(app.db, { page, pageSize, q: query.search, reason: query.reason });
  return { items: items.map(toSuppression), total, page, pageSize };
}

export async function suppress(app: FastifyInstance, body: { address: string; reason: 'complaint' | 'hard_bounce'; note?: string }, actorId: string) {
  return toSuppression(await addSuppression(app.db, body.address, body.reason, body.note?.trim() || null, actorId));
}

export async function unsuppress(app: FastifyInstance, body: { address: string; reason: SuppressionRemovalReason }, actorId: string): Promise<void> {
  orRefuse(await removeSuppression(app.db, body.address, body.reason, actorId));
}
