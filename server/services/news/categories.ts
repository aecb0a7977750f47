import type { FastifyInstance } from 'fastify';
import { listCategories } from '../../../db/queries/news/categories';
import { toCategory } from './mapping';

export async function categories(app: FastifyInstance) {
  return { items: (await listCategories(app.db)).map(toCategory) };
}
