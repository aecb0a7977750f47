import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, problemResponses } from '../schemas/common';
import { AttachDocumentBody, AttachedDocumentList, AttachedDocumentSchema, AttachmentParams } from '../schemas/document-contributions';
import * as attached from '../services/trainings/library-documents';

const tags = ['trainings'];
const NoContent = Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' });

/** Library documents on training and session pages (downloads go through /api/documents/:id/download, audience checked there). */
export default async function trainingDocumentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staff = app.requireRole('staff', 'admin');
  const anyone = app.requireUser;

  app.get('/api/trainings/:id/documents', {
    preHandler: anyone,
    schema: { tags, summary: 'Documents joints à une formation', params: IdParams, response: { 200: AttachedDocumentList, ...problemResponses } },
  }, async (request) => attached.forTraining(app, request.principal!, request.params.id));

  app.post('/api/trainings/:id/documents', {
    preHandler: staff,
    schema: { tags, summary: 'Joint un document de la bibliothèque à une formation ou à l’une de ses sessions', params: IdParams, body: AttachDocumentBody, response: { 201: AttachedDocumentSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await attached.attach(app, request.principal!, request.params.id, request.body)));

  app.delete('/api/trainings/:id/documents/:attachmentId', {
    preHandler: staff,
    schema: { tags, summary: 'Retire un document joint', params: AttachmentParams, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    await attached.detach(app, request.params.id, request.params.attachmentId);
    return reply.code(204).send();
  });

  app.get('/api/trainings/sessions/:id/documents', {
    preHandler: anyone,
    schema: { tags, summary: 'Documents d’une session (ceux de la formation et les siens)', params: IdParams, response: { 200: AttachedDocumentList, ...problemResponses } },
  }, async (request) => attached.forSession(app, request.principal!, request.params.id));
}
