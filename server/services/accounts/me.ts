import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/accounts';
import { verifyPassword } from '../../lib/passwords';
import { Problem } from '../../plugins/errors';
import type { Me } from '../../schemas/accounts';
import { toMe } from './mapping';
import { sendAfterCommit } from './one-time-links';

// The signed-in user's own account: profile, preferences, password.

/** The profile of a signed-in user; null when the account is gone (the caller answers 401). */
export async function getMe(app: FastifyInstance, userId: string): Promise<Me | null> {
  const row = await q.getMe(app.db, userId);
  return row ? toMe(row) : null;
}

export async function updateMe(app: FastifyInstance, userId: string, patch: Parameters<typeof q.updateMe>[2], ip: string | null): Promise<Me | null> {
  const row = await q.updateMe(app.db, userId, patch, ip);
  return row ? toMe(row) : null;
}

/**
 * Changing the password and erasing the account ask for the current password:
 * a wrong one is a field error (hashed anyway when there is none, so timing tells nothing).
 */
export async function confirmCurrentPassword(app: FastifyInstance, userId: string, password: string, field: string): Promise<void> {
  if (!(await verifyPassword(await q.getPasswordHash(app.db, userId), password))) {
    throw new Problem(400, 'error.validation', [{ field, key: 'auth.wrongCurrentPassword' }]);
  }
}

export async function changePassword(app: FastifyInstance, input: Parameters<typeof q.changePassword>[1]): Promise<void> {
  await sendAfterCommit(app, await q.changePassword(app.db, input));
}
