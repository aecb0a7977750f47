import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/documents';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import { viewerOf } from './index';

/** Following a folder: its new documents (within the follower's audience) are mailed to them, when their preferences allow. */

export async function follow(app: FastifyInstance, principal: Principal, folderId: string) {
  if (!(await q.followFolder(app.db, { userId: principal.userId, folderId, viewer: await viewerOf(app, principal) }))) throw new Problem(404, 'documents.folderNotFound');
  return { folderId, following: true };
}

export async function unfollow(app: FastifyInstance, principal: Principal, folderId: string) {
  await q.unfollowFolder(app.db, { userId: principal.userId, folderId });
  return { folderId, following: false };
}

export async function followed(app: FastifyInstance, principal: Principal) {
  return { folderIds: await q.followedFolderIds(app.db, principal.userId) };
}
