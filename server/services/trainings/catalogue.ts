import sanitizeHtml from 'sanitize-html';
import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/trainings/catalogue';
import type { Principal } from '../../plugins/auth';
import type { CreateTrainingBody, Training, UpdateTrainingBody } from '../../schemas/trainings';
import { isStaff } from './access';
import { toTraining } from './mapping';
import { orRefuse, refusal } from './refusals';

/** The catalogue of trainings: list, read, create, edit. */

/** Description HTML: a small set of formatting tags; links only http(s)/mailto, opened safely. */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code'],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
  }).trim();
}

export async function listTrainings(
  app: FastifyInstance,
  principal: Principal,
  query: { search?: string; theme?: string; includeArchived?: boolean; page?: number; pageSize?: number },
) {
  const { page = 1, pageSize = 20, ...rest } = query;
  const includeArchived = rest.includeArchived === true && isStaff(principal);
  const { items, total } = await q.listTrainings(app.db, { ...rest, includeArchived, page, pageSize });
  return { items: items.map(toTraining), total, page, pageSize };
}

export async function getTraining(app: FastifyInstance, id: string): Promise<Training> {
  const row = await q.getTraining(app.db, id);
  if (!row) throw refusal('trainingNotFound');
  return toTraining(row);
}

export async function createTraining(app: FastifyInstance, principal: Principal, body: CreateTrainingBody): Promise<Training> {
  const id = await q.insertTraining(app.db, {
    title: body.title.trim(), summary: body.summary.trim(), descriptionHtml: sanitizeDescription(body.descriptionHtml), theme: body.theme,
    targetCategories: body.targetCategories, durationMinutes: body.durationMinutes, trainer: body.trainer?.trim() ?? null,
    priceMemberCents: body.priceMemberCents ?? null, priceNonMemberCents: body.priceNonMemberCents ?? null,
  }, principal.userId);
  return getTraining(app, id);
}

export async function updateTraining(app: FastifyInstance, id: string, body: UpdateTrainingBody): Promise<Training> {
  const patch = {
    ...body,
    ...(body.title !== undefined ? { title: body.title.trim() } : {}),
    ...(body.summary !== undefined ? { summary: body.summary.trim() } : {}),
    ...(body.descriptionHtml !== undefined ? { descriptionHtml: sanitizeDescription(body.descriptionHtml) } : {}),
    ...(body.trainer !== undefined ? { trainer: body.trainer?.trim() ?? null } : {}),
  };
  orRefuse(await q.updateTraining(app.db, id, patch));
  return getTraining(app, id);
}
