import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, problemResponses } from '../schemas/common';
import { SegmentBody, SegmentList, SegmentPreviewBody, SegmentPreviewSchema, SegmentSchema } from '../schemas/newsletter-segments';
import { preview, putSegment, removeSegment, segmentDto, segmentList } from '../services/newsletter-segments/segments';

/**
 * Newsletter segments, admins only: the campaigns they feed are admins' (only
 * admins send), and the preview shows people's names. Staff get 403.
 */
export default async function newsletterSegmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = app.requireRole('admin');
  const tags = ['newsletters'];

  app.get('/api/newsletters/segments', {
    preHandler: admin,
    schema: { tags, summary: 'Segments enregistrés, par nom', response: { 200: SegmentList, ...problemResponses } },
  }, async () => segmentList(app));

  app.post('/api/newsletters/segments', {
    preHandler: admin,
    schema: { tags, summary: 'Enregistre un segment (un filtre nommé)', body: SegmentBody, response: { 201: SegmentSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await putSegment(app, request.body, { userId: request.principal!.userId })));

  app.post('/api/newsletters/segments/preview', {
    preHandler: admin,
    schema: { tags, summary: 'Nombre de destinataires d’un filtre parmi les abonnés d’un thème, et un échantillon (adresses masquées)', body: SegmentPreviewBody, response: { 200: SegmentPreviewSchema, ...problemResponses } },
  }, async (request) => preview(app, request.body));

  app.get('/api/newsletters/segments/:id', {
    preHandler: admin,
    schema: { tags, summary: 'Un segment', params: IdParams, response: { 200: SegmentSchema, ...problemResponses } },
  }, async (request) => segmentDto(app, request.params.id));

  app.put('/api/newsletters/segments/:id', {
    preHandler: admin,
    schema: { tags, summary: 'Modifie un segment', params: IdParams, body: SegmentBody, response: { 200: SegmentSchema, ...problemResponses } },
  }, async (request) => putSegment(app, request.body, { userId: request.principal!.userId, id: request.params.id }));

  app.delete('/api/newsletters/segments/:id', {
    preHandler: admin,
    schema: { tags, summary: 'Supprime un segment (refusé s’il sert à un brouillon ou une campagne programmée)', params: IdParams, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    await removeSegment(app, request.params.id);
    return reply.code(204).send();
  });
}
