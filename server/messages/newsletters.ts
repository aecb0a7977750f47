import type { Locale } from '../../common/format';

/** Newsletters: campaigns, topics, consent and unsubscribe. */
export const newslettersMessages = {
  'newsletters.campaignNotFound': { fr: 'Campagne introuvable.', en: 'Campaign not found.' },
  'newsletters.notDraft': { fr: 'Cette campagne est déjà lancée : son contenu et ses destinataires sont figés.', en: 'This campaign has already been launched: its content and recipients are frozen.' },
  'newsletters.notLaunchable': { fr: 'Seul un brouillon ou une campagne programmée peut être lancé.', en: 'Only a draft or a scheduled campaign can be launched.' },
  'newsletters.noRecipients': { fr: 'Aucun destinataire : personne n’est abonné à ce thème dans ce public (ou tous sont désabonnés ou exclus).', en: 'No recipients: nobody in this audience subscribes to this topic (or all unsubscribed or are suppressed).' },
  'newsletters.wrongStatus': { fr: 'Cette action n’est pas possible dans l’état actuel de la campagne.', en: 'This action is not possible in the campaign’s current state.' },
  'newsletters.nothingUncertain': { fr: 'Aucun destinataire « incertain » à renvoyer.', en: 'No « uncertain » recipient to send again.' },
  'newsletters.unknownTopic': { fr: 'Thème inconnu.', en: 'Unknown topic.' },
  'newsletters.unknownSender': { fr: 'Expéditeur inconnu : choisissez-en un dans la liste configurée.', en: 'Unknown sender: pick one from the configured list.' },
  'newsletters.invalidToken': { fr: 'Ce lien de désabonnement est invalide. Vous pouvez gérer vos lettres depuis vos préférences.', en: 'This unsubscribe link is invalid. You can manage your letters in your preferences.' },
  'newsletters.checksFailed': { fr: 'Envoi refusé : des vérifications bloquantes échouent (voir la liste des vérifications avant l’envoi).', en: 'Sending refused: blocking checks fail (see the list of checks before sending).' },
  'newsletters.scheduleInPast': { fr: 'Choisissez une date et une heure à venir.', en: 'Choose a date and time in the future.' },
  'newsletters.notFinished': { fr: 'Seule une campagne terminée peut figurer dans les archives.', en: 'Only a finished campaign can be in the archive.' },
  'newsletters.multipartExpected': { fr: 'Envoyez l’image dans un formulaire (multipart/form-data).', en: 'Send the image in a form (multipart/form-data).' },
  'newsletters.imageTooLarge': { fr: 'Image trop volumineuse (8 Mo au plus).', en: 'Image too large (8 MB at most).' },
  'newsletters.imageAltRequired': { fr: 'Décrivez l’image (texte alternatif, 300 caractères au plus) pour les personnes qui ne la voient pas.', en: 'Describe the image (alt text, 300 characters at most) for people who cannot see it.' },
  'newsletters.imageMissing': { fr: 'Aucune image reçue : joignez une image JPEG, PNG, WebP ou GIF.', en: 'No image received: attach a JPEG, PNG, WebP or GIF image.' },
  'newsletters.imageType': { fr: 'Image non acceptée : formats acceptés JPEG, PNG, WebP et GIF.', en: 'Image not accepted: accepted formats are JPEG, PNG, WebP and GIF.' },
  'newsletters.imageNotFound': { fr: 'Image introuvable.', en: 'Image not found.' },
  'newsletters.archiveNotFound': { fr: 'Lettre introuvable dans les archives.', en: 'Letter not found in the archive.' },
  'newsletters.emptyBody': { fr: 'Le contenu de la lettre est vide.', en: 'The letter has no content.' },
} as const satisfies Record<`newsletters.${string}`, Record<Locale, string>>;
