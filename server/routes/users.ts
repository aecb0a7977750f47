import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Problem } from '../plugins/errors';
import { IdParams } from '../schemas/common';
import { routeFile } from '../lib/route';
import { CreatedId, InviteBody, UpdateUserBody, UserListItemSchema, UserListQuery, UserListSchema } from '../schemas/accounts';
import { inviteUser, listUsers, resendInvitation, updateUser } from '../services/accounts';

/** Users: list, invite, re-send an invitation, disable / enable, change role (staff manage partners; admins everyone). */
export default async function userRoutes(fastify: FastifyInstance) {
  const { app, route, staff } = routeFile(fastify, ['utilisateurs']);

  app.get('/api/users', route(staff, 'Liste des utilisateurs (recherche, filtres, pagination)', { 200: UserListSchema }, { querystring: UserListQuery }),
    async (request) => listUsers(app, request.query));

  app.post('/api/users/invitations', route(staff, 'Invite un utilisateur (le personnel invite des partenaires ; les administrateurs tout rôle)', { 201: CreatedId }, { body: InviteBody }), async (request, reply) => {
    const actor = request.principal!;
    const body = request.body;
    if (actor.role === 'staff' && body.role !== 'partner') throw new Problem(403, 'accounts.staffInviteScope', [{ field: 'role', key: 'accounts.staffInviteScope' }]);
    const created = await inviteUser(app, {
      actorId: actor.userId, email: body.email, name: body.name, role: body.role, establishmentId: body.establishmentId, officeId: body.officeId,
      language: body.language ?? 'fr', ip: request.ip,
    });
    return reply.code(201).send(created);
  });

  app.post('/api/users/:id/invitation/resend', route(staff, 'Renvoie l’invitation (nouveau lien ; l’ancien ne fonctionne plus)', { 202: Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' }) }, { params: IdParams }), async (request, reply) => {
    const actor = request.principal!;
    await resendInvitation(app, { actor: { id: actor.userId, role: actor.role }, userId: request.params.id, ip: request.ip });
    return reply.code(202).send();
  });

  app.patch('/api/users/:id', route(staff, 'Active / désactive un compte, change son rôle ou son rattachement', { 200: UserListItemSchema }, { params: IdParams, body: UpdateUserBody }), async (request) => {
    const actor = request.principal!;
    return updateUser(app, { actor: { id: actor.userId, role: actor.role }, userId: request.params.id, patch: request.body, ip: request.ip });
  });
}
