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
  'newsletters.emptyBody': { fr: 'Le contenu de la lettre est vide.', en: 'The letter has no content.' },
  'newsletters.suppressionNotFound': { fr: 'Cette adresse n’est pas dans la liste d’exclusion.', en: 'This address is not on the suppression list.' },
} as const satisfies Record<`newsletters.${string}`, Record<Locale, string>>;
