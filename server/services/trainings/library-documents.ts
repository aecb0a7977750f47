import type { FastifyInstance } from 'fastify';
import { getTraining } from '../../../db/queries/trainings/catalogue';
import * as q from '../../../db/queries/trainings/library-documents';
import type { MessageKey } from '../../i18n';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import type { AttachedDocument } from '../../schemas/document-contributions';
import { viewerOf } from '../documents';
import { isStaff, visibleSession } from './access';

/**
 * Library documents on training and session pages. Listing applies the
 * library's audience (a partner never sees a document hidden from them);
 * downloading goes through the library's own download route, which checks
 * it again at every request.
 */

type AttachedRow = Awaited<ReturnType<typeof q.listAttachedDocuments>>[number];
const toAttached = (r: AttachedRow): AttachedDocument => ({
  id: r.id, sessionId: r.sessionId, documentId: r.documentId, title: r.title, credit: r.credit, mediaType: r.mediaType, size: r.size, originalName: r.originalName,
});

const attachRefusals = {
  trainingNotFound: [404, 'documents.trainingNotFound'], sessionNotFound: [404, 'documents.sessionNotFound'],
  documentNotFound: [404, 'documents.notFound'], alreadyAttached: [409, 'documents.alreadyAttached'],
} as const satisfies Record<q.AttachRefusal, readonly [number, MessageKey]>;

/** The training page: its own documents (staff: every attachment, sessions' included). */
export async function forTraining(app: FastifyInstance, principal: Principal, trainingId: string) {
  if (!(await getTraining(app.db, trainingId))) throw new Problem(404, 'documents.trainingNotFound');
  const rows = await q.listAttachedDocuments(app.db, { trainingId, sessionId: isStaff(principal) ? 'all' : null, viewer: await viewerOf(app, principal) });
  return { items: rows.map(toAttached) };
}

/** A session page: the training's documents and the session's own. */
export async function forSession(app: FastifyInstance, principal: Principal, sessionId: string) {
  const session = await visibleSession(app, principal, sessionId);
  const rows = await q.listAttachedDocuments(app.db, { trainingId: session.trainingId, sessionId, viewer: await viewerOf(app, principal) });
  return { items: rows.map(toAttached) };
}

export async function attach(app: FastifyInstance, principal: Principal, trainingId: string, body: { documentId: string; sessionId?: string | null }) {
  const result = await q.attachDocument(app.db, { trainingId, sessionId: body.sessionId ?? null, documentId: body.documentId, actorId: principal.userId });
  if (!result.ok) throw new Problem(attachRefusals[result.reason][0], attachRefusals[result.reason][1]);
  const rows = await q.listAttachedDocuments(app.db, { trainingId, sessionId: 'all', viewer: { kind: 'staff' } });
  return toAttached(rows.find((r) => r.id === result.id)!);
}

export async function detach(app: FastifyInstance, trainingId: string, attachmentId: string) {
  if (!(await q.detachDocument(app.db, { trainingId, attachmentId }))) throw new Problem(404, 'documents.attachmentNotFound');
}
