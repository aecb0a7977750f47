import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routeOptions } from '../lib/route';
import { OfficeParams, OfficeSchema, TerritorySchema, UpdateOfficeBody } from '../schemas/accounts';
import { getTerritory, updateOffice } from '../services/accounts';

const tags = ['territoire'];
const route = routeOptions(tags);

/** The territory (communautés, communes, offices) with the reference lists; administrators correct the offices. */
export default async function territoryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/territory', route(app.requireUser, 'Communautés, communes, bureaux d’information, catégories et labels', { 200: TerritorySchema }),
    async (_request, reply) => reply.header('cache-control', 'private, max-age=300').send(await getTerritory(app)));

  app.patch('/api/offices/:id', route(app.requireRole('admin'), 'Corrige un bureau d’information', { 200: OfficeSchema }, { params: OfficeParams, body: UpdateOfficeBody }),
    async (request) => updateOffice(app, { actorId: request.principal!.userId, id: request.params.id, patch: request.body, ip: request.ip }));
}
