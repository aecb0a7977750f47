import { cancelRegistration } from '../../../db/queries/trainings/moves';
import { noEffects } from '../../../db/queries/trainings/locked';
import { eraseTrainingPersonalData, exportTrainingData, upcomingActiveRegistrationIds } from '../../../db/queries/trainings/personal-data';
import type { PersonalDataPart } from '../../feature';

/**
 * RGPD, trainings part. Export: registrations, survey answers, calendar feed.
 * Erasure: frees the person's seats and waiting-list places in sessions still
 * to come (the next person gets the offer as for any cancellation: those mails
 * and offer expiries are the effects, enqueued after commit), then deletes
 * their calendar feed and survey comments.
 */
export const trainingsPersonalData = {
  export: async (tx, { userId }) => ({ trainings: await exportTrainingData(tx, userId) }),
  async erase(tx, { userId }) {
    const fx = noEffects();
    for (const registrationId of await upcomingActiveRegistrationIds(tx, userId)) {
      const out = await cancelRegistration(tx, { registrationId, actorId: userId, partnerRules: false, notifyPerson: false });
      if (!out.ok) continue; // no longer active: nothing to free
      fx.mailIds.push(...out.effects.mailIds);
      fx.offers.push(...out.effects.offers);
      fx.notices.push(...out.effects.notices);
    }
    await eraseTrainingPersonalData(tx, userId);
    return fx;
  },
} satisfies PersonalDataPart;
