import type { Locale } from '../../common/format';

/** Newsletter segments: saved filters over establishments and people. */
export const newsletterSegmentsMessages = {
  'newsletterSegments.notFound': { fr: 'Segment introuvable.', en: 'Segment not found.' },
  'newsletterSegments.nameTaken': { fr: 'Un segment porte déjà ce nom : choisissez-en un autre.', en: 'A segment already has this name: choose another one.' },
  'newsletterSegments.inUse': { fr: 'Ce segment est utilisé par un brouillon ou une campagne programmée : changez d’abord leur public.', en: 'This segment is used by a draft or a scheduled campaign: change their recipients first.' },
  'newsletterSegments.unknownLabel': { fr: 'Label inconnu : choisissez-en un dans la liste.', en: 'Unknown label: pick one from the list.' },
  'newsletterSegments.trainingDates': { fr: 'Période de formation invalide : une date n’existe pas, ou la fin précède le début.', en: 'Invalid training period: a date does not exist, or the end comes before the start.' },
} as const satisfies Record<`newsletterSegments.${string}`, Record<Locale, string>>;
