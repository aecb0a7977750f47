import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../schemas/common';
import { OfficeParams, OfficeSchema, TerritorySchema, UpdateOfficeBody } from '../schemas/accounts';
import { getTerritory, updateOffice } from '../services/accounts';

const tags = ['territoire'];

/** The territory (communautés, communes, offices) with the reference lists; administrators correct the offices. */
export default async function territoryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/territory', {
    preHandler: app.requireUser,
    schema: { tags, summary: 'Communautés, communes, bureaux d’information, catégories et labels', response: { 200: TerritorySchema, ...problemResponses } },
  }, async (_request, reply) => reply.header('cache-control', 'private, max-age=300').send(await getTerritory(app)));

  app.patch('/api/offices/:id', {
    preHandler: app.requireRole('admin'),
    schema: { tags, summary: 'Corrige un bureau d’information', params: OfficeParams, body: UpdateOfficeBody, response: { 200: OfficeSchema, ...problemResponses } },
  }, async (request) => updateOffice(app, { actorId: request.principal!.userId, id: request.params.id, patch: request.body, ip: request.ip }));
}
