import type { FastifyInstance } from 'fastify';
import { PER_USER_LIMIT } from '../plugins/security';
import { routeFile } from '../lib/route';
import { NoContent } from '../schemas/common';
import { EraseMeBody, MeExportSchema } from '../schemas/accounts';
import { confirmCurrentPassword } from '../services/accounts';
import { erasePersonalData, exportPersonalData } from '../services/personal-data';

/**
 * The signed-in person's data across every feature (RGPD): download it, or
 * erase it. Registered after the features (server/app.ts): it runs each one's
 * part (server/services/personal-data.ts), so it cannot be one of them.
 */
export default async function personalDataRoutes(fastify: FastifyInstance) {
  const { app, route, anyone } = routeFile(fastify, ['mon compte']);

  app.get('/api/me/export', route(anyone, 'Télécharge toutes les données me concernant (RGPD, JSON)', { 200: { ...MeExportSchema, description: 'Fichier JSON (pièce jointe)' } }), async (request, reply) => {
    const data = await exportPersonalData(app, { userId: request.principal!.userId, ip: request.ip });
    const day = data.exportedAt.slice(0, 10);
    // Sent as a preformatted string: readable by a person, and no section is dropped by the response serializer.
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="espace-pro-mes-donnees-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2) as never);
  });

  app.delete('/api/me', {
    ...route(anyone, 'Supprime mon compte (anonymisé ; l’établissement et ses chiffres sont conservés)', { 204: NoContent }, { body: EraseMeBody }),
    config: { rateLimit: PER_USER_LIMIT },
  }, async (request, reply) => {
    const principal = request.principal!;
    await confirmCurrentPassword(app, principal.userId, request.body.password, 'password');
    await erasePersonalData(app, { userId: principal.userId, ip: request.ip });
    app.clearAuthCookies(reply);
    return reply.code(204).send();
  });
}
