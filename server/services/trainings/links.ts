import type { FastifyInstance } from 'fastify';
import { getRegistrationForMail, getSessionDocument } from '../../../db/queries/trainings/documents';
import { respondToOffer } from '../../../db/queries/trainings/offers';
import { getSessionRow } from '../../../db/queries/trainings/sessions';
import { getSurveyTarget, saveSurveyAnswer } from '../../../db/queries/trainings/survey';
import { readOfferToken, readSurveyToken } from '../../../common/link-tokens';
import type { OfferView, SurveyView } from '../../schemas/trainings';
import { toPlace } from './mapping';
import { orRefuse, refusal } from './refusals';

/** Pages opened from e-mail links, without an account: a seat offered, the satisfaction survey. GET never changes anything. */

const invalidOffer: OfferView = { state: 'invalid', expiresAt: null, session: null, userName: null };

export async function offerView(app: FastifyInstance, token: string): Promise<OfferView> {
  const ref = readOfferToken(app.config.JWT_SECRET, token);
  if (!ref) return invalidOffer;
  const reg = await getRegistrationForMail(app.db, ref.registrationId);
  const row = reg ? await getSessionRow(app.db, reg.sessionId, reg.userId) : null;
  if (!reg || !row) return invalidOffer;
  const now = new Date();
  let state: OfferView['state'];
  if (reg.offerRound !== ref.round) state = 'invalid';
  else if (row.status === 'cancelled') state = 'cancelled';
  else if (reg.status === 'offered') state = reg.offerExpiresAt && reg.offerExpiresAt > now ? 'offered' : 'expired';
  else if (reg.status === 'confirmed') state = 'accepted';
  else if (reg.status === 'declined' || reg.status === 'expired' || reg.status === 'cancelled') state = reg.status;
  else state = 'invalid';
  return {
    state, expiresAt: state === 'offered' && reg.offerExpiresAt ? reg.offerExpiresAt.toISOString() : null,
    session: { id: row.id, title: row.title, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), place: toPlace(row, false) },
    userName: reg.userName,
  };
}

export async function answerOffer(app: FastifyInstance, token: string, accept: boolean): Promise<{ state: 'accepted' | 'declined' }> {
  const ref = readOfferToken(app.config.JWT_SECRET, token);
  if (!ref) throw refusal('invalidToken');
  const out = await respondToOffer(app.db, { registrationId: ref.registrationId, round: ref.round, accept, actorId: null });
  await app.enqueueEffects(out.effects);
  if (!out.ok) throw refusal(out.state === 'invalid' ? 'invalidToken' : 'offerNotActive');
  return { state: out.state };
}

async function surveyTarget(app: FastifyInstance, token: string) {
  const id = readSurveyToken(app.config.JWT_SECRET, token);
  const target = id ? await getSurveyTarget(app.db, id) : null;
  return target && target.status === 'confirmed' && target.surveySentAt ? target : null;
}

export async function surveyView(app: FastifyInstance, token: string): Promise<SurveyView> {
  const target = await surveyTarget(app, token);
  if (!target) return { state: 'invalid', session: null };
  const doc = (await getSessionDocument(app.db, target.sessionId))!;
  return { state: target.answered ? 'answered' : 'open', session: { id: doc.id, title: doc.title, startsAt: doc.startsAt.toISOString(), endsAt: doc.endsAt.toISOString() } };
}

export async function answerSurvey(app: FastifyInstance, token: string, body: { rating: number; comment?: string | null }): Promise<void> {
  const target = await surveyTarget(app, token);
  if (!target) throw refusal('invalidToken');
  orRefuse(await saveSurveyAnswer(app.db, { registrationId: target.registrationId, sessionId: target.sessionId, rating: body.rating, comment: body.comment?.trim() || null }));
}
