import type { Locale } from '../../common/format';

/** The resource library. */
export const documentsMessages = {
  'documents.notFound': { fr: 'Document introuvable.', en: 'Document not found.' },
  'documents.folderNotFound': { fr: 'Dossier introuvable.', en: 'Folder not found.' },
  'documents.versionNotFound': { fr: 'Version introuvable.', en: 'Version not found.' },
  'documents.folderNameTaken': { fr: 'Un dossier de ce nom existe déjà à cet endroit.', en: 'A folder with this name already exists here.' },
  'documents.folderCycle': { fr: 'Un dossier ne peut pas être placé dans l’un de ses sous-dossiers.', en: 'A folder cannot be moved into one of its own sub-folders.' },
  'documents.folderNotEmpty': { fr: 'Ce dossier contient encore des documents ou des sous-dossiers.', en: 'This folder still contains documents or sub-folders.' },
  'documents.fileMissing': { fr: 'Aucun fichier reçu : joignez un fichier au formulaire.', en: 'No file received: attach a file to the form.' },
  'documents.fileTooLarge': { fr: 'Fichier trop volumineux : il dépasse la taille maximale acceptée par l’Espace Pro (100 Mo sauf réglage contraire).', en: 'File too large: it exceeds the maximum size accepted by Espace Pro (100 MB unless configured otherwise).' },
  'documents.typeNotAllowed': { fr: 'Type de fichier non accepté. Formats acceptés : PDF, JPEG, PNG, WebP, Word, Excel, PowerPoint, OpenDocument, ZIP, CSV et TXT.', en: 'File type not accepted. Accepted formats: PDF, JPEG, PNG, WebP, Word, Excel, PowerPoint, OpenDocument, ZIP, CSV and TXT.' },
  'documents.typeMismatch': { fr: 'Le contenu du fichier ne correspond pas à son extension : il a été refusé.', en: 'The file’s content does not match its extension: it was refused.' },
  'documents.textNotUtf8': { fr: 'Les fichiers CSV et TXT doivent être encodés en UTF-8.', en: 'CSV and TXT files must be encoded in UTF-8.' },
  'documents.emptyFile': { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  'documents.multipartExpected': { fr: 'Envoyez le fichier dans un formulaire multipart/form-data.', en: 'Send the file in a multipart/form-data form.' },
  'documents.tooManyParts': { fr: 'Un seul fichier par envoi, avec ses informations.', en: 'One file per upload, with its details.' },
  'documents.uploadInterrupted': { fr: 'L’envoi a été interrompu avant la fin. Rien n’a été enregistré.', en: 'The upload was interrupted before the end. Nothing was saved.' },
  'documents.metadataInvalid': { fr: 'Les informations du document sont invalides.', en: 'The document details are invalid.' },
  'documents.rangeNotSatisfiable': { fr: 'La plage demandée est hors du fichier.', en: 'The requested range is outside the file.' },
  'documents.fileUnavailable': { fr: 'Le fichier n’est pas disponible pour le moment.', en: 'The file is not available at the moment.' },
} as const satisfies Record<`documents.${string}`, Record<Locale, string>>;
