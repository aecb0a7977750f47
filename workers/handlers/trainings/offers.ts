import { expireOffer } from '../../../db/queries/trainings/offers';
import { enqueueEffects, type JobHandler } from '../../jobs';

/**
 * Runs when an offer's time is up (a delayed job). Re-reads the registration
 * under the session lock: an offer already accepted, declined, expired or
 * replaced by a later round is left alone, so a second run does nothing.
 * A job that fires a little early (clock skew) retries later.
 */
export const expireTrainingOffer: JobHandler<'trainings.offer-expire'> = async ({ registrationId, round }, ctx) => {
  const result = await expireOffer(ctx.db, { registrationId, round });
  await enqueueEffects(ctx.queues, result.effects);
  if (result.notDue) throw new Error('offer not yet due; retrying');
  return { expired: result.expired };
};
