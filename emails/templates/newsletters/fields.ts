import { PERSONAL_FIELDS, type PersonalField } from '../../../common/newsletters';

/**
 * Personal fields of a newsletter body: `{{prenom|ami partenaire}}`,
 * `{{etablissement}}` (the part after `|` is the fallback, used when the
 * recipient has no such value). The body is rendered ONCE per language with
 * each field replaced by an inert marker (letters and digits: React Email and
 * html-to-text leave it as is); each recipient's copy then swaps the markers
 * for their values — HTML-escaped in the HTML part, so a first name written
 * `<script>` comes out as text.
 */
export interface FieldValues {
  prenom?: string | null;
  etablissement?: string | null;
}

/** `{{ name | fallback }}` in the stored (sanitised, so entity-encoded) HTML. */
const FIELD = /\{\{\s*([a-zA-Z_]+)\s*(?:\|([^{}]*))?\}\}/g;
const MARKER = /NLFIELD(\d+)X/g;

export interface PreparedBody {
  html: string;
  fields: { name: PersonalField; fallback: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The fallback as written, decoded from the sanitiser's entities (it is escaped again on the way out). */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const isField = (name: string): name is PersonalField => (PERSONAL_FIELDS as readonly string[]).includes(name);

/** Field names used in a body that are not personal fields (`{{nom}}`): a blocking check before launch. */
export function unknownFields(html: string): string[] {
  return [...html.matchAll(FIELD)].map((m) => m[1]!).filter((n) => !isField(n.toLowerCase()));
}

/** Replaces each known field by a marker; unknown ones stay as typed (the checks refuse them). */
export function prepareFields(html: string): PreparedBody {
  const fields: PreparedBody['fields'] = [];
  const out = html.replace(FIELD, (whole, raw: string, fallback: string | undefined) => {
    const name = raw.toLowerCase();
    if (!isField(name)) return whole;
    fields.push({ name, fallback: decodeEntities((fallback ?? '').trim()) });
    return `NLFIELD${fields.length - 1}X`;
  });
  return { html: out, fields };
}

/** A recipient's copy of a rendered body: markers replaced by their values (or fallbacks), escaped for HTML, raw in the text part. */
export function fillFields(rendered: { html: string; text: string }, fields: PreparedBody['fields'], values: FieldValues): { html: string; text: string } {
  if (!fields.length) return rendered;
  const value = (i: string) => {
    const f = fields[Number(i)];
    if (!f) return '';
    const v = values[f.name]?.trim();
    return v || f.fallback;
  };
  return {
    html: rendered.html.replace(MARKER, (_m, i: string) => escapeHtml(value(i))),
    text: rendered.text.replace(MARKER, (_m, i: string) => value(i)),
  };
}

/** The first name used by `{{prenom}}`: the first word of the account's name. */
export const firstNameOf = (name: string | null | undefined): string | null => name?.trim().split(/\s+/)[0] || null;
