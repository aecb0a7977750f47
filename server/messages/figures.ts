import type { Locale } from '../../common/format';
import type { FiguresProblem } from '../../common/figures';

const problems = {
  'figures.monthInFuture': { fr: 'Ce mois n’est pas encore commencé : on ne donne les chiffres que d’un mois en cours ou passé.', en: 'This month has not started yet: figures are given for the current or a past month only.' },
  'figures.monthTooOld': { fr: 'Ce mois est trop ancien (5 ans au plus).', en: 'This month is too old (5 years at most).' },
  'figures.capacityRequired': { fr: 'Indiquez la capacité offerte ce mois-ci (chambres, emplacements ou lits).', en: 'Give the capacity offered this month (rooms, pitches or beds).' },
  'figures.nightsRequired': { fr: 'Indiquez les nuitées vendues ou le taux d’occupation.', en: 'Give the nights sold or the occupancy rate.' },
  'figures.nightsOverCapacity': { fr: 'Les nuitées vendues dépassent la capacité × le nombre de jours du mois.', en: 'Nights sold exceed the capacity × the number of days in the month.' },
  'figures.bothNightsAndRate': { fr: 'Indiquez soit les nuitées vendues, soit le taux d’occupation, pas les deux.', en: 'Give either the nights sold or the occupancy rate, not both.' },
  'figures.countriesOverForeign': { fr: 'La somme des pays dépasse la part de clientèle étrangère.', en: 'The countries add up to more than the share of foreign guests.' },
  'figures.countriesWithoutForeign': { fr: 'Indiquez la part de clientèle étrangère avant le détail par pays.', en: 'Give the share of foreign guests before the breakdown by country.' },
  'figures.visitorsRequired': { fr: 'Indiquez le nombre de visiteurs ou de participants.', en: 'Give the number of visitors or participants.' },
  'figures.notForKind': { fr: 'Ce chiffre ne concerne pas votre catégorie d’établissement.', en: 'This figure does not apply to your kind of establishment.' },
} as const satisfies Record<`figures.${FiguresProblem}`, Record<Locale, string>>;

/** The partners' monthly figures and the « Observatoire ». */
export const figuresMessages = {
  ...problems,
  'figures.invalid': { fr: 'Certains chiffres sont incohérents : corrigez les champs signalés.', en: 'Some figures do not add up: correct the fields shown.' },
  'figures.noFigures': { fr: 'Votre catégorie d’établissement ne donne pas de chiffres mensuels.', en: 'Your kind of establishment does not give monthly figures.' },
  'figures.noEstablishment': { fr: 'Votre compte n’est rattaché à aucun établissement.', en: 'Your account belongs to no establishment.' },
  'figures.badRange': { fr: 'Période invalide : le début doit précéder la fin, sur 5 ans au plus.', en: 'Invalid period: the start must come before the end, 5 years at most.' },
  'figures.editionExists': { fr: 'L’Observatoire de ce mois est déjà publié : une édition publiée ne change plus.', en: 'This month’s Observatoire is already published: a published edition never changes.' },
  'figures.editionNotFound': { fr: 'Édition introuvable.', en: 'Edition not found.' },
} as const satisfies Record<`figures.${string}`, Record<Locale, string>>;
