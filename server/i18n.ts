import type { FastifyRequest } from 'fastify';

import type { Locale } from '../common/format';

export type { Locale };

/**
 * Server-side messages (problem+json `detail`, validation messages). French
 * first; English for users who chose it or whose browser asks for it.
 */
const messages = {
  'error.validation': { fr: 'Certaines informations sont invalides.', en: 'Some of the information is invalid.' },
  'error.malformedJson': { fr: 'Le corps de la requête n’est pas un JSON valide.', en: 'The request body is not valid JSON.' },
  'error.unsupportedMediaType': { fr: 'Type de contenu non pris en charge.', en: 'Unsupported content type.' },
  'error.bodyTooLarge': { fr: 'Le contenu envoyé est trop volumineux.', en: 'The request body is too large.' },
  'error.notFound': { fr: 'Ressource introuvable.', en: 'Resource not found.' },
  'error.routeNotFound': { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.' },
  'error.unauthenticated': { fr: 'Veuillez vous connecter.', en: 'Please log in.' },
  'error.sessionExpired': { fr: 'Votre session a expiré, veuillez vous reconnecter.', en: 'Your session has expired, please log in again.' },
  'error.forbidden': { fr: 'Vous n’avez pas accès à cette ressource.', en: 'You do not have access to this resource.' },
  'error.rateLimited': { fr: 'Trop de tentatives. Réessayez dans quelques minutes.', en: 'Too many attempts. Please try again in a few minutes.' },
  'error.crossSite': { fr: 'Requête refusée : elle vient d’un autre site que l’Espace Pro.', en: 'Request refused: it comes from a site other than Espace Pro.' },
  'error.rateLimitedFor': { fr: 'Trop de tentatives. Réessayez dans {wait}.', en: 'Too many attempts. Please try again in {wait}.' },
  'error.internal': { fr: 'Une erreur inattendue est survenue. Réessayez plus tard.', en: 'An unexpected error occurred. Please try again later.' },
  'error.conflict': { fr: 'Cette action entre en conflit avec l’état actuel.', en: 'This action conflicts with the current state.' },
  'idempotency.keyReused': { fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.', en: 'This idempotency key was already used for another request.' },
  'idempotency.inProgress': { fr: 'Cette demande est déjà en cours de traitement : patientez quelques secondes.', en: 'This request is already being processed: please wait a few seconds.' },
  'auth.invalidCredentials': { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Incorrect e-mail address or password.' },
  'auth.invalidToken': { fr: 'Ce lien n’est plus valide. Il a peut-être déjà servi ou expiré.', en: 'This link is no longer valid. It may have been used or have expired.' },
  'auth.malformedLink': { fr: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau à l’office de tourisme.', en: 'This link is not valid. Check that it was copied in full, or ask the tourist office for a new one.' },
  'auth.passwordTooShort': { fr: 'Le mot de passe doit contenir au moins 12 caractères.', en: 'The password must be at least 12 characters long.' },
  'auth.passwordCommon': { fr: 'Ce mot de passe est trop courant. Choisissez-en un autre.', en: 'This password is too common. Please choose another.' },
  'auth.realNameRequired': { fr: 'Indiquez votre nom : il signe les e-mails que vous envoyez depuis l’Espace Pro.', en: 'Enter your name: it signs the e-mails you send from Espace Pro.' },
  'auth.wrongCurrentPassword': { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is incorrect.' },
  'accounts.emailTaken': { fr: 'Un compte existe déjà avec cette adresse e-mail.', en: 'An account already exists with this e-mail address.' },
  'accounts.establishmentRequired': { fr: 'Un partenaire doit être rattaché à un établissement.', en: 'A partner must belong to an establishment.' },
  'accounts.unknownEstablishment': { fr: 'Établissement inconnu.', en: 'Unknown establishment.' },
  'accounts.unknownOffice': { fr: 'Bureau d’information inconnu.', en: 'Unknown information office.' },
  'accounts.unknownCommune': { fr: 'Commune inconnue : choisissez l’une des 51 communes du territoire.', en: 'Unknown commune: choose one of the territory’s 51 communes.' },
  'accounts.unknownCategory': { fr: 'Catégorie inconnue.', en: 'Unknown category.' },
  'accounts.cannotChangeSelf': { fr: 'Vous ne pouvez pas modifier votre propre rôle ou statut.', en: 'You cannot change your own role or status.' },
  'accounts.staffInviteScope': { fr: 'Le personnel ne peut inviter que des partenaires.', en: 'Staff can only invite partners.' },
  'accounts.lastAdmin': { fr: 'Impossible : c’est le dernier administrateur actif.', en: 'Not possible: this is the last active administrator.' },
  'accounts.officeRequired': { fr: 'Un membre du personnel doit être rattaché à un bureau d’information.', en: 'A staff member must belong to an information office.' },
  'accounts.unknownSubcategory': { fr: 'Sous-catégorie inconnue pour cette catégorie.', en: 'Unknown sub-category for this category.' },
  'accounts.unknownLabel': { fr: 'Label inconnu.', en: 'Unknown label.' },
  'accounts.notInvited': { fr: 'Ce compte a déjà été activé : l’invitation ne peut plus être renvoyée.', en: 'This account is already active: the invitation cannot be sent again.' },
  'accounts.staffTargetScope': { fr: 'Le personnel ne peut gérer que les comptes partenaires.', en: 'Staff can only manage partner accounts.' },
  'accounts.roleChangeAdminOnly': { fr: 'Seul un administrateur peut changer un rôle.', en: 'Only an administrator can change a role.' },
  'accounts.partnerFieldForbidden': { fr: 'Vous ne pouvez modifier que les coordonnées et la description publiques de votre établissement.', en: 'You can only edit the public contact details and description of your establishment.' },
  'accounts.userNotFound': { fr: 'Utilisateur introuvable.', en: 'User not found.' },
  'accounts.establishmentNotFound': { fr: 'Établissement introuvable.', en: 'Establishment not found.' },
  'accounts.officeNotFound': { fr: 'Bureau d’information introuvable.', en: 'Information office not found.' },
  // trainings
  'trainings.notFound': { fr: 'Formation introuvable.', en: 'Training not found.' },
  'trainings.sessionNotFound': { fr: 'Session introuvable.', en: 'Session not found.' },
  'trainings.registrationNotFound': { fr: 'Inscription introuvable.', en: 'Registration not found.' },
  'trainings.userNotFound': { fr: 'Utilisateur introuvable ou inactif.', en: 'User not found or inactive.' },
  'trainings.alreadyRegistered': { fr: 'Cette personne est déjà inscrite à cette session (ou sur sa liste d’attente).', en: 'This person is already registered for this session (or on its waiting list).' },
  'trainings.signupClosed': { fr: 'Les inscriptions à cette session sont fermées.', en: 'Sign-ups for this session are closed.' },
  'trainings.alreadyRegisteredSelf': { fr: 'Vous avez déjà une inscription à cette session (ou une place sur sa liste d’attente).', en: 'You are already registered for this session (or on its waiting list).' },
  'trainings.establishmentCap': { fr: 'Votre établissement a atteint le nombre maximal d’inscriptions pour cette session.', en: 'Your establishment has reached the maximum number of registrations for this session.' },
  'trainings.notColleague': { fr: 'Vous ne pouvez inscrire que vous-même ou un collègue de votre établissement.', en: 'You can only sign up yourself or a colleague from your establishment.' },
  'trainings.cancelDeadlinePassed': { fr: 'La date limite est passée : contactez l’office de tourisme pour annuler.', en: 'The deadline has passed: contact the tourist office to cancel.' },
  'trainings.sessionStarted': { fr: 'La session a déjà commencé.', en: 'The session has already started.' },
  'trainings.notActive': { fr: 'Cette inscription n’est plus active.', en: 'This registration is no longer active.' },
  'trainings.offerNotActive': { fr: 'Cette proposition de place n’est plus valable.', en: 'This seat offer is no longer valid.' },
  'trainings.noSeat': { fr: 'Aucune place libre : augmentez la capacité ou attendez un désistement.', en: 'No free seat: increase the capacity or wait for a cancellation.' },
  'trainings.notWaiting': { fr: 'Cette personne n’est pas sur la liste d’attente.', en: 'This person is not on the waiting list.' },
  'trainings.notConfirmed': { fr: 'Seules les inscriptions confirmées ont une présence.', en: 'Only confirmed registrations have an attendance.' },
  'trainings.notAttended': { fr: 'L’attestation n’est disponible que pour une présence enregistrée.', en: 'The certificate is only available once attendance is recorded.' },
  'trainings.surveyAnswered': { fr: 'Vous avez déjà répondu à ce questionnaire. Merci !', en: 'You have already answered this survey. Thank you!' },
  'trainings.invalidToken': { fr: 'Ce lien n’est pas valide.', en: 'This link is not valid.' },
  'trainings.placeIncomplete': { fr: 'Lieu incomplet : bureau, adresse et commune, ou lien de visioconférence.', en: 'Incomplete place: office, address and commune, or meeting link.' },
  'trainings.unknownOffice': { fr: 'Bureau d’information inconnu.', en: 'Unknown information office.' },
  'trainings.unknownCommune': { fr: 'Commune inconnue : choisissez l’une des 51 communes du territoire.', en: 'Unknown commune: choose one of the territory’s 51 communes.' },
  'trainings.deadlineAfterStart': { fr: 'La date limite d’inscription doit précéder le début de la session.', en: 'The sign-up deadline must be before the session starts.' },
  'trainings.slotOrder': { fr: 'La fin doit être après le début.', en: 'The end must be after the start.' },
  'trainings.capacityTooLow': { fr: 'La capacité ne peut pas être inférieure au nombre de places déjà attribuées.', en: 'The capacity cannot be lower than the seats already taken.' },
  'trainings.backToDraft': { fr: 'Une session qui a des inscrits ne peut pas repasser en brouillon.', en: 'A session with registrants cannot go back to draft.' },
  'trainings.sessionCancelled': { fr: 'Cette session est annulée : elle ne peut plus être modifiée.', en: 'This session is cancelled: it can no longer be changed.' },
  // documents (and the audience module they share with news and newsletters)
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
  'audience.unknownCategory': { fr: 'Public : catégorie inconnue.', en: 'Audience: unknown category.' },
  'audience.unknownSubcategory': { fr: 'Public : sous-catégorie inconnue.', en: 'Audience: unknown sub-category.' },
  'audience.unknownCommune': { fr: 'Public : commune inconnue (choisissez l’une des 51 communes du territoire).', en: 'Audience: unknown commune (choose one of the territory’s 51 communes).' },
  'audience.unknownCommunaute': { fr: 'Public : communauté de communes inconnue.', en: 'Audience: unknown communauté de communes.' },
  'audience.unknownOffice': { fr: 'Public : bureau d’information inconnu.', en: 'Audience: unknown information office.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** Every message in both languages (read by the copy tests). */
export const serverMessages: Readonly<Record<MessageKey, Readonly<Record<Locale, string>>>> = messages;

export function t(key: MessageKey, locale: Locale = 'fr'): string {
  return messages[key][locale];
}

/** "45 secondes", "1 minute", "2 heures": how long a refused caller must wait (rounded up). */
export function waitText(seconds: number, locale: Locale): string {
  const fr = locale === 'fr';
  const unit = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  if (seconds < 60) return fr ? unit(Math.max(1, seconds), 'seconde', 'secondes') : unit(Math.max(1, seconds), 'second', 'seconds');
  if (seconds < 3600) return fr ? unit(Math.ceil(seconds / 60), 'minute', 'minutes') : unit(Math.ceil(seconds / 60), 'minute', 'minutes');
  return fr ? unit(Math.ceil(seconds / 3600), 'heure', 'heures') : unit(Math.ceil(seconds / 3600), 'hour', 'hours');
}

/** The signed-in user's language, else the browser's first supported language, else French. */
export function requestLocale(request: FastifyRequest): Locale {
  const userLang = request.user?.lang;
  if (userLang === 'en' || userLang === 'fr') return userLang;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'fr' || tag === 'en') return tag;
    }
  }
  return 'fr';
}

/** French and English texts for JSON-schema validation keywords. */
export function validationMessage(keyword: string, params: Record<string, unknown>, locale: Locale): string {
  const fr = locale === 'fr';
  switch (keyword) {
    case 'required': return fr ? 'Ce champ est obligatoire.' : 'This field is required.';
    case 'minLength': return params.limit === 1 ? (fr ? 'Ce champ ne peut pas être vide.' : 'This field cannot be empty.') : fr ? `Au moins ${params.limit} caractères.` : `At least ${params.limit} characters.`;
    case 'maxLength': return fr ? `Au plus ${params.limit} caractères.` : `At most ${params.limit} characters.`;
    case 'minimum': return fr ? `La valeur doit être au moins ${params.limit}.` : `The value must be at least ${params.limit}.`;
    case 'maximum': return fr ? `La valeur doit être au plus ${params.limit}.` : `The value must be at most ${params.limit}.`;
    case 'minItems': { const n = Number(params.limit); return fr ? `Au moins ${n} élément${n > 1 ? 's' : ''}.` : `At least ${n} item${n === 1 ? '' : 's'}.`; }
    case 'maxItems': return fr ? `Au plus ${params.limit} éléments.` : `At most ${params.limit} items.`;
    case 'type': return fr ? `Type attendu : ${typeName(String(params.type), locale)}.` : `Expected type: ${typeName(String(params.type), locale)}.`;
    case 'format': return fr ? `Format invalide (${formatName(String(params.format), locale)}).` : `Invalid format (${formatName(String(params.format), locale)}).`;
    case 'enum': case 'const': case 'anyOf': return fr ? 'Valeur non autorisée.' : 'Value not allowed.';
    case 'pattern': return fr ? 'Format invalide.' : 'Invalid format.';
    case 'additionalProperties': return fr ? `Champ inconnu : « ${params.additionalProperty} ».` : `Unknown field: “${params.additionalProperty}”.`;
    case 'uniqueItems': return fr ? 'Les éléments doivent être uniques.' : 'Items must be unique.';
    case 'text': return textMessage(String(params.reason), fr);
    default: return fr ? 'Valeur invalide.' : 'Invalid value.';
  }
}

/** Why a text was refused (server/lib/validators.ts `textRefusal`). */
function textMessage(reason: string, fr: boolean): string {
  switch (reason) {
    case 'lineBreak': return fr ? 'Ce champ tient sur une seule ligne : retirez les retours à la ligne et tabulations.' : 'This field holds a single line: remove line breaks and tabs.';
    case 'bidi': return fr ? 'Ce texte contient un caractère qui inverse le sens d’écriture (U+202A à U+202E, U+2066 à U+2069) : retirez-le.' : 'This text contains a character that reverses the writing direction (U+202A to U+202E, U+2066 to U+2069): remove it.';
    case 'invisible': return fr ? 'Ce champ ne contient que des caractères invisibles : saisissez un texte lisible.' : 'This field contains only invisible characters: enter readable text.';
    case 'malformed': return fr ? 'Ce texte contient un caractère mal encodé : retirez-le.' : 'This text contains a badly encoded character: remove it.';
    default: return fr ? 'Ce texte contient un caractère de contrôle invisible (par exemple un octet nul) : retirez-le.' : 'This text contains an invisible control character (a null byte, for example): remove it.';
  }
}

function typeName(type: string, locale: Locale): string {
  const fr: Record<string, string> = { string: 'texte', integer: 'nombre entier', number: 'nombre', boolean: 'vrai/faux', object: 'objet', array: 'liste', null: 'vide' };
  // A nullable field reports "string,null".
  const names = type.split(',').map((t) => (locale === 'fr' ? (fr[t] ?? t) : t));
  return names.join(locale === 'fr' ? ' ou ' : ' or ');
}

function formatName(format: string, locale: Locale): string {
  const fr: Record<string, string> = { email: 'adresse e-mail', 'login-email': 'adresse e-mail', uri: 'adresse web', uuid: 'identifiant', 'date-time': 'date et heure', date: 'date' };
  return locale === 'fr' ? (fr[format] ?? format) : format === 'login-email' ? 'email' : format;
}
