import type { Locale } from '../../common/format';

/** Users, establishments and offices. */
export const accountsMessages = {
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
} as const satisfies Record<`accounts.${string}`, Record<Locale, string>>;
