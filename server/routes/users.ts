import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listUsers, updateUser } from '../../db/queries/accounts';
import type { MessageKey } from '../i18n';
import { Problem } from '../plugins/errors';
import { IdParams, problemResponses } from '../schemas/common';
import { CreatedId, InviteBody, UpdateUserBody, UserListItemSchema, UserListQuery, UserListSchema } from '../schemas/accounts';
import { inviteUser, resendInvitation } from '../services/accounts';

const tags = ['utilisateurs'];

/** Why a user change was refused -> HTTP problem (status, message, field). */
const refusals: Record<string, [number, MessageKey, string?]> = {
  emailTaken: [409, 'accounts.emailTaken', 'email'],
  unknownEstablishment: [400, 'accounts.unknownEstablishment', 'establishmentId'],
  establishmentRequired: [400, 'accounts.establishmentRequired', 'establishmentId'],
  unknownOffice: [400, 'accounts.unknownOffice', 'officeId'],
  officeRequired: [400, 'accounts.officeRequired', 'officeId'],
  notFound: [404, 'accounts.userNotFound'],
  notInvited: [409, 'accounts.notInvited'],
  staffTargetScope: [403, 'accounts.staffTargetScope'],
  roleChangeAdminOnly: [403, 'accounts.roleChangeAdminOnly', 'role'],
  cannotChangeSelf: [403, 'accounts.cannotChangeSelf'],
  lastAdmin: [409, 'accounts.lastAdmin'],
};

function refuse(kind: string): never {
  const [status, key, field] = refusals[kind] ?? [400, 'error.validation'];
  throw new Problem(status, key, field ? [{ field, key }] : []);
}

/** Users: list, invite, re-send an invitation, disable / enable, change role (staff manage partners; admins everyone). */
export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app;
  const staffOrAdmin = app.requireRole('staff', 'admin');

  app.get('/api/users', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Liste des utilisateurs (recherche, filtres, pagination)', querystring: UserListQuery, response: { 200: UserListSchema, ...problemResponses } },
  }, async (request) => listUsers(db, request.query));

  app.post('/api/users/invitations', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Invite un utilisateur (le personnel invite des partenaires ; les administrateurs tout rôle)', body: InviteBody, response: { 201: CreatedId, ...problemResponses } },
  }, async (request, reply) => {
    const actor = request.principal!;
    const body = request.body;
    if (actor.role === 'staff' && body.role !== 'partner') throw new Problem(403, 'accounts.staffInviteScope', [{ field: 'role', key: 'accounts.staffInviteScope' }]);
    const result = await inviteUser(app, {
      actorId: actor.userId, email: body.email, name: body.name, role: body.role, establishmentId: body.establishmentId, officeId: body.officeId,
      language: body.language ?? 'fr', ip: request.ip,
    });
    if (result.kind !== 'ok') refuse(result.kind);
    return reply.code(201).send({ id: result.userId });
  });

  app.post('/api/users/:id/invitation/resend', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Renvoie l’invitation (nouveau lien ; l’ancien ne fonctionne plus)', params: IdParams, response: { 202: Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' }), ...problemResponses } },
  }, async (request, reply) => {
    const actor = request.principal!;
    const result = await resendInvitation(app, { actor: { id: actor.userId, role: actor.role }, userId: request.params.id, ip: request.ip });
    if (result.kind !== 'ok') refuse(result.kind);
    return reply.code(202).send();
  });

  app.patch('/api/users/:id', {
    preHandler: staffOrAdmin,
    schema: { tags, summary: 'Active / désactive un compte, change son rôle ou son rattachement', params: IdParams, body: UpdateUserBody, response: { 200: UserListItemSchema, ...problemResponses } },
  }, async (request) => {
    const actor = request.principal!;
    const result = await updateUser(db, { actor: { id: actor.userId, role: actor.role }, userId: request.params.id, patch: request.body, ip: request.ip });
    if (result.kind !== 'ok') refuse(result.kind);
    return result.user;
  });
}
