import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { UUID_PATTERN } from './ids';

/**
 * Tokens handed to people in links and cookies. The api checks them, the mail
 * worker builds them from the ids its job carries: neither the job nor the
 * database ever holds a token itself.
 */

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

/** How a one-time token's row id maps to the hash stored for it. */
export const oneTimeHashFor = (secret: string) => (tokenId: string) => hashToken(deriveOneTimeToken(secret, tokenId));

/**
 * The refresh token that follows `token` in its session. Derived (not
 * random) so that a second refresh with the same token within the reuse
 * interval can be handed the same successor without storing any token:
 * only hashes are stored.
 */
export function deriveRefreshSuccessor(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`refresh:${token}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// ---------- trainings links ----------

/**
 * Signed tokens of the trainings feature, for links in e-mails and the
 * calendar feed: `<ids>.<hmac>`. Nothing secret is stored: validity is decided
 * by the database state (an offer link only works while that offer round is
 * open; a feed URL only while its feed id is the user's current one).
 */
type Purpose = 'offer' | 'survey' | 'feed';

function sign(secret: string, purpose: Purpose, payload: string): string {
  return createHmac('sha256', secret).update(`training-${purpose}:${payload}`).digest('base64url').slice(0, 32);
}

export function offerToken(secret: string, registrationId: string, round: number): string {
  const payload = `${registrationId}.${round}`;
  return `${payload}.${sign(secret, 'offer', payload)}`;
}

export function readOfferToken(secret: string, token: string): { registrationId: string; round: number } | null {
  const [id, round, mac] = token.split('.');
  if (!id || !round || !mac || !UUID_PATTERN.test(id) || !/^[0-9]{1,9}$/.test(round)) return null;
  return safeEqual(mac, sign(secret, 'offer', `${id}.${round}`)) ? { registrationId: id, round: Number(round) } : null;
}

export function surveyToken(secret: string, registrationId: string): string {
  return `${registrationId}.${sign(secret, 'survey', registrationId)}`;
}

export function readSurveyToken(secret: string, token: string): string | null {
  return readIdToken(secret, 'survey', token);
}

export function feedToken(secret: string, feedId: string): string {
  return `${feedId}.${sign(secret, 'feed', feedId)}`;
}

export function readFeedToken(secret: string, token: string): string | null {
  return readIdToken(secret, 'feed', token);
}

/** The id of a `<id>.<hmac>` token, or null when it is malformed or not signed with this secret for this purpose. */
function readIdToken(secret: string, purpose: 'survey' | 'feed', token: string): string | null {
  const [id, mac, extra] = token.split('.');
  if (!id || !mac || extra !== undefined || !UUID_PATTERN.test(id)) return null;
  return safeEqual(mac, sign(secret, purpose, id)) ? id : null;
}

// ---------- newsletters links ----------

const TOPIC_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

function signUnsubscribe(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`newsletter-unsubscribe:${payload}`).digest('base64url').slice(0, 32);
}

/**
 * The unsubscribe link's token of one address for one topic (RFC 8058
 * one-click): `<address, base64url>.<topic>.<hmac>`. Nothing is stored: the
 * worker derives it for each recipient, the api checks the signature, and
 * using it twice changes nothing more.
 */
export function unsubscribeToken(secret: string, address: string, topicId: string): string {
  const payload = `${Buffer.from(address.toLowerCase()).toString('base64url')}.${topicId}`;
  return `${payload}.${signUnsubscribe(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { address: string; topicId: string } | null {
  const [addr, topicId, mac, extra] = token.split('.');
  if (!addr || !topicId || !mac || extra !== undefined || !TOPIC_ID_PATTERN.test(topicId) || !/^[A-Za-z0-9_-]{1,400}$/.test(addr)) return null;
  if (!safeEqual(mac, signUnsubscribe(secret, `${addr}.${topicId}`))) return null;
  return { address: Buffer.from(addr, 'base64url').toString('utf8'), topicId };
}
