import type { FastifyInstance } from 'fastify';
import { routeFile } from '../lib/route';
import { IdParams } from '../schemas/common';
import {
  CreateEstablishmentBody, CreatedEstablishmentSchema, EstablishmentListQuery, EstablishmentListSchema, EstablishmentSchema, UpdateEstablishmentBody,
} from '../schemas/accounts';
import { createEstablishment, getEstablishment, listEstablishments, updateEstablishment } from '../services/accounts';

/**
 * Establishments. Staff and admins see and edit all of them; a partner reads
 * its own establishment and edits only its public fields
 * (server/services/accounts/establishments.ts).
 */
export default async function establishmentRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, staff } = routeFile(fastify, ['établissements']);

  app.get('/api/establishments', route(staff, 'Liste des établissements (filtres : catégorie, commune, communauté, label, adhésion, statut)', { 200: EstablishmentListSchema }, { querystring: EstablishmentListQuery }),
    async (request) => listEstablishments(app, request.query));

  app.get('/api/establishments/:id', route(anyone, 'Un établissement', { 200: EstablishmentSchema }, { params: IdParams }),
    async (request) => getEstablishment(app, request.principal!, request.params.id));

  app.post('/api/establishments', route(staff, 'Crée un établissement (et signale ceux du même nom dans la même commune)', { 201: CreatedEstablishmentSchema }, { body: CreateEstablishmentBody }),
    async (request, reply) => reply.code(201).send(await createEstablishment(app, { actorId: request.principal!.userId, data: request.body, ip: request.ip })));

  app.patch('/api/establishments/:id', route(anyone, 'Modifie un établissement (un partenaire : seulement les coordonnées et la description publiques du sien)', { 200: EstablishmentSchema }, { params: IdParams, body: UpdateEstablishmentBody }),
    async (request) => updateEstablishment(app, { principal: request.principal!, id: request.params.id, patch: request.body, ip: request.ip }));
}
