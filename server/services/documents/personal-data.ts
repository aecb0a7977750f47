import { eraseDocumentPersonalData, exportDocumentData } from '../../../db/queries/documents/personal-data';
import type { PersonalDataPart } from '../../feature';

/** RGPD, documents part: the library visits and followed folders. */
export const documentsPersonalData = {
  export: async (tx, { userId }) => ({ documents: await exportDocumentData(tx, userId) }),
  erase: (tx, { userId }) => eraseDocumentPersonalData(tx, userId),
} satisfies PersonalDataPart;
