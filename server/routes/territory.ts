import type { FastifyInstance } from 'fastify';
import { routeFile } from '../lib/route';
import { OfficeParams, OfficeSchema, TerritorySchema, UpdateOfficeBody } from '../schemas/accounts';
import { getTerritory, updateOffice } from '../services/accounts';

/** The territory (communautés, communes, offices) with the reference lists; administrators correct the offices. */
export default async function territoryRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, admin } = routeFile(fastify, ['territoire']);

  app.get('/api/territory', route(anyone, 'Communautés, communes, bureaux d’information, catégories et labels', { 200: TerritorySchema }),
    async (_request, reply) => reply.header('cache-control', 'private, max-age=300').send(await getTerritory(app)));

  app.patch('/api/offices/:id', route(admin, 'Corrige un bureau d’information', { 200: OfficeSchema }, { params: OfficeParams, body: UpdateOfficeBody }),
    async (request) => updateOffice(app, { actorId: request.principal!.userId, id: request.params.id, patch: request.body, ip: request.ip }));
}
