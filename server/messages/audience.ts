import type { Locale } from '../../common/format';

/** Who may see a piece of content: the audience module, shared by documents, news and newsletters. */
export const audienceMessages = {
  'audience.unknownCategory': { fr: 'Public : catégorie inconnue.', en: 'Audience: unknown category.' },
  'audience.unknownSubcategory': { fr: 'Public : sous-catégorie inconnue.', en: 'Audience: unknown sub-category.' },
  'audience.unknownCommune': { fr: 'Public : commune inconnue (choisissez l’une des 51 communes du territoire).', en: 'Audience: unknown commune (choose one of the territory’s 51 communes).' },
  'audience.unknownCommunaute': { fr: 'Public : communauté de communes inconnue.', en: 'Audience: unknown communauté de communes.' },
  'audience.unknownOffice': { fr: 'Public : bureau d’information inconnu.', en: 'Audience: unknown information office.' },
} as const satisfies Record<`audience.${string}`, Record<Locale, string>>;
