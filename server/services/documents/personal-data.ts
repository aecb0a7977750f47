import { eraseDocumentPersonalData, exportDocumentData } from '../../../db/queries/documents/personal-data';
import type { PersonalDataPart } from '../../feature';

/** RGPD, documents part: the library visits, followed folders and proposals; the files of erased proposals are removed after commit (documents.delete-object). */
export const documentsPersonalData = {
  export: async (tx, { userId }) => ({ documents: await exportDocumentData(tx, userId) }),
  erase: (tx, { userId }) => eraseDocumentPersonalData(tx, userId),
} satisfies PersonalDataPart;
