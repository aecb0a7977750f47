import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/accounts';
import type { TokenPurpose } from '../../../db/queries/tokens';
import type { Config } from '../../../common/config';
import { hashToken, oneTimeHashFor as hashForSecret } from '../../../common/link-tokens';
import type { TokenInfo } from '../../schemas/accounts';
import { toTokenInfo } from './mapping';
import { orRefuse } from './refusals';

// One-time links: invitations and password resets, opened, then used.

/** How a one-time token row id maps to the stored hash (the token itself is derived from the id and the secret). */
export const oneTimeHashFor = (config: Pick<Config, 'JWT_SECRET'>) => hashForSecret(config.JWT_SECRET);

/** Hash of a token received from a link. */
export const hashOneTimeToken = (token: string) => hashToken(token);

/** The mail a committed change queued goes out through its job. */
export async function sendAfterCommit(app: FastifyInstance, messageId: string | null) {
  if (messageId) await app.enqueue('mail.send', { messageId });
}

/** Who a usable link is for (null when it is not usable), without spending it. */
export async function openLink(app: FastifyInstance, token: string, purpose: TokenPurpose): Promise<TokenInfo | null> {
  const row = await q.peekToken(app.db, hashOneTimeToken(token), purpose);
  return row ? toTokenInfo(purpose, row) : null;
}

export async function resetPassword(app: FastifyInstance, input: { token: string; passwordHash: string; ip: string | null }): Promise<void> {
  const result = orRefuse(await q.resetPassword(app.db, { tokenHash: hashOneTimeToken(input.token), passwordHash: input.passwordHash, ip: input.ip }));
  await sendAfterCommit(app, result.messageId);
}

export async function acceptInvitation(app: FastifyInstance, input: Omit<Parameters<typeof q.acceptInvitation>[1], 'tokenHash'> & { token: string }) {
  const { token, ...rest } = input;
  return orRefuse(await q.acceptInvitation(app.db, { ...rest, tokenHash: hashOneTimeToken(token) })).grant;
}
