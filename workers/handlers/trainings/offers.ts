import { UnrecoverableError } from 'bullmq';
import { expireOffer } from '../../../db/queries/trainings/offers';
import type { JobHandler } from '../../jobs';
import { isUuid } from '../../../common/ids';
import { applyEffects } from './effects';

/**
 * Runs when an offer's time is up (a delayed job). Re-reads the registration
 * under the session lock: an offer already accepted, declined, expired or
 * replaced by a later round is left alone, so a second run does nothing.
 * A job that fires a little early (clock skew) retries later.
 */
export const expireTrainingOffer: JobHandler<'trainings.offer-expire'> = async (payload, ctx) => {
  const p = payload as Partial<typeof payload> | null;
  if (!p || !isUuid(p.registrationId) || !Number.isInteger(p.round) || typeof p.expiresAt !== 'string' || Number.isNaN(Date.parse(p.expiresAt))) {
    throw new UnrecoverableError('trainings.offer-expire: bad payload');
  }
  const result = await expireOffer(ctx.db, { registrationId: p.registrationId, round: p.round! });
  await applyEffects(ctx.queues, result.effects);
  if (result.notDue) throw new Error('offer not yet due; retrying');
  return { expired: result.expired };
};
