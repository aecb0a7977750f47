import type { FastifyInstance } from 'fastify';
import { newPasswordHash } from '../lib/passwords';
import { routeFile } from '../lib/route';
import { Problem } from '../plugins/errors';
import { PER_USER_LIMIT } from '../plugins/security';
import { NoContent } from '../schemas/common';
import { ChangePasswordBody, MeSchema, UpdateMeBody } from '../schemas/accounts';
import { changePassword, confirmCurrentPassword, getMe, updateMe } from '../services/accounts';

/**
 * The signed-in user's own account: profile, language, preferences, password.
 * (Export and erasure span every feature: server/routes/personal-data.ts.)
 */
export default async function meRoutes(fastify: FastifyInstance) {
  const { app, route, anyone } = routeFile(fastify, ['mon compte']);

  app.get('/api/me', route(anyone, 'Mon profil', { 200: MeSchema }), async (request, reply) => {
    const me = await getMe(app, request.principal!.userId);
    if (!me) throw new Problem(401, 'error.sessionExpired');
    return reply.header('cache-control', 'no-store').send(me);
  });

  app.patch('/api/me', route(anyone, 'Modifie mon nom, ma langue ou mes préférences d’e-mail', { 200: MeSchema }, { body: UpdateMeBody }), async (request, reply) => {
    // A new language applies from the next request: the principal is re-read from the users row (server/plugins/auth.ts).
    const me = await updateMe(app, request.principal!.userId, request.body, request.ip);
    if (!me) throw new Problem(401, 'error.sessionExpired');
    return reply.send(me);
  });

  app.post('/api/me/password', {
    ...route(anyone, 'Change mon mot de passe (mes autres connexions sont fermées)', { 204: NoContent }, { body: ChangePasswordBody }),
    config: { rateLimit: PER_USER_LIMIT },
  }, async (request, reply) => {
    const principal = request.principal!;
    const { currentPassword, newPassword } = request.body;
    await confirmCurrentPassword(app, principal.userId, currentPassword, 'currentPassword');
    const passwordHash = await newPasswordHash(newPassword, [principal.email, principal.name], 'newPassword');
    await changePassword(app, { userId: principal.userId, keepLoginId: principal.loginId, passwordHash, ip: request.ip });
    return reply.code(204).send();
  });
}
