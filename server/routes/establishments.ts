import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  createEstablishment, getEstablishment, listEstablishments, updateEstablishment, type InvalidEstablishment,
} from '../../db/queries/establishments';
import type { MessageKey } from '../i18n';
import { Problem } from '../plugins/errors';
import { IdParams, problemResponses } from '../schemas/common';
import {
  CreateEstablishmentBody, CreatedEstablishmentSchema, EstablishmentListQuery, EstablishmentListSchema, EstablishmentSchema, UpdateEstablishmentBody,
  publicEstablishmentFields,
} from '../schemas/accounts';

const tags = ['établissements'];

const reasons: Record<InvalidEstablishment['reason'], MessageKey> = {
  unknownCategory: 'accounts.unknownCategory',
  unknownSubcategory: 'accounts.unknownSubcategory',
  unknownCommune: 'accounts.unknownCommune',
  unknownLabel: 'accounts.unknownLabel',
};
const invalid = (r: InvalidEstablishment) => new Problem(400, 'error.validation', [{ field: r.field, key: reasons[r.reason] }]);

/**
 * Establishments. Staff and admins see and edit all of them; a partner reads
 * its own establishment and edits only its public fields. Another
 * establishment answers 404 to a partner, so ids reveal nothing.
 */
export default async function establishmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app;
  const staffOrAdmin = app.requireRole('staff', 'admin');

  app.get('/api/establishments', {
    preHandler: staffOrAdmin,
    schema: {
      tags, summary: 'Liste des établissements (filtres : catégorie, commune, communauté, label, adhésion, statut)',
      querystring: EstablishmentListQuery,
      response: { 200: EstablishmentListSchema, ...problemResponses },
    },
  }, async (request) => listEstablishments(db, request.query));

  app.get('/api/establishments/:id', {
    preHandler: app.requireUser,
    schema: { tags, summary: 'Un établissement', params: IdParams, response: { 200: EstablishmentSchema, ...problemResponses } },
  }, async (request) => {
    const principal = request.principal!;
    if (principal.role === 'partner' && principal.establishmentId !== request.params.id) throw new Problem(404, 'accounts.establishmentNotFound');
    const establishment = await getEstablishment(db, request.params.id);
    if (!establishment) throw new Problem(404, 'accounts.establishmentNotFound');
    return establishment;
  });

  app.post('/api/establishments', {
    preHandler: staffOrAdmin,
    schema: {
      tags, summary: 'Crée un établissement (et signale ceux du même nom dans la même commune)', body: CreateEstablishmentBody,
      response: { 201: CreatedEstablishmentSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const result = await createEstablishment(db, { actorId: request.principal!.userId, data: request.body, ip: request.ip });
    if (result.kind === 'invalid') throw invalid(result);
    return reply.code(201).send({ ...result.establishment, sameNameInCommune: result.sameName });
  });

  app.patch('/api/establishments/:id', {
    preHandler: app.requireUser,
    schema: {
      tags, summary: 'Modifie un établissement (un partenaire : seulement les coordonnées et la description publiques du sien)',
      params: IdParams, body: UpdateEstablishmentBody,
      response: { 200: EstablishmentSchema, ...problemResponses },
    },
  }, async (request) => {
    const principal = request.principal!;
    if (principal.role === 'partner') {
      if (principal.establishmentId !== request.params.id) throw new Problem(404, 'accounts.establishmentNotFound');
      const forbidden = Object.keys(request.body).filter((k) => !(publicEstablishmentFields as readonly string[]).includes(k));
      if (forbidden.length) throw new Problem(403, 'accounts.partnerFieldForbidden', forbidden.map((field) => ({ field, key: 'accounts.partnerFieldForbidden' as const })));
    }
    const result = await updateEstablishment(db, { actorId: principal.userId, id: request.params.id, patch: request.body, ip: request.ip });
    if (result.kind === 'notFound') throw new Problem(404, 'accounts.establishmentNotFound');
    if (result.kind === 'invalid') throw invalid(result);
    return result.establishment;
  });
}
