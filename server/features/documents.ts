import documentContributionRoutes from '../routes/document-contributions';
import documentRoutes from '../routes/documents';
import { defineServerFeature } from '../feature';
import { documentsPersonalData } from '../services/documents/personal-data';

/** The resource library: folders, documents, versions, downloads, search; partners' proposals and followed folders. */
export const documents = defineServerFeature({
  name: 'documents',
  routes: [documentRoutes, documentContributionRoutes],
  personalData: documentsPersonalData,
});
