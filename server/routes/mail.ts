import type { FastifyInstance } from 'fastify';
import { capturedMail, capturedMailPage, deliveryPage } from '../services/mail';
import { Problem } from '../plugins/errors';
import { IdParams } from '../schemas/common';
import { routeFile } from '../lib/route';
import { OutboxDeliveryPageSchema, OutboxMailSchema, OutboxPageSchema, OutboxQuery } from '../schemas/mail';

/** « Boîte d'envoi »: the mail captured while no SMTP server is configured (admins only). */
export default async function mailRoutes(fastify: FastifyInstance) {
  const { app, route, admin } = routeFile(fastify, ['mail']);

  app.get('/api/outbox', route(admin, 'Boîte d’envoi : messages capturés (sans serveur SMTP)', { 200: OutboxPageSchema }, { querystring: OutboxQuery }),
    async (request) => capturedMailPage(app, request.query));

  app.get('/api/outbox/deliveries', route(admin, 'Boîte d’envoi : état de distribution des messages (en file, réessai prévu, refusé…)', { 200: OutboxDeliveryPageSchema }, { querystring: OutboxQuery }),
    async (request) => deliveryPage(app, request.query));

  app.get('/api/outbox/:id', route(admin, 'Un message capturé (HTML à afficher dans une iframe sandbox)', { 200: OutboxMailSchema }, { params: IdParams }), async (request) => {
    const mail = await capturedMail(app, request.params.id);
    if (!mail) throw new Problem(404, 'error.notFound');
    return mail;
  });
}
