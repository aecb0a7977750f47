import type { FastifyRequest } from 'fastify';
import type { Locale } from '../common/format';
import { messages, type MessageKey } from './messages';

export type { Locale, MessageKey };

/**
 * Looking up and formatting server-side messages (problem+json `detail`,
 * validation messages); the texts live per feature in server/messages/.
 * French first; English for users who chose it or whose browser asks for it.
 */
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

/**
 * The signed-in person's language (their users row, as the auth plugin loaded
 * it for this request: a change applies from the next request), else the
 * browser's first supported language, else French.
 */
export function requestLocale(request: FastifyRequest): Locale {
  if (request.principal) return request.principal.language;
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
    case 'type': return fr ? `Type attendu : ${typeName(String(params.type), locale)}.` : `Expected type: ${typeName(String(params.type), locale)}.`;
    case 'format': return fr ? `Format invalide (${formatName(String(params.format), locale)}).` : `Invalid format (${formatName(String(params.format), locale)}).`;
    case 'enum': case 'const': case 'anyOf': return fr ? 'Valeur non autorisée.' : 'Value not allowed.';
    case 'pattern': return fr ? 'Format invalide.' : 'Invalid format.';
    case 'additionalProperties': return fr ? `Champ inconnu : « ${params.additionalProperty} ».` : `Unknown field: “${params.additionalProperty}”.`;
    case 'uniqueItems': return fr ? 'Les éléments doivent être uniques.' : 'Items must be unique.';
    case 'text': return textMessage(String(params.reason), fr);
    default: return fr ? 'Valeur invalide.' : 'Invalid value.';
  }
}

/** Why a text was refused (server/lib/validators.ts `textRefusal`). */
function textMessage(reason: string, fr: boolean): string {
  switch (reason) {
    case 'lineBreak': return fr ? 'Ce champ tient sur une seule ligne : retirez les retours à la ligne et tabulations.' : 'This field holds a single line: remove line breaks and tabs.';
    case 'bidi': return fr ? 'Ce texte contient un caractère qui inverse le sens d’écriture (U+202A à U+202E, U+2066 à U+2069) : retirez-le.' : 'This text contains a character that reverses the writing direction (U+202A to U+202E, U+2066 to U+2069): remove it.';
    case 'invisible': return fr ? 'Ce champ ne contient que des caractères invisibles : saisissez un texte lisible.' : 'This field contains only invisible characters: enter readable text.';
    case 'malformed': return fr ? 'Ce texte contient un caractère mal encodé : retirez-le.' : 'This text contains a badly encoded character: remove it.';
    default: return fr ? 'Ce texte contient un caractère de contrôle invisible (par exemple un octet nul) : retirez-le.' : 'This text contains an invisible control character (a null byte, for example): remove it.';
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
