import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../schemas/common';
import { routeFile } from '../lib/route';
import { AttachDocumentBody, AttachedDocumentList, AttachedDocumentSchema, AttachmentParams } from '../schemas/document-contributions';
import * as attached from '../services/trainings/library-documents';

const NoContent = Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' });

/** Library documents on training and session pages (downloads go through /api/documents/:id/download, audience checked there). */
export default async function trainingDocumentRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, staff } = routeFile(fastify, ['trainings']);

  app.get('/api/trainings/:id/documents', route(anyone, 'Documents joints à une formation', { 200: AttachedDocumentList }, { params: IdParams }),
    async (request) => attached.forTraining(app, request.principal!, request.params.id));

  app.post('/api/trainings/:id/documents', route(staff, 'Joint un document de la bibliothèque à une formation ou à l’une de ses sessions', { 201: AttachedDocumentSchema }, { params: IdParams, body: AttachDocumentBody }),
    async (request, reply) => reply.code(201).send(await attached.attach(app, request.principal!, request.params.id, request.body)));

  app.delete('/api/trainings/:id/documents/:attachmentId', route(staff, 'Retire un document joint', { 204: NoContent }, { params: AttachmentParams }), async (request, reply) => {
    await attached.detach(app, request.params.id, request.params.attachmentId);
    return reply.code(204).send();
  });

  app.get('/api/trainings/sessions/:id/documents', route(anyone, 'Documents d’une session (ceux de la formation et les siens)', { 200: AttachedDocumentList }, { params: IdParams }),
    async (request) => attached.forSession(app, request.principal!, request.params.id));
}
