import documentRoutes from '../routes/documents';
import { defineServerFeature } from '../feature';
import { documentsPersonalData } from '../services/documents/personal-data';

/** The resource library: folders, documents, versions, downloads, search. */
export const documents = defineServerFeature({ name: 'documents', routes: documentRoutes, personalData: documentsPersonalData });
