import { MONTH_PATTERN } from './format';
/**
 * Value lists of the office visitor counts (feature `visits`): read by the
 * schema, the TypeBox schemas, the CSV import and the client.
 */

/** How a contact reached the office. */
export const VISIT_MODES = ['comptoir', 'telephone', 'email', 'courrier', 'reseaux_sociaux', 'hors_les_murs'] as const;
export type VisitMode = (typeof VISIT_MODES)[number];

/** Languages offered at the counter (ISO 639-1), then « autre ». Names come from Intl.DisplayNames. */
export const VISIT_LANGUAGES = ['fr', 'en', 'de', 'nl', 'es', 'it', 'pt', 'ca', 'zh', 'ja', 'other'] as const;
export type VisitLanguage = (typeof VISIT_LANGUAGES)[number];

/** Dimensions of the rollup and of the bulk totals: `total` has the value ''. */
export const VISIT_DIMENSIONS = ['total', 'mode', 'origin', 'theme', 'language'] as const;
export type VisitDimension = (typeof VISIT_DIMENSIONS)[number];

/** French départements (code, name): origin `FR-<code>`. */
export const DEPARTEMENTS: readonly (readonly [string, string])[] = [
  ['01', 'Ain'], ['02', 'Aisne'], ['03', 'Allier'], ['04', 'Alpes-de-Haute-Provence'], ['05', 'Hautes-Alpes'], ['06', 'Alpes-Maritimes'],
  ['07', 'Ardèche'], ['08', 'Ardennes'], ['09', 'Ariège'], ['10', 'Aube'], ['11', 'Aude'], ['12', 'Aveyron'], ['13', 'Bouches-du-Rhône'],
  ['14', 'Calvados'], ['15', 'Cantal'], ['16', 'Charente'], ['17', 'Charente-Maritime'], ['18', 'Cher'], ['19', 'Corrèze'],
  ['2A', 'Corse-du-Sud'], ['2B', 'Haute-Corse'], ['21', 'Côte-d’Or'], ['22', 'Côtes-d’Armor'], ['23', 'Creuse'], ['24', 'Dordogne'],
  ['25', 'Doubs'], ['26', 'Drôme'], ['27', 'Eure'], ['28', 'Eure-et-Loir'], ['29', 'Finistère'], ['30', 'Gard'], ['31', 'Haute-Garonne'],
  ['32', 'Gers'], ['33', 'Gironde'], ['34', 'Hérault'], ['35', 'Ille-et-Vilaine'], ['36', 'Indre'], ['37', 'Indre-et-Loire'], ['38', 'Isère'],
  ['39', 'Jura'], ['40', 'Landes'], ['41', 'Loir-et-Cher'], ['42', 'Loire'], ['43', 'Haute-Loire'], ['44', 'Loire-Atlantique'], ['45', 'Loiret'],
  ['46', 'Lot'], ['47', 'Lot-et-Garonne'], ['48', 'Lozère'], ['49', 'Maine-et-Loire'], ['50', 'Manche'], ['51', 'Marne'], ['52', 'Haute-Marne'],
  ['53', 'Mayenne'], ['54', 'Meurthe-et-Moselle'], ['55', 'Meuse'], ['56', 'Morbihan'], ['57', 'Moselle'], ['58', 'Nièvre'], ['59', 'Nord'],
  ['60', 'Oise'], ['61', 'Orne'], ['62', 'Pas-de-Calais'], ['63', 'Puy-de-Dôme'], ['64', 'Pyrénées-Atlantiques'], ['65', 'Hautes-Pyrénées'],
  ['66', 'Pyrénées-Orientales'], ['67', 'Bas-Rhin'], ['68', 'Haut-Rhin'], ['69', 'Rhône'], ['70', 'Haute-Saône'], ['71', 'Saône-et-Loire'],
  ['72', 'Sarthe'], ['73', 'Savoie'], ['74', 'Haute-Savoie'], ['75', 'Paris'], ['76', 'Seine-Maritime'], ['77', 'Seine-et-Marne'],
  ['78', 'Yvelines'], ['79', 'Deux-Sèvres'], ['80', 'Somme'], ['81', 'Tarn'], ['82', 'Tarn-et-Garonne'], ['83', 'Var'], ['84', 'Vaucluse'],
  ['85', 'Vendée'], ['86', 'Vienne'], ['87', 'Haute-Vienne'], ['88', 'Vosges'], ['89', 'Yonne'], ['90', 'Territoire de Belfort'],
  ['91', 'Essonne'], ['92', 'Hauts-de-Seine'], ['93', 'Seine-Saint-Denis'], ['94', 'Val-de-Marne'], ['95', 'Val-d’Oise'],
  ['971', 'Guadeloupe'], ['972', 'Martinique'], ['973', 'Guyane'], ['974', 'La Réunion'], ['976', 'Mayotte'],
];

/** Countries other than France (ISO 3166-1 alpha-2), names from Intl.DisplayNames; `ZZ` is « autre pays ». */
export const COUNTRIES = [
  'BE', 'NL', 'DE', 'GB', 'CH', 'ES', 'IT', 'LU', 'AT', 'DK', 'SE', 'NO', 'FI', 'IE', 'PT', 'PL', 'CZ', 'HU', 'RO', 'GR',
  'US', 'CA', 'BR', 'AR', 'MX', 'AU', 'NZ', 'JP', 'CN', 'KR', 'IN', 'IL', 'MA', 'DZ', 'TN', 'SN', 'ZA', 'ZZ',
] as const;

/** Every valid origin: `FR-<département>` or a country code. */
export const ORIGINS: readonly string[] = [...DEPARTEMENTS.map(([code]) => `FR-${code}`), ...COUNTRIES];
const ORIGIN_SET = new Set(ORIGINS);
export const isOrigin = (value: string): boolean => ORIGIN_SET.has(value);
/** Pattern of the api's origin field (membership is checked against ORIGINS). */
export const ORIGIN_PATTERN = '^(FR-[0-9AB]{2,3}|[A-Z]{2})$';

/** Display name of an origin in the given locale (« Gard (30) », « Belgique »). */
export function originName(origin: string, locale: 'fr' | 'en'): string {
  if (origin.startsWith('FR-')) {
    const code = origin.slice(3);
    const name = DEPARTEMENTS.find(([c]) => c === code)?.[1];
    return name ? `${name} (${code})` : origin;
  }
  if (origin === 'ZZ') return locale === 'fr' ? 'Autre pays' : 'Other country';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(origin) ?? origin;
  } catch {
    return origin;
  }
}

export function languageName(code: string, locale: 'fr' | 'en'): string {
  if (code === 'other') return locale === 'fr' ? 'Autre langue' : 'Other language';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A month as `YYYY-MM`. */
export { MONTH_PATTERN };
