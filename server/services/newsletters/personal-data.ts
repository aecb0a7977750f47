import { eraseNewsletterData, exportNewsletterData } from '../../../db/queries/newsletters';
import type { PersonalDataPart } from '../../feature';

/**
 * RGPD, newsletters part: topics with consent source and dates, the
 * newsletters sent to the person, whether their address is suppressed. Rows
 * are matched by account and by the address the subject had before the
 * accounts part rewrote it.
 */
export const newslettersPersonalData = {
  export: async (tx, { userId, email }) => ({ newsletters: await exportNewsletterData(tx, userId, email) }),
  erase: (tx, { userId, email }) => eraseNewsletterData(tx, userId, email),
} satisfies PersonalDataPart;
