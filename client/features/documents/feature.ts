import { ROLES } from '../../../common/roles';
import { defineFeature, pageRoutes } from '../feature';

/**
 * Documents (centre de ressources): the library with folders and search, a document's page with its
 * versions, uploads, the staff's review list and folder management. Each page is its own chunk.
 * Contributions (client/features/documents/contributions/) add their routes here.
 */
export const documents = defineFeature({
  name: 'documents',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  // The audience picker and category names come from the accounts catalogue (reference labels).
  routes: pageRoutes(['documents', 'accounts', 'contributions'], {
    signedIn: {
      documents: () => import('./LibraryPage'),
      'documents/dossiers/:folderId': () => import('./LibraryPage'),
      'documents/:id': () => import('./DocumentPage'),
    },
    office: {
      'documents/deposer': () => import('./UploadPage'),
      'documents/a-revoir': () => import('./ReviewPage'),
    },
  }),
  nav: [{ to: '/documents', label: 'nav.documents', roles: ROLES, group: 'main' }],
});
