import type { Locale } from '../../common/format';
import { VISIT_LIMITS } from '../../common/limits';

const L = VISIT_LIMITS;

/** Office visitor counts. */
export const visitsMessages = {
  'visits.officeNotFound': { fr: 'Bureau d’information inconnu ou fermé.', en: 'Unknown or closed information office.' },
  'visits.officeRequired': { fr: 'Choisissez le bureau d’information : votre compte n’est rattaché à aucun bureau.', en: 'Choose the information office: your account is not attached to any office.' },
  'visits.unknownTheme': { fr: 'Un des thèmes choisis n’existe pas ou n’est plus proposé.', en: 'One of the chosen themes does not exist or is no longer offered.' },
  'visits.unknownOrigin': { fr: 'Provenance inconnue : choisissez un département français ou un pays de la liste.', en: 'Unknown origin: choose a French département or a country from the list.' },
  'visits.occurredAtOutOfRange': { fr: `La date du contact est dans le futur ou trop ancienne (${L.backdateDays} jours au plus) : saisissez les mois passés en totaux mensuels.`, en: `The contact’s date is in the future or too old (${L.backdateDays} days at most): enter past months as monthly totals.` },
  'visits.contactNotFound': { fr: 'Contact introuvable parmi ceux que vous avez enregistrés.', en: 'Contact not found among those you recorded.' },
  'visits.correctionClosed': { fr: `Le délai de correction de ce contact est passé (${L.correctionMinutes} minutes).`, en: `The time to correct this contact is over (${L.correctionMinutes} minutes).` },
  'visits.themeNotFound': { fr: 'Thème introuvable.', en: 'Theme not found.' },
  'visits.badTotals': { fr: 'Certaines lignes des totaux sont invalides : rien n’a été enregistré.', en: 'Some lines of the totals are invalid: nothing was saved.' },
  'visits.line.badValue': { fr: 'Valeur inconnue pour ce type de ventilation.', en: 'Unknown value for this breakdown.' },
  'visits.line.visitorsBelowContacts': { fr: 'Le nombre de visiteurs est inférieur au nombre de contacts.', en: 'The number of visitors is lower than the number of contacts.' },
  'visits.line.tooLarge': { fr: `Nombre trop grand (${L.monthTotalMax.toLocaleString('fr-FR')} au plus) : vérifiez la saisie.`, en: `Number too large (${L.monthTotalMax.toLocaleString('en-GB')} at most): check the entry.` },
  'visits.line.duplicate': { fr: 'Ligne en double : la même ventilation apparaît déjà pour ce bureau et ce mois.', en: 'Duplicate line: the same breakdown already appears for this office and month.' },
  'visits.import.invalid': { fr: 'Le fichier contient des lignes invalides : rien n’a été importé. Corrigez chaque ligne indiquée puis importez à nouveau le fichier.', en: 'The file has invalid lines: nothing was imported. Fix each line listed, then import the file again.' },
  'visits.import.empty': { fr: 'Le fichier est vide : il faut une ligne d’en-tête puis au moins une ligne de données.', en: 'The file is empty: it needs a header line then at least one data line.' },
  'visits.import.unreadable': { fr: 'Le fichier n’est pas un CSV lisible (guillemet non fermé ?).', en: 'The file is not a readable CSV (unclosed quote?).' },
  'visits.import.header': { fr: 'En-tête attendu : bureau;mois;ventilation;valeur;contacts;visiteurs.', en: 'Expected header: bureau;mois;ventilation;valeur;contacts;visiteurs.' },
  'visits.import.tooManyLines': { fr: `Trop de lignes dans un seul fichier (${L.importLines.toLocaleString('fr-FR')} au plus) : découpez-le par année.`, en: `Too many lines in one file (${L.importLines.toLocaleString('en-GB')} at most): split it by year.` },
  'visits.import.columns': { fr: 'Nombre de colonnes incorrect (6 attendues).', en: 'Wrong number of columns (6 expected).' },
  'visits.import.office': { fr: 'Bureau inconnu (colonne bureau : identifiant comme bit-le-vigan).', en: 'Unknown office (column bureau: an id such as bit-le-vigan).' },
  'visits.import.month': { fr: 'Mois invalide (colonne mois : AAAA-MM, par exemple 2019-07).', en: 'Invalid month (column mois: YYYY-MM, e.g. 2019-07).' },
  'visits.import.dimension': { fr: 'Ventilation inconnue (total, mode, origine, theme ou langue).', en: 'Unknown breakdown (total, mode, origine, theme or langue).' },
  'visits.import.number': { fr: 'Contacts et visiteurs doivent être des nombres entiers positifs.', en: 'Contacts and visitors must be whole positive numbers.' },
} as const satisfies Record<`visits.${string}`, Record<Locale, string>>;
