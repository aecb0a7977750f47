import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getTerritory, updateOffice } from '../../db/queries/territory';
import { Problem } from '../plugins/errors';
import { problemResponses } from '../schemas/common';
import { OfficeParams, OfficeSchema, TerritorySchema, UpdateOfficeBody } from '../schemas/accounts';

const tags = ['territoire'];

/** The territory (communautés, communes, offices) with the reference lists; administrators correct the offices. */
export default async function territoryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app;

  app.get('/api/territory', {
    preHandler: app.requireUser,
    schema: { tags, summary: 'Communautés, communes, bureaux d’information, catégories et labels', response: { 200: TerritorySchema, ...problemResponses } },
  }, async (_request, reply) => reply.header('cache-control', 'private, max-age=300').send(await getTerritory(db)));

  app.patch('/api/offices/:id', {
    preHandler: app.requireRole('admin'),
    schema: { tags, summary: 'Corrige un bureau d’information', params: OfficeParams, body: UpdateOfficeBody, response: { 200: OfficeSchema, ...problemResponses } },
  }, async (request) => {
    const result = await updateOffice(db, { actorId: request.principal!.userId, id: request.params.id, patch: request.body, ip: request.ip });
    if (result.kind === 'ok') return result.office;
    if (result.kind === 'notFound') throw new Problem(404, 'accounts.officeNotFound');
    throw new Problem(400, 'error.validation', [{ field: 'communeInsee', key: 'accounts.unknownCommune' }]);
  });
}
