import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { hashPassword, passwordProblem } from '../lib/passwords';
import { Problem } from '../plugins/errors';
import { PER_USER_LIMIT } from '../plugins/security';
import { NoContent, problemResponses } from '../schemas/common';
import { ChangePasswordBody, MeSchema, UpdateMeBody } from '../schemas/accounts';
import { changePassword, confirmCurrentPassword, getMe, updateMe } from '../services/accounts';

const tags = ['mon compte'];

/**
 * The signed-in user's own account: profile, language, preferences, password.
 * (Export and erasure span every feature: server/routes/personal-data.ts.)
 */
export default async function meRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/me', {
    preHandler: app.requireUser,
    schema: { tags, summary: 'Mon profil', response: { 200: MeSchema, ...problemResponses } },
  }, async (request, reply) => {
    const me = await getMe(app, request.principal!.userId);
    if (!me) throw new Problem(401, 'error.sessionExpired');
    return reply.header('cache-control', 'no-store').send(me);
  });

  app.patch('/api/me', {
    preHandler: app.requireUser,
    schema: { tags, summary: 'Modifie mon nom, ma langue ou mes préférences d’e-mail', body: UpdateMeBody, response: { 200: MeSchema, ...problemResponses } },
  }, async (request, reply) => {
    // A new language applies from the next request: the principal is re-read from the users row (server/plugins/auth.ts).
    const me = await updateMe(app, request.principal!.userId, request.body, request.ip);
    if (!me) throw new Problem(401, 'error.sessionExpired');
    return reply.send(me);
  });

  app.post('/api/me/password', {
    preHandler: app.requireUser,
    config: { rateLimit: PER_USER_LIMIT },
    schema: { tags, summary: 'Change mon mot de passe (mes autres connexions sont fermées)', body: ChangePasswordBody, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    const principal = request.principal!;
    const { currentPassword, newPassword } = request.body;
    await confirmCurrentPassword(app, principal.userId, currentPassword, 'currentPassword');
    const weak = await passwordProblem(newPassword, [principal.email, principal.name]);
    if (weak) throw new Problem(400, 'error.validation', [{ field: 'newPassword', key: weak }]);
    await changePassword(app, { userId: principal.userId, keepLoginId: principal.loginId, passwordHash: await hashPassword(newPassword), ip: request.ip });
    return reply.code(204).send();
  });
}
