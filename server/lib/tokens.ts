import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens handed to users (refresh, invitation, reset) are stored only as SHA-256 hashes. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * A one-time token derived from its row id and the server secret: the mail
 * worker can rebuild the link from the id carried by the job, so neither the
 * job nor the database ever holds the token itself.
 */
export function deriveOneTimeToken(secret: string, tokenId: string): string {
  return createHmac('sha256', secret).update(`one-time:${tokenId}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
