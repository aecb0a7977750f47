import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as q from '../../../db/queries/documents';
import { STAFF_ONLY, type Audience } from '../../../db/queries/audience';
import { CONTRIBUTION_LICENCE_VERSION, type ContributionStatus } from '../../../common/documents';
import type { MessageKey } from '../../i18n';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import { ContributionMeta, type ApproveContributionBody, type Contribution } from '../../schemas/document-contributions';
import { assertAudience, enqueueProcessing, isStaff, receiveWithMeta, recordOrDiscard, sendStored } from './index';
import { ruleFor } from './file-types';

/**
 * Partner contributions: a partner proposes a file (streamed and checked
 * like any upload) with an author credit and the usage licence; staff
 * approve it into a folder (it becomes a published document, credit kept)
 * or decline it with a message. Partners see their establishment's
 * proposals only; a proposal of another establishment answers 404.
 */

const iso = (d: Date | string) => new Date(d).toISOString();

export function toContribution(row: q.ContributionRow): Contribution {
  return {
    id: row.id, title: row.title, description: row.description, credit: row.credit, status: row.status,
    establishment: row.establishmentId ? { id: row.establishmentId, name: row.establishmentName ?? '' } : null, proposerName: row.proposerName,
    originalName: row.originalName, mediaType: row.mediaType, size: row.size, licenceVersion: row.licenceVersion, licenceAcceptedAt: iso(row.licenceAcceptedAt),
    documentId: row.documentId, folderId: row.folderId, decidedAt: row.decidedAt ? iso(row.decidedAt) : null, decisionMessage: row.decisionMessage,
    createdAt: iso(row.createdAt),
  };
}

const decisionRefusals = {
  notFound: [404, 'documents.contributionNotFound'], alreadyDecided: [409, 'documents.contributionDecided'], folderNotFound: [404, 'documents.folderNotFound'],
} as const satisfies Record<q.DecisionRefusal, readonly [number, MessageKey]>;

const refuse = (reason: q.DecisionRefusal) => new Problem(decisionRefusals[reason][0], decisionRefusals[reason][1]);

function scopeOf(principal: Principal): q.ContributionScope {
  if (isStaff(principal)) return { kind: 'staff' };
  // A partner without an establishment (erased) has nothing to see: an id no row has.
  return { kind: 'establishment', establishmentId: principal.establishmentId ?? '00000000-0000-0000-0000-000000000000' };
}

async function findOr404(app: FastifyInstance, principal: Principal, id: string) {
  const row = await q.getContribution(app.db, id, scopeOf(principal));
  if (!row) throw new Problem(404, 'documents.contributionNotFound');
  return row;
}

export async function propose(app: FastifyInstance, request: FastifyRequest, principal: Principal) {
  const establishmentId = principal.establishmentId;
  if (!establishmentId) throw new Problem(403, 'documents.contributionsPartnersOnly');
  const { upload, meta } = await receiveWithMeta(app, request, ContributionMeta);
  const id = await recordOrDiscard(app, upload, () =>
    q.createContribution(app.db, {
      proposedBy: principal.userId, establishmentId, title: meta.title.trim(), description: meta.description?.trim() ?? '', credit: meta.credit.trim(),
      licenceVersion: CONTRIBUTION_LICENCE_VERSION,
      file: { storageKey: upload.key, originalName: upload.originalName, mediaType: upload.rule.mediaType, size: upload.size, sha256: upload.sha256 },
    }),
  );
  return toContribution((await q.getContribution(app.db, id, { kind: 'staff' }))!);
}

export async function list(app: FastifyInstance, principal: Principal, query: { status?: ContributionStatus; page?: number; pageSize?: number }) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await q.listContributions(app.db, { scope: scopeOf(principal), status: query.status, page, pageSize });
  return { items: items.map(toContribution), total, page, pageSize };
}

export async function get(app: FastifyInstance, principal: Principal, id: string) {
  return toContribution(await findOr404(app, principal, id));
}

/** The proposed file, for the proposer's establishment and staff, until a decision removes it (declined) or hands it to the library (approved). */
export async function file(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, id: string) {
  const row = await findOr404(app, request.principal!, id);
  if (row.status !== 'pending' || !row.storageKey) throw new Problem(404, 'documents.fileUnavailable');
  return sendStored(app, request, reply, { ...row, storageKey: row.storageKey });
}

export async function approve(app: FastifyInstance, principal: Principal, id: string, body: ApproveContributionBody) {
  const current = await findOr404(app, principal, id);
  const audience: Audience = body.audience ?? { ...STAFF_ONLY, kind: 'everyone' };
  await assertAudience(app, audience);
  const rule = ruleFor(current.originalName);
  const result = await q.approveContribution(app.db, {
    id, actorId: principal.userId, folderId: body.folderId, title: body.title?.trim() ?? current.title,
    description: body.description?.trim() ?? current.description, tags: body.tags ?? [], audience, textStatus: rule?.extractable ? 'pending' : 'none',
  });
  if (!result.ok) throw refuse(result.reason);
  if (rule) await enqueueProcessing(app, { rule }, result.versionId);
  await app.enqueue('documents.followers', { documentId: result.documentId });
  await app.enqueueEffects(result.effects);
  return { contribution: toContribution((await q.getContribution(app.db, id, { kind: 'staff' }))!), documentId: result.documentId };
}

export async function decline(app: FastifyInstance, principal: Principal, id: string, message: string) {
  const result = await q.declineContribution(app.db, { id, actorId: principal.userId, message: message.trim() });
  if (!result.ok) throw refuse(result.reason);
  await app.storage.delete(result.key).catch((err) => app.log.warn({ err, key: result.key }, 'stored object left for the sweeper'));
  await app.enqueueEffects(result.effects);
  return toContribution((await q.getContribution(app.db, id, { kind: 'staff' }))!);
}
