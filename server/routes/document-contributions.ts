import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { IdParams, problemResponses, ProblemSchema } from '../schemas/common';
import { routeFile } from '../lib/route';
import {
  ApproveContributionBody, ApproveResultSchema, ContributionList, ContributionListQuery, ContributionSchema, DeclineContributionBody, FollowList, FollowSchema,
} from '../schemas/document-contributions';
import * as contributions from '../services/documents/contributions';
import * as follows from '../services/documents/follows';

const tags = ['documents'];
const FileBody = Type.String({ description: 'Le fichier (flux binaire)' });

/**
 * Partner contributions to the library (« Proposer un document », « Mes
 * propositions », the staff queue « Propositions ») and folder follows.
 */
export default async function documentContributionRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, partner, staff } = routeFile(fastify, tags);

  // Streams only (request.file()); limits are set per upload from UPLOAD_MAX_BYTES.
  await app.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: app.config.UPLOAD_MAX_BYTES, files: 1 } });

  app.post('/api/documents/contributions', {
    preHandler: partner,
    // Uploads are multipart; the cross-site check of every write still applies (server/plugins/security.ts).
    config: { bodyTypes: ['multipart/form-data'] },
    schema: {
      tags, summary: 'Propose un document ou une photo (multipart : `meta` { title, description, credit, licenceAccepted } puis le fichier)',
      consumes: ['multipart/form-data'], response: { 201: ContributionSchema, ...problemResponses, 413: ProblemSchema, 415: ProblemSchema },
    },
  }, async (request, reply) => reply.code(201).send(await contributions.propose(app, request, request.principal!)));

  app.get('/api/documents/contributions', route(anyone, 'Propositions (personnel : toutes ; partenaire : celles de son établissement)', { 200: ContributionList }, { querystring: ContributionListQuery }),
    async (request) => contributions.list(app, request.principal!, request.query));

  app.get('/api/documents/contributions/:id', route(anyone, 'Une proposition', { 200: ContributionSchema }, { params: IdParams }),
    async (request) => contributions.get(app, request.principal!, request.params.id));

  app.get('/api/documents/contributions/:id/file', {
    preHandler: anyone,
    schema: { tags, summary: 'Le fichier proposé (en attente de décision)', params: IdParams, response: { 200: FileBody, 206: FileBody, ...problemResponses, 416: ProblemSchema } },
  }, async (request, reply) => contributions.file(app, request, reply, request.params.id));

  app.post('/api/documents/contributions/:id/approve', route(staff, 'Accepte une proposition dans un dossier', { 200: ApproveResultSchema }, { params: IdParams, body: ApproveContributionBody }),
    async (request) => contributions.approve(app, request.principal!, request.params.id, request.body));

  app.post('/api/documents/contributions/:id/decline', route(staff, 'Refuse une proposition, avec un message', { 200: ContributionSchema }, { params: IdParams, body: DeclineContributionBody }),
    async (request) => contributions.decline(app, request.principal!, request.params.id, request.body.message));

  // ---------- follows ----------

  app.get('/api/documents/follows', route(anyone, 'Dossiers suivis', { 200: FollowList }),
    async (request) => follows.followed(app, request.principal!));

  app.put('/api/documents/folders/:id/follow', route(anyone, 'Suit un dossier (e-mail à chaque nouveau document)', { 200: FollowSchema }, { params: IdParams }),
    async (request) => follows.follow(app, request.principal!, request.params.id));

  app.delete('/api/documents/folders/:id/follow', route(anyone, 'Ne suit plus un dossier', { 200: FollowSchema }, { params: IdParams }),
    async (request) => follows.unfollow(app, request.principal!, request.params.id));
}
