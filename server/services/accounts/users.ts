import type { FastifyInstance } from 'fastify';
import { linkTtlMs } from '../../../common/config';
import * as q from '../../../db/queries/accounts';
import type { UserListItem } from '../../schemas/accounts';
import { toUserListItem } from './mapping';
import { oneTimeHashFor, sendAfterCommit } from './one-time-links';
import { orRefuse } from './refusals';

/**
 * Users as staff and administrators manage them. The changes that span a
 * transaction and a job: the query commits the change with its outbox row,
 * then the mail job is enqueued.
 */

export async function listUsers(app: FastifyInstance, filters: q.UserFilters) {
  const page = await q.listUsers(app.db, filters);
  return { ...page, items: page.items.map(toUserListItem) };
}

export async function updateUser(app: FastifyInstance, input: Parameters<typeof q.updateUser>[1]): Promise<UserListItem> {
  return toUserListItem(orRefuse(await q.updateUser(app.db, input)).user);
}

export async function inviteUser(app: FastifyInstance, input: Omit<Parameters<typeof q.inviteUser>[1], 'ttlMs' | 'hashFor'>): Promise<{ id: string }> {
  const result = orRefuse(await q.inviteUser(app.db, { ...input, ttlMs: linkTtlMs(app.config).invitation, hashFor: oneTimeHashFor(app.config) }));
  await sendAfterCommit(app, result.messageId);
  return { id: result.userId };
}

export async function resendInvitation(app: FastifyInstance, input: Omit<Parameters<typeof q.resendInvitation>[1], 'ttlMs' | 'hashFor'>): Promise<void> {
  const result = orRefuse(await q.resendInvitation(app.db, { ...input, ttlMs: linkTtlMs(app.config).invitation, hashFor: oneTimeHashFor(app.config) }));
  await sendAfterCommit(app, result.messageId);
}
