import { ROLES } from '../../../common/roles';
import { defineFeature, lazyPage } from '../feature';

// The audience picker and category names come from the accounts catalogue (reference labels).
const page = (load: Parameters<typeof lazyPage>[1]) => lazyPage(['documents', 'accounts', 'contributions'], load);

/**
 * Documents (centre de ressources): the library with folders and search, a document's page with its
 * versions, uploads, the staff's review list and folder management. Each page is its own chunk.
 * Contributions (client/features/documents/contributions/) add their routes here.
 */
export const documents = defineFeature({
  name: 'documents',
  catalogue: { fr: () => import('./locales/fr.json'), en: () => import('./locales/en.json') },
  routes: {
    signedIn: [
      { path: 'documents', lazy: page(() => import('./LibraryPage')) },
      { path: 'documents/dossiers/:folderId', lazy: page(() => import('./LibraryPage')) },
      { path: 'documents/:id', lazy: page(() => import('./DocumentPage')) },
    ],
    office: [
      { path: 'documents/deposer', lazy: page(() => import('./UploadPage')) },
      { path: 'documents/a-revoir', lazy: page(() => import('./ReviewPage')) },
    ],
  },
  nav: [{ to: '/documents', label: 'nav.documents', roles: ROLES, group: 'main' }],
});
