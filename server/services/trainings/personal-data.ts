import type { FastifyInstance } from 'fastify';
import { cancelRegistration } from '../../../db/queries/trainings/moves';
import { eraseTrainingPersonalData, upcomingActiveRegistrationIds } from '../../../db/queries/trainings/personal-data';

export { exportTrainingData } from '../../../db/queries/trainings/personal-data';

/**
 * RGPD erasure, trainings part: frees the person's seats and waiting-list
 * places in sessions still to come (the next person gets the offer as for any
 * cancellation), then deletes their calendar feed and survey comments.
 */
export async function releaseErasedUser(app: FastifyInstance, userId: string): Promise<void> {
  for (const registrationId of await upcomingActiveRegistrationIds(app.db, userId)) {
    const out = await cancelRegistration(app.db, { registrationId, actorId: userId, partnerRules: false, notifyPerson: false });
    if (out.ok) await app.enqueueEffects(out.effects);
  }
  await eraseTrainingPersonalData(app.db, userId);
}
