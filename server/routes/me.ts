import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportTrainingData } from '../../db/queries/trainings/personal-data';
import { releaseErasedUser } from '../services/trainings/personal-data';
import { hashPassword, passwordProblem } from '../lib/passwords';
import { ACCESS_COOKIE } from '../plugins/auth';
import { Problem } from '../plugins/errors';
import { problemResponses } from '../schemas/common';
import { ChangePasswordBody, EraseMeBody, MeExportSchema, MeSchema, UpdateMeBody } from '../schemas/accounts';
import { changePassword, eraseUser, exportAccounts, getMe, isCurrentPassword, updateMe } from '../services/accounts';

const tags = ['mon compte'];
/** 202/204 answers carry no body. */
const NoContent = Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' });

/** The signed-in user's own account: profile, preferences, password, RGPD export and erasure. */
export default async function meRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app;
  // Counted after authentication (preHandler), per user: guessing the current password with a stolen log-in is slow.
  const perUser = { max: 10, timeWindow: 15 * 60_000, hook: 'preHandler' as const, keyGenerator: (req: FastifyRequest) => `user:${req.principal?.userId ?? req.ip}` };

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
    const principal = request.principal!;
    const me = await updateMe(app, principal.userId, request.body, request.ip);
    if (!me) throw new Problem(401, 'error.sessionExpired');
    if (me.language !== principal.language) {
      // The access token carries the language used for error messages: re-sign it so the change applies at once.
      const access = app.jwt.sign({ sub: me.id, sid: principal.loginId, role: me.role, lang: me.language });
      reply.setCookie(ACCESS_COOKIE, access, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: config.ACCESS_TOKEN_TTL_SECONDS });
    }
    return reply.send(me);
  });

  app.post('/api/me/password', {
    preHandler: app.requireUser,
    config: { rateLimit: perUser },
    schema: { tags, summary: 'Change mon mot de passe (mes autres connexions sont fermées)', body: ChangePasswordBody, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    const principal = request.principal!;
    const { currentPassword, newPassword } = request.body;
    if (!(await isCurrentPassword(app, principal.userId, currentPassword))) {
      throw new Problem(400, 'error.validation', [{ field: 'currentPassword', key: 'auth.wrongCurrentPassword' }]);
    }
    const weak = await passwordProblem(newPassword, [principal.email, principal.name]);
    if (weak) throw new Problem(400, 'error.validation', [{ field: 'newPassword', key: weak }]);
    await changePassword(app, { userId: principal.userId, keepLoginId: principal.loginId, passwordHash: await hashPassword(newPassword), ip: request.ip });
    return reply.code(204).send();
  });

  app.get('/api/me/export', {
    preHandler: app.requireUser,
    schema: {
      tags, summary: 'Télécharge toutes les données me concernant (RGPD, JSON)',
      response: { 200: { ...MeExportSchema, description: 'Fichier JSON (pièce jointe)' }, ...problemResponses },
    },
  }, async (request, reply) => {
    const accounts = await exportAccounts(app, request.principal!.userId, request.ip);
    const data = { exportedAt: new Date().toISOString(), ...accounts, trainings: await exportTrainingData(db, request.principal!.userId) };
    const day = data.exportedAt.slice(0, 10);
    // Sent as a preformatted string: readable by a person, and no section is dropped by the response serializer.
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="espace-pro-mes-donnees-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2) as unknown as typeof data);
  });

  app.delete('/api/me', {
    preHandler: app.requireUser,
    config: { rateLimit: perUser },
    schema: { tags, summary: 'Supprime mon compte (anonymisé ; l’établissement et ses chiffres sont conservés)', body: EraseMeBody, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    const principal = request.principal!;
    if (!(await isCurrentPassword(app, principal.userId, request.body.password))) {
      throw new Problem(400, 'error.validation', [{ field: 'password', key: 'auth.wrongCurrentPassword' }]);
    }
    await eraseUser(app, principal.userId, request.ip);
    await releaseErasedUser(app, principal.userId);
    app.clearAuthCookies(reply);
    return reply.code(204).send();
  });
}
