import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, problemResponses } from '../schemas/common';
import {
  CreateEstablishmentBody, CreatedEstablishmentSchema, EstablishmentListQuery, EstablishmentListSchema, EstablishmentSchema, UpdateEstablishmentBody,
} from '../schemas/accounts';
import { createEstablishment, getEstablishment, listEstablishments, updateEstablishment } from '../services/accounts';

const tags = ['établissements'];

/**
 * Establishments. Staff and admins see and edit all of them; a partner reads
 * its own establishment and edits only its public fields
 * (server/services/accounts/establishments.ts).
 */
export default async function establishmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staffOrAdmin = app.requireRole('staff', 'admin');

  app.get('/api/establishments', {
    preHandler: staffOrAdmin,
    schema: {
      tags, summary: 'Liste des établissements (filtres : catégorie, commune, communauté, label, adhésion, statut)',
      querystring: EstablishmentListQuery,
      response: { 200: EstablishmentListSchema, ...problemResponses },
    },
  }, async (request) => listEstablishments(app, request.query));

  app.get('/api/establishments/:id', {
    preHandler: app.requireUser,
    schema: { tags, summary: 'Un établissement', params: IdParams, response: { 200: EstablishmentSchema, ...problemResponses } },
  }, async (request) => getEstablishment(app, request.principal!, request.params.id));

  app.post('/api/establishments', {
    preHandler: staffOrAdmin,
    schema: {
      tags, summary: 'Crée un établissement (et signale ceux du même nom dans la même commune)', body: CreateEstablishmentBody,
      response: { 201: CreatedEstablishmentSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    return reply.code(201).send(await createEstablishment(app, { actorId: request.principal!.userId, data: request.body, ip: request.ip }));
  });

  app.patch('/api/establishments/:id', {
    preHandler: app.requireUser,
    schema: {
      tags, summary: 'Modifie un établissement (un partenaire : seulement les coordonnées et la description publiques du sien)',
      params: IdParams, body: UpdateEstablishmentBody,
      response: { 200: EstablishmentSchema, ...problemResponses },
    },
  }, async (request) => updateEstablishment(app, { principal: request.principal!, id: request.params.id, patch: request.body, ip: request.ip }));
}
