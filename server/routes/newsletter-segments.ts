import type { FastifyInstance } from 'fastify';
import { IdParams, NoContent } from '../schemas/common';
import { routeFile } from '../lib/route';
import { SegmentBody, SegmentList, SegmentPreviewBody, SegmentPreviewSchema, SegmentSchema } from '../schemas/newsletter-segments';
import { preview, putSegment, removeSegment, segmentDto, segmentList } from '../services/newsletter-segments/segments';

/**
 * Newsletter segments, admins only: the campaigns they feed are admins' (only
 * admins send), and the preview shows people's names. Staff get 403.
 */
export default async function newsletterSegmentRoutes(fastify: FastifyInstance) {
  const { app, route, admin } = routeFile(fastify, ['newsletters']);

  app.get('/api/newsletters/segments', route(admin, 'Segments enregistrés, par nom', { 200: SegmentList }),
    async () => segmentList(app));

  app.post('/api/newsletters/segments', route(admin, 'Enregistre un segment (un filtre nommé)', { 201: SegmentSchema }, { body: SegmentBody }),
    async (request, reply) => reply.code(201).send(await putSegment(app, request.body, { userId: request.principal!.userId })));

  app.post('/api/newsletters/segments/preview', route(admin, 'Nombre de destinataires d’un filtre parmi les abonnés d’un thème, et un échantillon (adresses masquées)', { 200: SegmentPreviewSchema }, { body: SegmentPreviewBody }),
    async (request) => preview(app, request.body));

  app.get('/api/newsletters/segments/:id', route(admin, 'Un segment', { 200: SegmentSchema }, { params: IdParams }),
    async (request) => segmentDto(app, request.params.id));

  app.put('/api/newsletters/segments/:id', route(admin, 'Modifie un segment', { 200: SegmentSchema }, { params: IdParams, body: SegmentBody }),
    async (request) => putSegment(app, request.body, { userId: request.principal!.userId, id: request.params.id }));

  app.delete('/api/newsletters/segments/:id', route(admin, 'Supprime un segment (refusé s’il sert à un brouillon ou une campagne programmée)', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await removeSegment(app, request.params.id);
    return reply.code(204).send();
  });
}
