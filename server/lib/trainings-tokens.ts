import { createHmac } from 'node:crypto';
import { safeEqual } from './tokens';

/**
 * Signed tokens of the trainings feature, for links in e-mails and the
 * calendar feed: `<ids>.<hmac>`. Nothing secret is stored: the mail worker
 * rebuilds a link from the ids its job carries, and validity is decided by
 * the database state (an offer link only works while that offer round is
 * open; a feed URL only while its feed id is the user's current one).
 */
type Purpose = 'offer' | 'survey' | 'feed';

function sign(secret: string, purpose: Purpose, payload: string): string {
  return createHmac('sha256', secret).update(`training-${purpose}:${payload}`).digest('base64url').slice(0, 32);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function offerToken(secret: string, registrationId: string, round: number): string {
  const payload = `${registrationId}.${round}`;
  return `${payload}.${sign(secret, 'offer', payload)}`;
}

export function readOfferToken(secret: string, token: string): { registrationId: string; round: number } | null {
  const [id, round, mac] = token.split('.');
  if (!id || !round || !mac || !UUID.test(id) || !/^[0-9]{1,9}$/.test(round)) return null;
  return safeEqual(mac, sign(secret, 'offer', `${id}.${round}`)) ? { registrationId: id, round: Number(round) } : null;
}

export function surveyToken(secret: string, registrationId: string): string {
  return `${registrationId}.${sign(secret, 'survey', registrationId)}`;
}

export function readSurveyToken(secret: string, token: string): string | null {
  const [id, mac, extra] = token.split('.');
  if (!id || !mac || extra !== undefined || !UUID.test(id)) return null;
  return safeEqual(mac, sign(secret, 'survey', id)) ? id : null;
}

export function feedToken(secret: string, feedId: string): string {
  return `${feedId}.${sign(secret, 'feed', feedId)}`;
}

export function readFeedToken(secret: string, token: string): string | null {
  const [id, mac, extra] = token.split('.');
  if (!id || !mac || extra !== undefined || !UUID.test(id)) return null;
  return safeEqual(mac, sign(secret, 'feed', id)) ? id : null;
}
