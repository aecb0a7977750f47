import { eraseNewsletterData, exportNewsletterData } from '../../../db/queries/newsletters';
import type { PersonalDataPart } from '../../feature';

/** RGPD, newsletters part: topics with consent source and dates; the newsletters sent to the person. */
export const newslettersPersonalData = {
  export: async (tx, { userId }) => ({ newsletters: await exportNewsletterData(tx, userId) }),
  erase: (tx, { userId }) => eraseNewsletterData(tx, userId),
} satisfies PersonalDataPart;
