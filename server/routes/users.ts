import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '../plugins/errors';
import { IdParams, problemResponses } from '../schemas/common';
import { CreatedId, InviteBody, UpdateUserBody, UserListItemSchema, UserListQuery, UserListSchema } from '../schemas/accounts';
import { inviteUser, listUsers, resendInvitation, updateUser } from '../services/accounts';

const tags = ['utilisateurs'];

/** Users: list, invite, re-send an invitation, disable / enable, change role (staff manage partners; admins everyone). */
export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staffOrAdmin = app.requireRole('staff', 'admin');

  app.get('/api/users', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Liste des utilisateurs (recherche, filtres, pagination)', querystring: UserListQuery, response: { 200: UserListSchema, ...problemResponses } },
  }, async (request) => listUsers(app, request.query));

  app.post('/api/users/invitations', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Invite un utilisateur (le personnel invite des partenaires ; les administrateurs tout rôle)', body: InviteBody, response: { 201: CreatedId, ...problemResponses } },
  }, async (request, reply) => {
    const actor = request.principal!;
    const body = request.body;
    if (actor.role === 'staff' && body.role !== 'partner') throw new Problem(403, 'accounts.staffInviteScope', [{ field: 'role', key: 'accounts.staffInviteScope' }]);
    const created = await inviteUser(app, {
      actorId: actor.userId, email: body.email, name: body.name, role: body.role, establishmentId: body.establishmentId, officeId: body.officeId,
      language: body.language ?? 'fr', ip: request.ip,
    });
    return reply.code(201).send(created);
  });

  app.post('/api/users/:id/invitation/resend', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Renvoie l’invitation (nouveau lien ; l’ancien ne fonctionne plus)', params: IdParams, response: { 202: Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' }), ...problemResponses } },
  }, async (request, reply) => {
    const actor = request.principal!;
    await resendInvitation(app, { actor: { id: actor.userId, role: actor.role }, userId: request.params.id, ip: request.ip });
    return reply.code(202).send();
  });

  app.patch('/api/users/:id', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Active / désactive un compte, change son rôle ou son rattachement', params: IdParams, body: UpdateUserBody, response: { 200: UserListItemSchema, ...problemResponses } },
  }, async (request) => {
    const actor = request.principal!;
    return updateUser(app, { actor: { id: actor.userId, role: actor.role }, userId: request.params.id, patch: request.body, ip: request.ip });
  });
}
