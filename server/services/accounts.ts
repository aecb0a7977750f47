import type { FastifyInstance } from 'fastify';
import * as q from '../../db/queries/accounts';
import type { Config } from '../../common/config';
import { deriveOneTimeToken, hashToken } from '../../common/link-tokens';

/**
 * Account use cases that span a transaction and a job: the query commits the
 * change together with its outbox row, then the mail job is enqueued.
 */

/** How a one-time token row id maps to the stored hash (the token itself is derived from the id and the secret). */
export const oneTimeHashFor = (config: Pick<Config, 'JWT_SECRET'>) => (id: string) => hashToken(deriveOneTimeToken(config.JWT_SECRET, id));

/** Hash of a token received from a link. */
export const hashOneTimeToken = (token: string) => hashToken(token);

async function sendAfterCommit(app: FastifyInstance, messageId: string | null) {
  if (messageId) await app.enqueue('mail.send', { messageId });
}

export async function inviteUser(app: FastifyInstance, input: Omit<Parameters<typeof q.inviteUser>[1], 'ttlMs' | 'hashFor'>) {
  const result = await q.inviteUser(app.db, { ...input, ttlMs: app.config.INVITATION_TTL_HOURS * 3_600_000, hashFor: oneTimeHashFor(app.config) });
  if (result.kind === 'ok') await sendAfterCommit(app, result.messageId);
  return result;
}

export async function resendInvitation(app: FastifyInstance, input: Omit<Parameters<typeof q.resendInvitation>[1], 'ttlMs' | 'hashFor'>) {
  const result = await q.resendInvitation(app.db, { ...input, ttlMs: app.config.INVITATION_TTL_HOURS * 3_600_000, hashFor: oneTimeHashFor(app.config) });
  if (result.kind === 'ok') await sendAfterCommit(app, result.messageId);
  return result;
}

/** Always resolves the same way: the caller answers 202 whether or not the address is known. */
export async function requestPasswordReset(app: FastifyInstance, email: string, ip: string | null): Promise<void> {
  const messageId = await q.requestPasswordReset(app.db, { email, ttlMs: app.config.RESET_TTL_MINUTES * 60_000, hashFor: oneTimeHashFor(app.config), ip });
  await sendAfterCommit(app, messageId);
}

export async function resetPassword(app: FastifyInstance, input: { token: string; passwordHash: string; ip: string | null }) {
  const result = await q.resetPassword(app.db, { tokenHash: hashOneTimeToken(input.token), passwordHash: input.passwordHash, ip: input.ip });
  if (result.kind === 'ok') await sendAfterCommit(app, result.messageId);
  return result;
}

export async function changePassword(app: FastifyInstance, input: Parameters<typeof q.changePassword>[1]): Promise<void> {
  await sendAfterCommit(app, await q.changePassword(app.db, input));
}
