import type { FastifyInstance } from 'fastify';
import { loadAudienceViewer } from '../../../db/queries/audience';
import { readableTarget, type SheetReader, type Target } from '../../../db/queries/news/targets';
import type { Principal } from '../../plugins/auth';
import { refusal } from './refusals';

/** Who reads: their audience (the shared predicate) and establishment. */
export async function readerOf(app: FastifyInstance, principal: Principal): Promise<SheetReader & { userId: string }> {
  return { viewer: await loadAudienceViewer(app.db, principal), establishmentId: principal.establishmentId, userId: principal.userId };
}

/**
 * The target when the reader may see it (a sheet taking comments only once
 * published); otherwise 404, as if absent: a partner outside a post's
 * audience learns nothing of it.
 */
export async function visibleTarget(app: FastifyInstance, principal: Principal, target: Target, forComments = false) {
  const found = await readableTarget(app.db, target, await readerOf(app, principal), forComments);
  if (!found) throw refusal(target.kind === 'post' ? 'postNotFound' : 'sheetNotFound');
  return found;
}
