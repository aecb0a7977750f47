import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { capturedMail, capturedMailPage, deliveryPage } from '../services/mail';
import { Problem } from '../plugins/errors';
import { IdParams, problemResponses } from '../schemas/common';
import { OutboxDeliveryPageSchema, OutboxMailSchema, OutboxPageSchema, OutboxQuery } from '../schemas/mail';

/** « Boîte d'envoi »: the mail captured while no SMTP server is configured (admins only). */
export default async function mailRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = app.requireRole('admin');
  const tags = ['mail'];

  app.get('/api/outbox', {
    preHandler: admin,
    schema: { tags, summary: 'Boîte d’envoi : messages capturés (sans serveur SMTP)', querystring: OutboxQuery, response: { 200: OutboxPageSchema, ...problemResponses } },
  }, async (request) => capturedMailPage(app, request.query));

  app.get('/api/outbox/deliveries', {
    preHandler: admin,
    schema: { tags, summary: 'Boîte d’envoi : état de distribution des messages (en file, réessai prévu, refusé…)', querystring: OutboxQuery, response: { 200: OutboxDeliveryPageSchema, ...problemResponses } },
  }, async (request) => deliveryPage(app, request.query));

  app.get('/api/outbox/:id', {
    preHandler: admin,
    schema: { tags, summary: 'Un message capturé (HTML à afficher dans une iframe sandbox)', params: IdParams, response: { 200: OutboxMailSchema, ...problemResponses } },
  }, async (request) => {
    const mail = await capturedMail(app, request.params.id);
    if (!mail) throw new Problem(404, 'error.notFound');
    return mail;
  });
}
