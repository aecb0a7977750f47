import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/news/categories';
import type { NewsCategory, NewsCategoryCreateBody, NewsCategoryUpdateBody } from '../../schemas/news';
import { toCategory } from './mapping';
import { orRefuse, refusal } from './refusals';

export async function categories(app: FastifyInstance) {
  return { items: (await q.listCategories(app.db)).map(toCategory) };
}

async function one(app: FastifyInstance, id: string): Promise<NewsCategory> {
  const row = (await q.listCategories(app.db)).find((c) => c.id === id);
  if (!row) throw refusal('categoryNotFound');
  return toCategory(row);
}

export async function create(app: FastifyInstance, body: NewsCategoryCreateBody) {
  orRefuse(await q.createCategory(app.db, { ...body, labelFr: body.labelFr.trim(), labelEn: body.labelEn.trim() }));
  return one(app, body.id);
}

export async function update(app: FastifyInstance, id: string, body: NewsCategoryUpdateBody) {
  const out = await q.updateCategory(app.db, id, { ...body, labelFr: body.labelFr?.trim(), labelEn: body.labelEn?.trim() });
  if (!out.ok) throw refusal(out.reason === 'categoryNotFound' ? 'notFound' : out.reason);
  return one(app, id);
}

export async function remove(app: FastifyInstance, id: string) {
  const out = await q.deleteCategory(app.db, id);
  if (!out.ok) throw refusal(out.reason === 'categoryNotFound' ? 'notFound' : out.reason);
}
