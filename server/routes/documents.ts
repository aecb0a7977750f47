import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type, type Static } from 'typebox';
import { IdParams, problemResponses, ProblemSchema } from '../schemas/common';
import { routeFile } from '../lib/route';
import {
  CreateFolderBody, DocumentDetailSchema, DocumentList, DocumentListQuery, FolderList, FolderSchema, ReviewList, ReviewQuery, UpdateDocumentBody,
  DownloadQuery, UpdateFolderBody, UploadResultSchema, VersionParams, VisitSchema,
} from '../schemas/documents';
import * as svc from '../services/documents';
import { createListCache } from '../services/documents/list-cache';

const tags = ['documents'];
const uploadProblems = { ...problemResponses, 413: ProblemSchema, 415: ProblemSchema };
const FileBody = Type.String({ description: 'Le fichier (flux binaire)' });
const NoContent = Type.Unsafe<void>({ type: 'null', description: 'Pas de contenu' });

/**
 * The document library (centre de ressources): folders, documents with
 * versions, streamed uploads, downloads. Every read applies the audience
 * (db/queries/audience.ts); hidden and absent documents both answer 404.
 */
export default async function documentRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, staff } = routeFile(fastify, tags);

  // Streams only (request.file()); limits are set per upload from UPLOAD_MAX_BYTES.
  await app.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: app.config.UPLOAD_MAX_BYTES, files: 1 } });

  app.addHook('onReady', async () => svc.warnIfAccentSensitive(app));
  const library: svc.LibraryCaches = { pages: createListCache(app.changes), totals: createListCache(app.changes) };

  // ---------- folders ----------

  app.get('/api/documents/folders', route(anyone, 'Dossiers visibles de la bibliothèque', { 200: FolderList }),
    async (request) => svc.listFolders(app, request.principal!));

  app.post('/api/documents/folders', route(staff, 'Crée un dossier', { 201: FolderSchema }, { body: CreateFolderBody }),
    async (request, reply) => reply.code(201).send(await svc.createFolder(app, request.principal!, request.body)));

  app.patch('/api/documents/folders/:id', route(staff, 'Renomme, déplace un dossier ou change son public (jamais dans ses propres sous-dossiers)', { 200: FolderSchema }, { params: IdParams, body: UpdateFolderBody }),
    async (request) => svc.updateFolder(app, request.params.id, request.body));

  app.delete('/api/documents/folders/:id', route(staff, 'Supprime un dossier vide (409 sinon)', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await svc.removeFolder(app, request.params.id);
    return reply.code(204).send();
  });

  // ---------- documents ----------

  app.get('/api/documents', route(anyone, 'Documents (dossier, recherche)', { 200: DocumentList }, { querystring: DocumentListQuery }), async (request, reply) => {
    const body = await svc.list(app, request.principal!, request.query, library);
    // A page from memory is already JSON in the DocumentList shape (tests/server/documents.test.ts, « pages kept in memory »): sent as is.
    return typeof body === 'string' ? reply.type('application/json; charset=utf-8').send(body as unknown as Static<typeof DocumentList>) : body;
  });

  app.post('/api/documents', {
    preHandler: staff,
    // Uploads are multipart; the cross-site check of every write still applies (server/plugins/security.ts).
    config: { bodyTypes: ['multipart/form-data'] },
    schema: {
      tags, summary: 'Dépose un document (multipart : champ `meta` en JSON, puis le fichier)', consumes: ['multipart/form-data'],
      response: { 201: UploadResultSchema, ...uploadProblems },
    },
  }, async (request, reply) => reply.code(201).send(await svc.createFromUpload(app, request, request.principal!)));

  app.post('/api/documents/visits', route(anyone, 'Ouverture de la bibliothèque (repères « nouveau »)', { 200: VisitSchema }),
    async (request) => svc.recordVisit(app, request.principal!));

  app.get('/api/documents/review', route(staff, 'Documents à revoir (date de revue passée)', { 200: ReviewList }, { querystring: ReviewQuery }),
    async (request) => svc.dueForReview(app, request.query));

  app.get('/api/documents/:id', route(anyone, 'Un document', { 200: DocumentDetailSchema }, { params: IdParams }),
    async (request) => svc.getDetail(app, request.principal!, request.params.id));

  app.patch('/api/documents/:id', route(staff, 'Modifie un document (détails, statut, public, revue)', { 200: DocumentDetailSchema }, { params: IdParams, body: UpdateDocumentBody }),
    async (request) => svc.update(app, request.params.id, request.body));

  app.delete('/api/documents/:id', route(staff, 'Supprime un document et ses fichiers', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await svc.remove(app, request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/documents/:id/thumbnail', route(anyone, 'Vignette de la version courante (images)', { 200: FileBody }, { params: IdParams }),
    async (request, reply) => svc.thumbnail(app, request, reply, request.params.id));

  app.post('/api/documents/:id/versions/:versionId/restore', route(staff, 'Rétablit une version précédente', { 200: DocumentDetailSchema }, { params: VersionParams }),
    async (request) => svc.restore(app, request.params.id, request.params.versionId));

  app.post('/api/documents/:id/versions', {
    preHandler: staff,
    // Uploads are multipart; the cross-site check of every write still applies (server/plugins/security.ts).
    config: { bodyTypes: ['multipart/form-data'] },
    schema: {
      tags, summary: 'Dépose une nouvelle version (multipart : `meta` { changeNote } puis le fichier)', consumes: ['multipart/form-data'],
      params: IdParams, response: { 201: UploadResultSchema, ...uploadProblems },
    },
  }, async (request, reply) => reply.code(201).send(await svc.addVersionFromUpload(app, request, request.principal!, request.params.id)));

  app.get('/api/documents/:id/download', {
    preHandler: anyone,
    schema: { tags, summary: 'Télécharge la version courante (Range accepté ; `preview` : aperçu, non compté)', params: IdParams, querystring: DownloadQuery, response: { 200: FileBody, 206: FileBody, ...problemResponses, 416: ProblemSchema } },
  }, async (request, reply) => svc.download(app, request, reply, { documentId: request.params.id }, { count: !request.query.preview }));

  app.get('/api/documents/:id/versions/:versionId/download', {
    preHandler: staff,
    schema: { tags, summary: 'Télécharge une version précise (personnel)', params: VersionParams, response: { 200: FileBody, 206: FileBody, ...problemResponses, 416: ProblemSchema } },
  }, async (request, reply) => svc.download(app, request, reply, { documentId: request.params.id, versionId: request.params.versionId }));
}
